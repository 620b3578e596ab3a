package dev.nostdwasm.it;

/** {@link BookkeepingSuite} on the ffm provider. */
class FfmBookkeepingTest extends BookkeepingSuite {
    @Override
    protected String provider() {
        return "ffm";
    }
}
