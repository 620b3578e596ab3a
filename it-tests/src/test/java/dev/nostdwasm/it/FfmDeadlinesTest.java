package dev.nostdwasm.it;

/** {@link DeadlinesSuite} on the ffm provider. */
class FfmDeadlinesTest extends DeadlinesSuite {
    @Override
    protected String provider() {
        return "ffm";
    }
}
