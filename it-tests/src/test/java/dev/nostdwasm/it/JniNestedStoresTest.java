package dev.nostdwasm.it;

/** {@link NestedStoresSuite} on the jni provider. */
class JniNestedStoresTest extends NestedStoresSuite {

    @Override
    protected String provider() {
        return "jni";
    }
}
