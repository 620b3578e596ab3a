package dev.nostdwasm.it;

/** {@link HostFunctionsSuite} on the jni provider. */
class JniHostFunctionsTest extends HostFunctionsSuite {
    @Override
    protected String provider() {
        return "jni";
    }
}
