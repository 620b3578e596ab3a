package dev.nostdwasm.it;

/** {@link NestedStoresSuite} on the ffm provider. */
class FfmNestedStoresTest extends NestedStoresSuite {

    @Override
    protected String provider() {
        return "ffm";
    }
}
