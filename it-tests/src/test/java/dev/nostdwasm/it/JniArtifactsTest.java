package dev.nostdwasm.it;

/** {@link ArtifactsSuite} on the jni provider. */
class JniArtifactsTest extends ArtifactsSuite {
    @Override
    protected String provider() {
        return "jni";
    }
}
