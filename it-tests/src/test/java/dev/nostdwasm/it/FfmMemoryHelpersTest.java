package dev.nostdwasm.it;

/** {@link MemoryHelpersSuite} on the ffm provider. */
class FfmMemoryHelpersTest extends MemoryHelpersSuite {
    @Override
    protected String provider() {
        return "ffm";
    }
}
