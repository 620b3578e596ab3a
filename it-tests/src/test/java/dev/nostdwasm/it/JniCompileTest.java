package dev.nostdwasm.it;

/** {@link CompileSuite} on the jni provider. */
class JniCompileTest extends CompileSuite {
    @Override
    protected String provider() {
        return "jni";
    }
}
