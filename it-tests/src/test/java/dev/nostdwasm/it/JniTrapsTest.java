package dev.nostdwasm.it;

/** {@link TrapsSuite} on the jni provider. */
class JniTrapsTest extends TrapsSuite {
    @Override
    protected String provider() {
        return "jni";
    }
}
