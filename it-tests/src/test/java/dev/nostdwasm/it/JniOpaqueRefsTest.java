package dev.nostdwasm.it;

/** {@link OpaqueRefsSuite} on the jni provider. */
class JniOpaqueRefsTest extends OpaqueRefsSuite {
    @Override
    protected String provider() {
        return "jni";
    }
}
