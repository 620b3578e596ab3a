package dev.nostdwasm.it;

/** {@link MemoryHelpersSuite} on the jni provider. */
class JniMemoryHelpersTest extends MemoryHelpersSuite {
    @Override
    protected String provider() {
        return "jni";
    }
}
