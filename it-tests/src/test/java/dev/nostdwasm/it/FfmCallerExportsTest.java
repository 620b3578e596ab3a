package dev.nostdwasm.it;

/** {@link CallerExportsSuite} on the ffm provider. */
class FfmCallerExportsTest extends CallerExportsSuite {
    @Override
    protected String provider() {
        return "ffm";
    }
}
