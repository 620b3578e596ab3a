package dev.nostdwasm.it;

/** {@link TypedCallOutOfMemorySuite} on the ffm provider. */
class FfmTypedCallOutOfMemoryTest extends TypedCallOutOfMemorySuite {
    @Override
    protected String provider() {
        return "ffm";
    }
}
