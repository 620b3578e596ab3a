package dev.nostdwasm.it;

/** {@link UseAfterCloseSuite} on the ffm provider. */
class FfmUseAfterCloseTest extends UseAfterCloseSuite {
    @Override
    protected String provider() {
        return "ffm";
    }
}
