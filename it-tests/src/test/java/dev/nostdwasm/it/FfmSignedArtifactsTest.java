package dev.nostdwasm.it;

/** {@link SignedArtifactsSuite} on the ffm provider. */
class FfmSignedArtifactsTest extends SignedArtifactsSuite {
    @Override
    protected String provider() {
        return "ffm";
    }
}
