package dev.nostdwasm.it;

/** {@link InterruptionSuite} on the ffm provider. */
class FfmInterruptionTest extends InterruptionSuite {
    @Override
    protected String provider() {
        return "ffm";
    }
}
