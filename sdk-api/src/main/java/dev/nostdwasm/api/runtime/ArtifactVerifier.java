package dev.nostdwasm.api.runtime;

import dev.nostdwasm.api.ArtifactHeader;
import dev.nostdwasm.api.ArtifactSignatureException;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.List;

/**
 * Checks an artifact against trusted Ed25519 keys in Java, before any native code sees it: the
 * envelope header must be signed, the signature over it must verify with a trusted key, and the
 * payload must match the SHA-256 the (signed) header records.
 */
final class ArtifactVerifier {

    private static final String SIGN = "sign it with `nsw-precompile --sign-key <private key>`";

    private ArtifactVerifier() {
    }

    /**
     * Returns normally when {@code artifact} is signed by one of {@code keys} and unmodified.
     *
     * @throws dev.nostdwasm.api.ArtifactCorruptException when the bytes are not an artifact at all
     * @throws ArtifactSignatureException naming the case: unsigned, not verifiable with any
     *     trusted key, or payload changed after signing
     */
    static ArtifactHeader verify(byte[] artifact, List<PublicKey> keys) {
        ArtifactHeader header = ArtifactHeader.parse(artifact);
        if (!header.signed()) {
            throw new ArtifactSignatureException("the artifact is unsigned, but this engine loads only artifacts "
                    + "signed by one of its " + keys.size() + " trusted key(s): " + SIGN
                    + " whose public key is trusted (EngineConfig.withTrustedKeys)");
        }
        byte[] signed = header.signedBytes();
        byte[] signature = header.signature().orElseThrow();
        boolean verified = false;
        for (PublicKey key : keys) {
            if (verifies(key, signed, signature)) {
                verified = true;
                break;
            }
        }
        if (!verified) {
            throw new ArtifactSignatureException("the artifact's signature does not verify with any of this engine's "
                    + keys.size() + " trusted key(s): either it was signed by a key that is not trusted (add that "
                    + "key's public key with EngineConfig.withTrustedKeys, if you trust it) or its header was "
                    + "tampered with after signing (recompile the module and " + SIGN + ")");
        }
        if (!header.payloadDigestMatches(artifact)) {
            throw new ArtifactSignatureException("the artifact's signature is good, but its payload does not match "
                    + "the SHA-256 in the signed header (payload digest mismatch): the code was modified or damaged "
                    + "after signing; recompile the module and " + SIGN);
        }
        return header;
    }

    /**
     * Refuses {@code artifact} on an engine without trusted keys that did not opt in to unsigned
     * artifacts; {@code where} says where it came from ("" when the caller handed the bytes), and
     * the message names both ways out.
     *
     * @throws dev.nostdwasm.api.ArtifactCorruptException when the bytes are not an artifact at all
     */
    static ArtifactSignatureException unverifiable(byte[] artifact, String where) {
        ArtifactHeader header = ArtifactHeader.parse(artifact);
        String what = header.signed()
                ? "the artifact" + where + " is signed, but this engine has no trusted key to check the signature with"
                : "the artifact" + where + " is unsigned";
        return new ArtifactSignatureException(what + ", and an artifact is native code that runs in this process, so"
                + " this engine loads only artifacts it can verify. Either " + SIGN + " (or the Maven plugin's"
                + " <signingKey>) and trust its public key: EngineConfig.withTrustedKeys(List.of(TrustedKeys.readPem("
                + "publicKeyPem))); or, for artifacts you built yourself and protect like your own code, opt in with"
                + " EngineConfig.allowUnsignedArtifacts()");
    }

    /** Refuses artifacts compiled at run time (they are unsigned) on an engine with trusted keys. */
    static ArtifactSignatureException compileRefused(int keys) {
        return new ArtifactSignatureException("Engine.compile makes unsigned artifacts, and this engine has " + keys
                + " trusted key(s), so it loads only signed ones: precompile the module at build time, " + SIGN
                + ", and load it with Engine.load or Engine.loadResource (or compile on an engine without trusted keys)");
    }

    /** Refuses raw artifacts on an engine with trusted keys. */
    static ArtifactSignatureException rawRefused(int keys) {
        return new ArtifactSignatureException("raw .cwasm artifacts cannot be verified, and this engine has " + keys
                + " trusted key(s), so it loads only signed artifacts: precompile the module with nsw-precompile, "
                + SIGN + ", and load it with Engine.load");
    }

    private static boolean verifies(PublicKey key, byte[] signed, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(signed);
            return verifier.verify(signature);
        } catch (InvalidKeyException | SignatureException e) {
            return false; // a malformed signature or an unusable key verifies nothing
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no Ed25519 (every JDK 15+ has)", e);
        }
    }
}
