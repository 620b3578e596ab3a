package dev.nostdwasm.it;

/** {@link ArtifactsSuite} on the ffm provider. */
class FfmArtifactsTest extends ArtifactsSuite {
    @Override
    protected String provider() {
        return "ffm";
    }
}
