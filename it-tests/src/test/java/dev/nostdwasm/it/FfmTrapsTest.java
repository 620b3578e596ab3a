package dev.nostdwasm.it;

/** {@link TrapsSuite} on the ffm provider. */
class FfmTrapsTest extends TrapsSuite {
    @Override
    protected String provider() {
        return "ffm";
    }
}
