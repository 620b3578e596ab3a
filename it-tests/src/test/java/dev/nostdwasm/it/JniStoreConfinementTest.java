package dev.nostdwasm.it;

/** {@link StoreConfinementSuite} on the jni provider. */
class JniStoreConfinementTest extends StoreConfinementSuite {
    @Override
    protected String provider() {
        return "jni";
    }
}
