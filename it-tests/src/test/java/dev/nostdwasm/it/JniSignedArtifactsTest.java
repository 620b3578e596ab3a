package dev.nostdwasm.it;

/** {@link SignedArtifactsSuite} on the jni provider. */
class JniSignedArtifactsTest extends SignedArtifactsSuite {
    @Override
    protected String provider() {
        return "jni";
    }
}
