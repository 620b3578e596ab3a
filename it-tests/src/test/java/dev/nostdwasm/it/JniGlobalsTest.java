package dev.nostdwasm.it;

/** {@link GlobalsSuite} on the jni provider. */
class JniGlobalsTest extends GlobalsSuite {
    @Override
    protected String provider() {
        return "jni";
    }
}
