package dev.nostdwasm.api.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nostdwasm.api.ArtifactCorruptException;
import dev.nostdwasm.api.ArtifactHeaderTest;
import dev.nostdwasm.api.ArtifactSignatureException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArtifactVerifierTest {

    private final KeyPair trusted = generate();
    private final KeyPair other = generate();

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String refusal(byte[] bytes) {
        return assertThrows(ArtifactSignatureException.class,
                () -> ArtifactVerifier.verify(bytes, List.of(other.getPublic(), trusted.getPublic()))).getMessage();
    }

    @Test
    void signedByATrustedKeyPasses() throws Exception {
        byte[] bytes = ArtifactHeaderTest.artifact(ArtifactHeaderTest.PAYLOAD, "has_lse", trusted.getPrivate());
        assertEquals("aarch64", ArtifactVerifier.verify(bytes, List.of(other.getPublic(), trusted.getPublic())).target());
    }

    @Test
    void everyOtherCaseIsRefusedAndSaysWhy() throws Exception {
        byte[] unsigned = ArtifactHeaderTest.artifact(ArtifactHeaderTest.PAYLOAD, "has_lse", null);
        assertTrue(refusal(unsigned).contains("unsigned") && refusal(unsigned).contains("--sign-key"));

        byte[] wrongKey = ArtifactHeaderTest.artifact(ArtifactHeaderTest.PAYLOAD, "has_lse", generate().getPrivate());
        assertTrue(refusal(wrongKey).contains("not trusted"), refusal(wrongKey));

        byte[] header = ArtifactHeaderTest.artifact(ArtifactHeaderTest.PAYLOAD, "has_lse", trusted.getPrivate());
        header[60] ^= 1; // inside the Wasmtime version
        assertTrue(refusal(header).contains("tampered"), refusal(header));

        byte[] payload = ArtifactHeaderTest.artifact(ArtifactHeaderTest.PAYLOAD, "has_lse", trusted.getPrivate());
        payload[payload.length - 3] ^= 1;
        assertTrue(refusal(payload).contains("payload digest mismatch"), refusal(payload));

        assertThrows(ArtifactCorruptException.class,
                () -> ArtifactVerifier.verify(new byte[] {0, 'a', 's', 'm'}, List.of(trusted.getPublic())));
        assertTrue(ArtifactVerifier.rawRefused(1).getMessage().contains("cannot be verified"));
    }

    @Test
    void withoutKeysTheRefusalSaysBothWaysOut() throws Exception {
        byte[] unsigned = ArtifactHeaderTest.artifact(ArtifactHeaderTest.PAYLOAD, "has_lse", null);
        String message = ArtifactVerifier.unverifiable(unsigned, " app.cwasm").getMessage();
        assertTrue(message.startsWith("the artifact app.cwasm is unsigned"), message);
        assertTrue(message.contains("EngineConfig.withTrustedKeys") && message.contains("EngineConfig.allowUnsignedArtifacts()"),
                message);
        byte[] signed = ArtifactHeaderTest.artifact(ArtifactHeaderTest.PAYLOAD, "has_lse", trusted.getPrivate());
        assertTrue(ArtifactVerifier.unverifiable(signed, "").getMessage().contains("is signed, but this engine has no trusted key"));
        assertThrows(ArtifactCorruptException.class, () -> ArtifactVerifier.unverifiable(new byte[] {0, 'a', 's', 'm'}, ""));
    }
}
