package dev.nostdwasm.it;

/** {@link LimitsSuite} on the jni provider. */
class JniLimitsTest extends LimitsSuite {
    @Override
    protected String provider() {
        return "jni";
    }
}
