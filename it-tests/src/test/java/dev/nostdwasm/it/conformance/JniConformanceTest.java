package dev.nostdwasm.it.conformance;

/** {@link ConformanceSuite} on the jni provider. */
class JniConformanceTest extends ConformanceSuite {
    @Override
    protected String provider() {
        return "jni";
    }
}
