package dev.nostdwasm.precompiler;

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
import java.security.MessageDigest;
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
 * {@code rust-nostd/crates/contract/src/envelope.rs}), read in Java without loading anything.
 *
 * @param format the envelope format version (1)
 * @param payloadSize the size of the serialized module after the header
 * @param headerSize the size of the envelope header, signature included
 * @param sha256 the SHA-256 of the payload the header records, lower-case hex
 * @param digestVerified whether the SHA-256 of the payload matches the header
 * @param signature the 64-byte Ed25519 signature over the header, when the artifact is signed
 */
public record ArtifactInfo(int format, Target target, Profile profile, boolean fuel, boolean epoch,
        String wasmtimeVersion, String isaFlags, long payloadSize, int headerSize, String sha256,
        boolean digestVerified, Optional<byte[]> signature) {

    static final byte[] MAGIC = {'N', 'S', 'W', 'A', '\r', '\n', 0x1a, '\n'};
    static final int FORMAT_VERSION = 1;
    static final int SIGNATURE_LEN = 64;
    private static final int MAX_VERSION_LEN = 64;

    /**
     * Reads {@code artifact}'s envelope. A payload whose SHA-256 does not match the header is
     * reported by {@link #digestVerified()}, not thrown.
     *
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

    /** Whether the artifact is signed. */
    public boolean signed() {
        return signature.isPresent();
    }

    /**
     * The header bytes the signature covers: every field is in this record, so they are rebuilt
     * exactly as {@code envelope::wrap} wrote them.
     */
    byte[] signedHeader() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(MAGIC);
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

    private static final class Reader {
        private final ByteBuffer buffer;

        Reader(byte[] bytes) {
            buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        }

        private void need(int n, String field) throws Invalid {
            if (buffer.remaining() < n) {
                throw new Invalid("the artifact is truncated (it ends inside the " + field
                        + "): copy the file again or recompile it");
            }
        }

        int u8(String field) throws Invalid {
            need(1, field);
            return buffer.get() & 0xff;
        }

        int u16(String field) throws Invalid {
            need(2, field);
            return buffer.getShort() & 0xffff;
        }

        long u64(String field) throws Invalid {
            need(8, field);
            return buffer.getLong();
        }

        byte[] take(int n, String field) throws Invalid {
            need(n, field);
            byte[] out = new byte[n];
            buffer.get(out);
            return out;
        }

        String ascii(int n, String field) throws Invalid {
            byte[] raw = take(n, field);
            for (byte b : raw) {
                if (b < 0) {
                    throw badField(field);
                }
            }
            return new String(raw, StandardCharsets.US_ASCII);
        }

        int position() {
            return buffer.position();
        }
    }

    private static Invalid badField(String field) {
        return new Invalid("the artifact header is corrupt (" + field + " is invalid): recompile the module");
    }

    static ArtifactInfo parse(byte[] bytes) throws Invalid {
        if (bytes.length < MAGIC.length || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new Invalid("not a nostd-wasm-java artifact (bad magic; the bytes look like " + looksLike(bytes)
                    + "): precompile the module with nsw-precompile and use its output");
        }
        Reader r = new Reader(bytes);
        r.take(MAGIC.length, "magic");
        int format = r.u16("format version");
        if (format != FORMAT_VERSION) {
            throw new Invalid("artifact envelope format " + format + " is not supported (this precompiler reads format "
                    + FORMAT_VERSION + "): recompile with the precompiler of this release");
        }
        int targetByte = r.u8("target");
        if (targetByte >= Target.values().length) {
            throw badField("target");
        }
        Target target = Target.values()[targetByte];
        int profileByte = r.u8("profile");
        Profile profile = null;
        for (Profile p : Profile.values()) {
            if (p.id() == profileByte) {
                profile = p;
            }
        }
        if (profile == null) {
            throw badField("profile");
        }
        int switches = r.u8("switches");
        if ((switches & ~0b11) != 0) {
            throw badField("switches");
        }
        int algorithm = r.u8("signature algorithm");
        if (algorithm > 1) {
            throw badField("signature algorithm");
        }
        if (r.u16("reserved") != 0) {
            throw badField("reserved");
        }
        long payloadLength = r.u64("payload length");
        byte[] digest = r.take(32, "digest");
        int versionLength = r.u8("Wasmtime version");
        if (versionLength == 0 || versionLength > MAX_VERSION_LEN) {
            throw badField("Wasmtime version");
        }
        String wasmtimeVersion = r.ascii(versionLength, "Wasmtime version");
        int flagsLength = r.u16("ISA flags");
        String isaFlags = r.ascii(flagsLength, "ISA flags");
        Optional<byte[]> signature = algorithm == 1 ? Optional.of(r.take(SIGNATURE_LEN, "signature")) : Optional.empty();
        int headerSize = r.position();
        long actual = bytes.length - (long) headerSize;
        if (actual != payloadLength) {
            throw new Invalid("the artifact is corrupt: its header declares " + Long.toUnsignedString(payloadLength)
                    + " payload bytes but " + actual + " follow; copy the file again or recompile it");
        }
        if (!supports(profile, target)) {
            throw badField("profile/target pair");
        }
        MessageDigest sha256 = newSha256();
        sha256.update(bytes, headerSize, bytes.length - headerSize);
        boolean verified = MessageDigest.isEqual(sha256.digest(), digest);
        return new ArtifactInfo(format, target, profile, (switches & 1) != 0, (switches & 2) != 0, wasmtimeVersion,
                isaFlags, payloadLength, headerSize, HexFormat.of().formatHex(digest), verified, signature);
    }

    /** The pulley profile holds Pulley bytecode only; native profiles hold x86_64 or aarch64 code. */
    static boolean supports(Profile profile, Target target) {
        return (profile == Profile.PULLEY) == (target == Target.PULLEY64);
    }

    private static String looksLike(byte[] bytes) {
        if (bytes.length == 0) {
            return "an empty file";
        }
        if (startsWith(bytes, new byte[] {0, 'a', 's', 'm'})) {
            return "a WebAssembly binary (.wasm)";
        }
        if (startsWith(bytes, new byte[] {0x7f, 'E', 'L', 'F'})) {
            return "a raw Wasmtime .cwasm without envelope";
        }
        for (int i = 0; i < Math.min(64, bytes.length); i++) {
            if (bytes[i] < 0) {
                return "unknown binary data";
            }
        }
        return "text (perhaps .wat)";
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
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
