package dev.nostdwasm.it;

/** {@link TypedCallAllocationSuite} on the ffm provider. */
class FfmTypedCallAllocationTest extends TypedCallAllocationSuite {
    @Override
    protected String provider() {
        return "ffm";
    }
}
