package dev.nostdwasm.api;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * The envelope header in front of an artifact's code, read in Java without loading anything. The
 * byte layout is documented in {@code rust-nostd/crates/contract/src/envelope.rs}: magic, format
 * version, target, profile, fuel and epoch switches, signature algorithm, payload length, SHA-256
 * of the payload, Wasmtime version, ISA flags, then an optional 64-byte Ed25519 signature over
 * every header byte before it. The payload (Wasmtime's own serialization, a raw {@code .cwasm})
 * follows at {@link #headerLength()}.
 *
 * <p>{@link #parse} checks the header's structure and that the payload has the declared length;
 * whether the payload matches its SHA-256 is {@link #payloadDigestMatches}, and whether the
 * signature is good is up to the caller (engines with trusted keys check both before loading).
 * Immutable.
 */
public final class ArtifactHeader {

    /** The envelope format this release reads and writes. */
    public static final int FORMAT_VERSION = 1;
    /** The length of an Ed25519 signature. */
    public static final int SIGNATURE_LENGTH = 64;

    private static final byte[] MAGIC = {'N', 'S', 'W', 'A', '\r', '\n', 0x1a, '\n'};
    private static final String[] TARGETS = {"x86_64", "aarch64", "pulley64"};
    private static final int PULLEY64 = 2;
    private static final int MAX_VERSION_LENGTH = 64;

    private final int format;
    private final int targetId;
    private final Profile profile;
    private final boolean fuel;
    private final boolean epoch;
    private final long payloadLength;
    private final byte[] payloadSha256;
    private final String wasmtimeVersion;
    private final String isaFlags;
    private final byte[] signedBytes;
    private final byte[] signature; // null when unsigned

    private ArtifactHeader(int format, int targetId, Profile profile, boolean fuel, boolean epoch, long payloadLength,
            byte[] payloadSha256, String wasmtimeVersion, String isaFlags, byte[] signedBytes, byte[] signature) {
        this.format = format;
        this.targetId = targetId;
        this.profile = profile;
        this.fuel = fuel;
        this.epoch = epoch;
        this.payloadLength = payloadLength;
        this.payloadSha256 = payloadSha256;
        this.wasmtimeVersion = wasmtimeVersion;
        this.isaFlags = isaFlags;
        this.signedBytes = signedBytes;
        this.signature = signature;
    }

    /** {@return the 8 bytes every artifact starts with ({@code NSWA\r\n\x1a\n}); a new copy} */
    public static byte[] magic() {
        return MAGIC.clone();
    }

    /**
     * Reads the header of {@code artifact} (the whole artifact: the payload length is checked).
     *
     * @param artifact the artifact's bytes, header and payload
     * @return the header
     * @throws ArtifactCorruptException when the bytes are not an artifact (the message guesses
     *     what they are), are truncated, use another envelope format, have a corrupt header
     *     field, or carry a payload of another length than the header declares
     */
    public static ArtifactHeader parse(byte[] artifact) {
        Objects.requireNonNull(artifact, "artifact");
        if (!startsWith(artifact, MAGIC)) {
            throw new ArtifactCorruptException("not a nostd-wasm-java artifact (bad magic; the bytes look like "
                    + looksLike(artifact) + "): precompile the module with nsw-precompile and use its output");
        }
        Reader r = new Reader(artifact);
        r.take(MAGIC.length, "magic");
        int format = r.u16("format version");
        if (format != FORMAT_VERSION) {
            throw new ArtifactCorruptException("artifact envelope format " + format
                    + " is not supported (this release reads format " + FORMAT_VERSION
                    + "): recompile with the precompiler of this release");
        }
        int targetId = r.u8("target");
        if (targetId >= TARGETS.length) {
            throw badField("target");
        }
        int profileId = r.u8("profile");
        Profile profile = null;
        for (Profile p : Profile.values()) {
            if (p.id() == profileId) {
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
        if (versionLength == 0 || versionLength > MAX_VERSION_LENGTH) {
            throw badField("Wasmtime version");
        }
        String wasmtimeVersion = r.ascii(versionLength, "Wasmtime version");
        int flagsLength = r.u16("ISA flags");
        String isaFlags = r.ascii(flagsLength, "ISA flags");
        byte[] signedBytes = Arrays.copyOf(artifact, r.position());
        byte[] signature = algorithm == 1 ? r.take(SIGNATURE_LENGTH, "signature") : null;
        long actual = artifact.length - (long) r.position();
        if (actual != payloadLength) {
            throw new ArtifactCorruptException("the artifact is corrupt: its header declares "
                    + Long.toUnsignedString(payloadLength) + " payload bytes but " + actual
                    + " follow; copy the file again or recompile it");
        }
        if ((profile == Profile.PULLEY) != (targetId == PULLEY64)) {
            throw badField("profile/target pair");
        }
        return new ArtifactHeader(format, targetId, profile, (switches & 1) != 0, (switches & 2) != 0, payloadLength,
                digest, wasmtimeVersion, isaFlags, signedBytes, signature);
    }

    /** {@return the envelope format version ({@value #FORMAT_VERSION})} */
    public int format() {
        return format;
    }

    /**
     * {@return what the code is for, as the precompiler's {@code --target} names it: {@code
     * x86_64}, {@code aarch64} or {@code pulley64}}
     */
    public String target() {
        return TARGETS[targetId];
    }

    /** {@return the profile the code was compiled for} */
    public Profile profile() {
        return profile;
    }

    /** {@return whether the code was compiled with fuel metering ({@code --fuel})} */
    public boolean fuel() {
        return fuel;
    }

    /** {@return whether the code was compiled with epoch interruption ({@code --epoch})} */
    public boolean epoch() {
        return epoch;
    }

    /** {@return the Wasmtime version the code was compiled with} */
    public String wasmtimeVersion() {
        return wasmtimeVersion;
    }

    /** {@return the ISA flags the code was compiled with, comma-separated} */
    public String isaFlags() {
        return isaFlags;
    }

    /** {@return the length of the payload (the serialized module after the header)} */
    public long payloadLength() {
        return payloadLength;
    }

    /** {@return the SHA-256 of the payload as the header records it (a copy)} */
    public byte[] payloadSha256() {
        return payloadSha256.clone();
    }

    /** {@return the length of the header, signature included: the offset of the payload} */
    public int headerLength() {
        return signedBytes.length + (signature == null ? 0 : SIGNATURE_LENGTH);
    }

    /** {@return whether the header carries an Ed25519 signature} */
    public boolean signed() {
        return signature != null;
    }

    /** {@return the 64-byte Ed25519 signature (a copy), when the artifact is signed} */
    public Optional<byte[]> signature() {
        return signature == null ? Optional.empty() : Optional.of(signature.clone());
    }

    /**
     * The bytes a signature covers: every header byte before the signature (a copy). The payload's
     * SHA-256 is among them, so a good signature and a matching digest together vouch for the code.
     *
     * @return a copy of the signed header bytes
     */
    public byte[] signedBytes() {
        return signedBytes.clone();
    }

    /**
     * Whether the SHA-256 of the payload of {@code artifact} (the bytes this header was parsed
     * from) matches the header.
     *
     * @param artifact the whole artifact, header and payload
     * @return true when the payload's SHA-256 is the one the header records
     * @throws IllegalArgumentException when {@code artifact} does not have this header's length
     */
    public boolean payloadDigestMatches(byte[] artifact) {
        Objects.requireNonNull(artifact, "artifact");
        int offset = headerLength();
        if (artifact.length - (long) offset != payloadLength) {
            throw new IllegalArgumentException("these are not the bytes the header was parsed from ("
                    + artifact.length + " bytes, the header declares " + (offset + payloadLength) + ")");
        }
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        sha256.update(artifact, offset, artifact.length - offset);
        return MessageDigest.isEqual(sha256.digest(), payloadSha256);
    }

    @Override
    public String toString() {
        return "ArtifactHeader[format " + format + ", " + target() + ", " + profile.cliName() + (fuel ? ", fuel" : "")
                + (epoch ? ", epoch" : "") + ", Wasmtime " + wasmtimeVersion + ", ISA flags '" + isaFlags + "', "
                + payloadLength + " payload bytes, sha256 " + HexFormat.of().formatHex(payloadSha256)
                + (signature == null ? ", unsigned" : ", signed (Ed25519)") + "]";
    }

    // ------------------------------------------------------------------------------------------

    private static final class Reader {
        private final ByteBuffer buffer;

        Reader(byte[] bytes) {
            buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        }

        private void need(int n, String field) {
            if (buffer.remaining() < n) {
                throw new ArtifactCorruptException("the artifact is truncated (it ends inside the " + field
                        + "): copy the file again or recompile it");
            }
        }

        int u8(String field) {
            need(1, field);
            return buffer.get() & 0xff;
        }

        int u16(String field) {
            need(2, field);
            return buffer.getShort() & 0xffff;
        }

        long u64(String field) {
            need(8, field);
            return buffer.getLong();
        }

        byte[] take(int n, String field) {
            need(n, field);
            byte[] out = new byte[n];
            buffer.get(out);
            return out;
        }

        String ascii(int n, String field) {
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

    private static ArtifactCorruptException badField(String field) {
        return new ArtifactCorruptException(
                "the artifact header is corrupt (" + field + " is invalid): recompile the module");
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
}
