package dev.nostdwasm.it;

/** {@link DeadlinesSuite} on the jni provider. */
class JniDeadlinesTest extends DeadlinesSuite {
    @Override
    protected String provider() {
        return "jni";
    }
}
