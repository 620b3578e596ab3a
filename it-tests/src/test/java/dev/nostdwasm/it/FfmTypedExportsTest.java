package dev.nostdwasm.it;

/** {@link TypedExportsSuite} on the ffm provider. */
class FfmTypedExportsTest extends TypedExportsSuite {
    @Override
    protected String provider() {
        return "ffm";
    }
}
