package dev.nostdwasm.precompiler;

import dev.nostdwasm.api.Profile;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What an artifact's envelope says about it (the layout is documented in
 * {@code rust-nostd/crates/contract/src/envelope.rs}), read in Java without loading anything.
 *
 * @param digestVerified whether the SHA-256 of the payload matches the header
 * @param signature the 64-byte Ed25519 signature over the header, when the artifact is signed
 */
public record ArtifactInfo(int format, Target target, Profile profile, boolean fuel, boolean epoch,
        String wasmtimeVersion, String isaFlags, long payloadSize, int headerSize, String sha256,
        boolean digestVerified, Optional<byte[]> signature) {

    /**
     * Reads {@code artifact}'s envelope.
     *
     * @throws PrecompileException naming the file and what is wrong with it
     */
    public static ArtifactInfo read(Path artifact) {
        throw new UnsupportedOperationException("not written yet");
    }

    /** Whether the signature is a valid Ed25519 signature by the key in {@code publicKeyPem}. */
    public boolean signedBy(Path publicKeyPem) {
        throw new UnsupportedOperationException("not written yet");
    }
}
