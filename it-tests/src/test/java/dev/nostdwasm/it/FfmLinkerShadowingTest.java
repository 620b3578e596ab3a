package dev.nostdwasm.it;

/** {@link LinkerShadowingSuite} on the ffm provider. */
class FfmLinkerShadowingTest extends LinkerShadowingSuite {
    @Override
    protected String provider() {
        return "ffm";
    }
}
