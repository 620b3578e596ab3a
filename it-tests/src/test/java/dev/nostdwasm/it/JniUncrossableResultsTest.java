package dev.nostdwasm.it;

/** {@link UncrossableResultsSuite} on the jni provider. */
class JniUncrossableResultsTest extends UncrossableResultsSuite {
    @Override
    protected String provider() {
        return "jni";
    }
}
