package dev.nostdwasm.it;

/** {@link MemoryViewsSuite} on the ffm provider. */
class FfmMemoryViewsTest extends MemoryViewsSuite {
    @Override
    protected String provider() {
        return "ffm";
    }

    @Override
    protected boolean revocableViews() {
        return true;
    }
}
