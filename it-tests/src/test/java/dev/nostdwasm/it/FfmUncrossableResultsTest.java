package dev.nostdwasm.it;

/** {@link UncrossableResultsSuite} on the ffm provider. */
class FfmUncrossableResultsTest extends UncrossableResultsSuite {
    @Override
    protected String provider() {
        return "ffm";
    }
}
