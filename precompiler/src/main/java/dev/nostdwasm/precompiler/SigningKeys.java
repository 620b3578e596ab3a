package dev.nostdwasm.precompiler;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Objects;

/**
 * Ed25519 key pairs for signing artifacts, as PEM files (PKCS#8 private, X.509 public): the
 * formats {@code openssl genpkey -algorithm ed25519} and {@code openssl pkey -pubout} write, and
 * {@code nsw-precompile --sign-key} / {@code inspect --public-key} and
 * {@link ArtifactInfo#signedBy(Path)} read.
 */
public final class SigningKeys {

    private SigningKeys() {
    }

    /**
     * Writes a new key pair: the private key (owner-only permissions, {@code rw-------}) and the
     * public key. Neither file may exist yet: an existing key is never overwritten.
     *
     * @param privateKeyPem the file for the private key (PKCS#8 PEM)
     * @param publicKeyPem the file for the public key (X.509 SubjectPublicKeyInfo PEM)
     * @throws IllegalArgumentException when both are the same file
     * @throws PrecompileException naming the file that exists or cannot be written
     */
    public static void generate(Path privateKeyPem, Path publicKeyPem) {
        Objects.requireNonNull(privateKeyPem, "privateKeyPem");
        Objects.requireNonNull(publicKeyPem, "publicKeyPem");
        if (privateKeyPem.toAbsolutePath().normalize().equals(publicKeyPem.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("the private and the public key need two different files, not " + privateKeyPem);
        }
        for (Path file : new Path[] {privateKeyPem, publicKeyPem}) {
            if (Files.exists(file)) {
                throw new PrecompileException(file, file + " already exists: a key is never overwritten; delete it or "
                        + "choose another file");
            }
        }
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no Ed25519 (every JDK 15+ has)", e);
        }
        write(privateKeyPem, Pem.encode("PRIVATE KEY", pair.getPrivate().getEncoded()), true);
        try {
            write(publicKeyPem, Pem.encode("PUBLIC KEY", pair.getPublic().getEncoded()), false);
        } catch (PrecompileException e) {
            try {
                Files.deleteIfExists(privateKeyPem);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static void write(Path file, String pem, boolean secret) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (secret) {
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException e) {
                    Files.createFile(file);
                    file.toFile().setReadable(false, false);
                    file.toFile().setReadable(true, true);
                    file.toFile().setWritable(true, true);
                }
            } else {
                Files.createFile(file);
            }
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(pem.getBytes(StandardCharsets.US_ASCII));
            }
        } catch (FileAlreadyExistsException e) {
            throw new PrecompileException(file, file + " already exists: a key is never overwritten; delete it or choose another file", e);
        } catch (IOException e) {
            throw new PrecompileException(file, "cannot write the " + (secret ? "private" : "public") + " key " + file + ": " + e, e);
        }
    }
}
