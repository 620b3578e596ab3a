package dev.nostdwasm.it;

/** {@link CompileSuite} on the ffm provider. */
class FfmCompileTest extends CompileSuite {
    @Override
    protected String provider() {
        return "ffm";
    }
}
