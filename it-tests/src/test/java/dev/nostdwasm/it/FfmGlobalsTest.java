package dev.nostdwasm.it;

/** {@link GlobalsSuite} on the ffm provider. */
class FfmGlobalsTest extends GlobalsSuite {
    @Override
    protected String provider() {
        return "ffm";
    }
}
