package dev.nostdwasm.it;

/** {@link TypedHostFunctionsSuite} on the jni provider. */
class JniTypedHostFunctionsTest extends TypedHostFunctionsSuite {
    @Override
    protected String provider() {
        return "jni";
    }
}
