package dev.nostdwasm.it;

/** {@link BookkeepingSuite} on the jni provider. */
class JniBookkeepingTest extends BookkeepingSuite {
    @Override
    protected String provider() {
        return "jni";
    }
}
