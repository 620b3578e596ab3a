package dev.nostdwasm.precompiler;

import java.nio.file.Path;

/** Ed25519 key pairs for signing artifacts, as PEM files (PKCS#8 private, X.509 public). */
public final class SigningKeys {

    private SigningKeys() {
    }

    /** Writes a new key pair: the private key (owner-only permissions) and the public key. */
    public static void generate(Path privateKeyPem, Path publicKeyPem) {
        throw new UnsupportedOperationException("not written yet");
    }
}
