package dev.nostdwasm.it;

/** {@link UseAfterCloseSuite} on the jni provider. */
class JniUseAfterCloseTest extends UseAfterCloseSuite {
    @Override
    protected String provider() {
        return "jni";
    }
}
