package dev.nostdwasm.it;

/** {@link ExceptionTypesSuite} on the ffm provider. */
class FfmExceptionTypesTest extends ExceptionTypesSuite {
    @Override
    protected String provider() {
        return "ffm";
    }
}
