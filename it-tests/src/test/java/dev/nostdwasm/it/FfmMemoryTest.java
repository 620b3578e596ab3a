package dev.nostdwasm.it;

/** {@link MemorySuite} on the ffm provider. */
class FfmMemoryTest extends MemorySuite {
    @Override
    protected String provider() {
        return "ffm";
    }
}
