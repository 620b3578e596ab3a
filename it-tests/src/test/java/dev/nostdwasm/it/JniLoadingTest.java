package dev.nostdwasm.it;

/** {@link LoadingSuite} on the jni provider. */
class JniLoadingTest extends LoadingSuite {
    @Override
    protected String provider() {
        return "jni";
    }
}
