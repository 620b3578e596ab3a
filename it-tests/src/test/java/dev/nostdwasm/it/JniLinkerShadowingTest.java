package dev.nostdwasm.it;

/** {@link LinkerShadowingSuite} on the jni provider. */
class JniLinkerShadowingTest extends LinkerShadowingSuite {
    @Override
    protected String provider() {
        return "jni";
    }
}
