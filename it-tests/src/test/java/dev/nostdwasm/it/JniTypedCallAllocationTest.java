package dev.nostdwasm.it;

/** {@link TypedCallAllocationSuite} on the jni provider. */
class JniTypedCallAllocationTest extends TypedCallAllocationSuite {
    @Override
    protected String provider() {
        return "jni";
    }
}
