package dev.nostdwasm.it;

/** {@link MemorySuite} on the jni provider. */
class JniMemoryTest extends MemorySuite {
    @Override
    protected String provider() {
        return "jni";
    }
}
