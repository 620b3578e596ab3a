package dev.nostdwasm.it;

/** {@link LinkerReentrancySuite} on the ffm provider. */
class FfmLinkerReentrancyTest extends LinkerReentrancySuite {

    @Override
    protected String provider() {
        return "ffm";
    }
}
