package dev.nostdwasm.it;

/** {@link TypedCallOutOfMemorySuite} on the jni provider. */
class JniTypedCallOutOfMemoryTest extends TypedCallOutOfMemorySuite {
    @Override
    protected String provider() {
        return "jni";
    }
}
