package dev.nostdwasm.it;

/** {@link ExceptionTypesSuite} on the jni provider. */
class JniExceptionTypesTest extends ExceptionTypesSuite {
    @Override
    protected String provider() {
        return "jni";
    }
}
