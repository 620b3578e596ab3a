package dev.nostdwasm.it;

/** {@link LinkingSuite} on the ffm provider. */
class FfmLinkingTest extends LinkingSuite {
    @Override
    protected String provider() {
        return "ffm";
    }
}
