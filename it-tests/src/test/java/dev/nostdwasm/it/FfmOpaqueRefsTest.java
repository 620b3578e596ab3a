package dev.nostdwasm.it;

/** {@link OpaqueRefsSuite} on the ffm provider. */
class FfmOpaqueRefsTest extends OpaqueRefsSuite {
    @Override
    protected String provider() {
        return "ffm";
    }
}
