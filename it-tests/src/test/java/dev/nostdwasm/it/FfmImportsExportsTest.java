package dev.nostdwasm.it;

/** {@link ImportsExportsSuite} on the ffm provider. */
class FfmImportsExportsTest extends ImportsExportsSuite {
    @Override
    protected String provider() {
        return "ffm";
    }
}
