package dev.nostdwasm.it;

/** {@link BacktraceSuite} on the jni provider. */
class JniBacktraceTest extends BacktraceSuite {
    @Override
    protected String provider() {
        return "jni";
    }
}
