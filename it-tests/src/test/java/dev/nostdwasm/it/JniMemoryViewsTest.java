package dev.nostdwasm.it;

/** {@link MemoryViewsSuite} on the jni provider. */
class JniMemoryViewsTest extends MemoryViewsSuite {
    @Override
    protected String provider() {
        return "jni";
    }

    @Override
    protected boolean revocableViews() {
        return false;
    }
}
