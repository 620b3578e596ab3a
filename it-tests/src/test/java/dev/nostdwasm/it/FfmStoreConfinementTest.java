package dev.nostdwasm.it;

/** {@link StoreConfinementSuite} on the ffm provider. */
class FfmStoreConfinementTest extends StoreConfinementSuite {
    @Override
    protected String provider() {
        return "ffm";
    }
}
