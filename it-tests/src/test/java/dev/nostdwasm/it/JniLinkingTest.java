package dev.nostdwasm.it;

/** {@link LinkingSuite} on the jni provider. */
class JniLinkingTest extends LinkingSuite {
    @Override
    protected String provider() {
        return "jni";
    }
}
