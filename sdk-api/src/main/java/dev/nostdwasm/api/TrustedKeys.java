package dev.nostdwasm.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;

/**
 * Reads the Ed25519 public keys an engine trusts (see {@link EngineConfig#withTrustedKeys}) from
 * the PEM files {@code nsw-precompile}'s key generation or {@code openssl pkey -pubout} write.
 */
public final class TrustedKeys {

    private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String END = "-----END PUBLIC KEY-----";
    private static final String HOW = "give an Ed25519 public key in PEM (X.509 SubjectPublicKeyInfo, as "
            + "`openssl pkey -in key.pem -pubout -out public.pem` writes)";

    private TrustedKeys() {
    }

    /**
     * The Ed25519 public key in {@code pem}, a {@code -----BEGIN PUBLIC KEY-----} file.
     *
     * @param pem the file
     * @return the key
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when it holds no public key, or one that is not Ed25519
     */
    public static PublicKey readPem(Path pem) throws IOException {
        Objects.requireNonNull(pem, "pem");
        String text = Files.readString(pem, StandardCharsets.US_ASCII);
        int begin = text.indexOf(BEGIN);
        int end = begin < 0 ? -1 : text.indexOf(END, begin);
        if (begin < 0 || end < 0) {
            String what = text.contains("PRIVATE KEY-----")
                    ? "holds a private key, not a public key (never ship the private key)"
                    : "holds no -----BEGIN PUBLIC KEY----- block";
            throw new IllegalArgumentException(pem + " " + what + ": " + HOW);
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.substring(begin + BEGIN.length(), end));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(pem + " is not valid PEM (" + e.getMessage() + "): " + HOW, e);
        }
        PublicKey key;
        try {
            key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(pem + " is not an Ed25519 public key (" + e.getMessage() + "): " + HOW, e);
        }
        return requireEd25519(key);
    }

    /** {@code key} if it is an Ed25519 public key; otherwise an {@link IllegalArgumentException}. */
    static PublicKey requireEd25519(PublicKey key) {
        Objects.requireNonNull(key, "trusted key");
        if (!(key instanceof EdECPublicKey ed) || !"Ed25519".equalsIgnoreCase(ed.getParams().getName())) {
            throw new IllegalArgumentException("trusted keys must be Ed25519 public keys (artifacts are signed with "
                    + "Ed25519), not " + key.getAlgorithm() + ": " + HOW);
        }
        return key;
    }
}
