package dev.nostdwasm.it;

/** {@link InterruptionSuite} on the jni provider. */
class JniInterruptionTest extends InterruptionSuite {
    @Override
    protected String provider() {
        return "jni";
    }
}
