package dev.nostdwasm.precompiler;

import dev.nostdwasm.api.ArtifactCorruptException;
import dev.nostdwasm.api.ArtifactHeader;
import dev.nostdwasm.api.Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * What an artifact's envelope says about it (the layout is documented in
 * {@code rust-nostd/crates/contract/src/envelope.rs}), read in Java without loading anything by
 * the SDK's {@link ArtifactHeader} parser.
 *
 * @param format the envelope format version (1)
 * @param target what the code is for
 * @param profile the profile the code was compiled for
 * @param fuel whether the code was compiled with fuel metering
 * @param epoch whether the code was compiled with epoch interruption
 * @param wasmtimeVersion the Wasmtime version the code was compiled with
 * @param isaFlags the ISA flags the code was compiled with, comma-separated
 * @param payloadSize the size of the serialized module after the header
 * @param headerSize the size of the envelope header, signature included
 * @param sha256 the SHA-256 of the payload the header records, lower-case hex
 * @param digestVerified whether the SHA-256 of the payload matches the header
 * @param signature the 64-byte Ed25519 signature over the header, when the artifact is signed
 */
public record ArtifactInfo(int format, Target target, Profile profile, boolean fuel, boolean epoch,
        String wasmtimeVersion, String isaFlags, long payloadSize, int headerSize, String sha256,
        boolean digestVerified, Optional<byte[]> signature) {

    /**
     * Reads {@code artifact}'s envelope. A payload whose SHA-256 does not match the header is
     * reported by {@link #digestVerified()}, not thrown.
     *
     * @param artifact the artifact file
     * @return what its envelope says
     * @throws PrecompileException naming the file and what is wrong with it: missing, not an
     *     artifact, truncated, another envelope format, a corrupt header field, or a payload of
     *     another length than the header declares
     */
    public static ArtifactInfo read(Path artifact) {
        Objects.requireNonNull(artifact, "artifact");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(artifact);
        } catch (NoSuchFileException e) {
            throw new PrecompileException(artifact, "the artifact " + artifact + " does not exist");
        } catch (IOException e) {
            throw new PrecompileException(artifact, "cannot read the artifact " + artifact + ": " + e, e);
        }
        try {
            return parse(bytes);
        } catch (Invalid e) {
            throw new PrecompileException(artifact, artifact + ": " + e.getMessage());
        }
    }

    /**
     * Whether the signature is a valid Ed25519 signature by the key in {@code publicKeyPem} (an
     * X.509 SubjectPublicKeyInfo PEM, as {@link SigningKeys#generate} or {@code openssl pkey
     * -pubout} writes). False for an unsigned artifact. The signature covers the whole header,
     * which holds the payload's SHA-256; check {@link #digestVerified()} too.
     *
     * @param publicKeyPem the public key file
     * @return true when the artifact is signed and the signature verifies with that key
     * @throws PrecompileException when the key file is missing or not an Ed25519 public key
     */
    public boolean signedBy(Path publicKeyPem) {
        Objects.requireNonNull(publicKeyPem, "publicKeyPem");
        PublicKey key = readPublicKey(publicKeyPem);
        if (signature.isEmpty()) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(signedHeader());
            return verifier.verify(signature.get());
        } catch (SignatureException e) {
            return false; // a malformed signature is not a valid one
        } catch (GeneralSecurityException e) {
            throw new PrecompileException(publicKeyPem, "cannot verify with the public key " + publicKeyPem + ": " + e, e);
        }
    }

    /** {@return whether the artifact is signed} */
    public boolean signed() {
        return signature.isPresent();
    }

    /**
     * The header bytes the signature covers: every field is in this record, so they are rebuilt
     * exactly as {@code envelope::wrap} wrote them.
     */
    byte[] signedHeader() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ArtifactHeader.magic());
        ByteBuffer fixed = ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN);
        fixed.putShort((short) format);
        fixed.put((byte) target.ordinal());
        fixed.put((byte) profile.id());
        fixed.put((byte) ((fuel ? 1 : 0) | (epoch ? 2 : 0)));
        fixed.put((byte) (signature.isPresent() ? 1 : 0));
        fixed.putShort((short) 0);
        fixed.putLong(payloadSize);
        fixed.put(HexFormat.of().parseHex(sha256));
        out.writeBytes(fixed.array());
        byte[] version = wasmtimeVersion.getBytes(StandardCharsets.US_ASCII);
        out.write(version.length);
        out.writeBytes(version);
        byte[] flags = isaFlags.getBytes(StandardCharsets.US_ASCII);
        out.write(flags.length & 0xff);
        out.write(flags.length >>> 8);
        out.writeBytes(flags);
        return out.toByteArray();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ArtifactInfo o && format == o.format && target == o.target && profile == o.profile
                && fuel == o.fuel && epoch == o.epoch && wasmtimeVersion.equals(o.wasmtimeVersion)
                && isaFlags.equals(o.isaFlags) && payloadSize == o.payloadSize && headerSize == o.headerSize
                && sha256.equals(o.sha256) && digestVerified == o.digestVerified
                && signature.isPresent() == o.signature.isPresent()
                && (signature.isEmpty() || Arrays.equals(signature.get(), o.signature.get()));
    }

    @Override
    public int hashCode() {
        return Objects.hash(format, target, profile, fuel, epoch, wasmtimeVersion, isaFlags, payloadSize, headerSize,
                sha256, digestVerified, signature.map(Arrays::hashCode).orElse(0));
    }

    @Override
    public String toString() {
        return "ArtifactInfo[format=" + format + ", target=" + target.cliName() + ", profile=" + profile.cliName()
                + ", fuel=" + fuel + ", epoch=" + epoch + ", wasmtimeVersion=" + wasmtimeVersion + ", isaFlags="
                + isaFlags + ", payloadSize=" + payloadSize + ", headerSize=" + headerSize + ", sha256=" + sha256
                + ", digestVerified=" + digestVerified + ", signature="
                + signature.map(s -> "Ed25519 " + HexFormat.of().formatHex(s)).orElse("none") + "]";
    }

    // ------------------------------------------------------------------------------------------

    /** Why bytes are not a readable artifact; the message completes "FILE: ". */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    /** Reads the envelope with the SDK's parser ({@link ArtifactHeader}), which the runtime uses too. */
    static ArtifactInfo parse(byte[] bytes) throws Invalid {
        ArtifactHeader header;
        try {
            header = ArtifactHeader.parse(bytes);
        } catch (ArtifactCorruptException e) {
            throw new Invalid(e.getMessage());
        }
        return new ArtifactInfo(header.format(), Target.fromCliName(header.target()), header.profile(), header.fuel(),
                header.epoch(), header.wasmtimeVersion(), header.isaFlags(), header.payloadLength(),
                header.headerLength(), HexFormat.of().formatHex(header.payloadSha256()),
                header.payloadDigestMatches(bytes), header.signature());
    }

    /** The pulley profile holds Pulley bytecode only; native profiles hold x86_64 or aarch64 code. */
    static boolean supports(Profile profile, Target target) {
        return (profile == Profile.PULLEY) == (target == Target.PULLEY64);
    }

    private static PublicKey readPublicKey(Path file) {
        String how = "give an Ed25519 public key in PEM (SigningKeys.generate writes one; or `openssl pkey -in key.pem "
                + "-pubout -out public.pem`)";
        byte[] der = Pem.read(file, "PUBLIC KEY", "public key", how);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (InvalidKeySpecException e) {
            throw new PrecompileException(file, "the public key " + file + " is not an Ed25519 key (" + e.getMessage()
                    + "): " + how, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no Ed25519 (every JDK 15+ has)", e);
        }
    }
}
