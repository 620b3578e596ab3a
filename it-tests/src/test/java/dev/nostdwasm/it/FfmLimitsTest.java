package dev.nostdwasm.it;

/** {@link LimitsSuite} on the ffm provider. */
class FfmLimitsTest extends LimitsSuite {
    @Override
    protected String provider() {
        return "ffm";
    }
}
