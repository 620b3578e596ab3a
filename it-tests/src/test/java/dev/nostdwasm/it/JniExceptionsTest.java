package dev.nostdwasm.it;

/** {@link ExceptionsSuite} on the jni provider. */
class JniExceptionsTest extends ExceptionsSuite {
    @Override
    protected String provider() {
        return "jni";
    }
}
