package dev.nostdwasm.it;

/** {@link TypedHostFunctionsSuite} on the ffm provider. */
class FfmTypedHostFunctionsTest extends TypedHostFunctionsSuite {
    @Override
    protected String provider() {
        return "ffm";
    }
}
