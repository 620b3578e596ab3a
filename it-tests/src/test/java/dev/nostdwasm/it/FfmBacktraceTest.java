package dev.nostdwasm.it;

/** {@link BacktraceSuite} on the ffm provider. */
class FfmBacktraceTest extends BacktraceSuite {
    @Override
    protected String provider() {
        return "ffm";
    }
}
