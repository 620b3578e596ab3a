package dev.nostdwasm.it;

/** {@link HostFunctionsSuite} on the ffm provider. */
class FfmHostFunctionsTest extends HostFunctionsSuite {
    @Override
    protected String provider() {
        return "ffm";
    }
}
