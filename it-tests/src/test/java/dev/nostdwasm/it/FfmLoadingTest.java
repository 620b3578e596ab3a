package dev.nostdwasm.it;

/** {@link LoadingSuite} on the ffm provider. */
class FfmLoadingTest extends LoadingSuite {
    @Override
    protected String provider() {
        return "ffm";
    }
}
