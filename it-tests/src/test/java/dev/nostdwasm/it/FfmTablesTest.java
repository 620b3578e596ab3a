package dev.nostdwasm.it;

/** {@link TablesSuite} on the ffm provider. */
class FfmTablesTest extends TablesSuite {
    @Override
    protected String provider() {
        return "ffm";
    }
}
