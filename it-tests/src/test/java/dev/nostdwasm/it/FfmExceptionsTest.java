package dev.nostdwasm.it;

/** {@link ExceptionsSuite} on the ffm provider. */
class FfmExceptionsTest extends ExceptionsSuite {
    @Override
    protected String provider() {
        return "ffm";
    }
}
