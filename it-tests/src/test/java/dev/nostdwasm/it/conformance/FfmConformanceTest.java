package dev.nostdwasm.it.conformance;

/** {@link ConformanceSuite} on the ffm provider. */
class FfmConformanceTest extends ConformanceSuite {
    @Override
    protected String provider() {
        return "ffm";
    }
}
