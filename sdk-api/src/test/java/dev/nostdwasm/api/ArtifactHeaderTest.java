package dev.nostdwasm.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class ArtifactHeaderTest {

    public static final byte[] PAYLOAD = "\u007fELF pretend this is a serialized module".getBytes(StandardCharsets.US_ASCII);

    /** An artifact as envelope::wrap writes it (aarch64, native-signals, fuel). */
    public static byte[] artifact(byte[] payload, String flags, PrivateKey signer) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'N', 'S', 'W', 'A', '\r', '\n', 0x1a, '\n'});
        ByteBuffer fixed = ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN);
        fixed.putShort((short) 1).put((byte) 1).put((byte) 1).put((byte) 1).put((byte) (signer == null ? 0 : 1));
        fixed.putShort((short) 0).putLong(payload.length).put(MessageDigest.getInstance("SHA-256").digest(payload));
        out.writeBytes(fixed.array());
        out.write(6);
        out.writeBytes("44.0.1".getBytes(StandardCharsets.US_ASCII));
        out.write(flags.length());
        out.write(0);
        out.writeBytes(flags.getBytes(StandardCharsets.US_ASCII));
        if (signer != null) {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(signer);
            s.update(out.toByteArray());
            out.writeBytes(s.sign());
        }
        out.writeBytes(payload);
        return out.toByteArray();
    }

    static int headerLength(String flags, boolean signed) {
        return 56 + 1 + 6 + 2 + flags.length() + (signed ? 64 : 0);
    }

    @Test
    void parsesEveryField() throws Exception {
        byte[] bytes = artifact(PAYLOAD, "has_lse,has_fp16", null);
        ArtifactHeader h = ArtifactHeader.parse(bytes);
        assertEquals(1, h.format());
        assertEquals("aarch64", h.target());
        assertEquals(Profile.NATIVE_SIGNALS, h.profile());
        assertTrue(h.fuel());
        assertFalse(h.epoch());
        assertEquals("44.0.1", h.wasmtimeVersion());
        assertEquals("has_lse,has_fp16", h.isaFlags());
        assertEquals(PAYLOAD.length, h.payloadLength());
        assertEquals(headerLength("has_lse,has_fp16", false), h.headerLength());
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(PAYLOAD), h.payloadSha256());
        assertFalse(h.signed());
        assertTrue(h.signature().isEmpty());
        assertArrayEquals(Arrays.copyOf(bytes, h.headerLength()), h.signedBytes());
        assertTrue(h.payloadDigestMatches(bytes));
        assertArrayEquals(PAYLOAD, Arrays.copyOfRange(bytes, h.headerLength(), bytes.length));
    }

    @Test
    void signedHeaderCoversEverythingBeforeTheSignature() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] bytes = artifact(PAYLOAD, "x", keys.getPrivate());
        ArtifactHeader h = ArtifactHeader.parse(bytes);
        assertTrue(h.signed());
        assertEquals(headerLength("x", true), h.headerLength());
        assertEquals(h.headerLength() - 64, h.signedBytes().length);
        Signature v = Signature.getInstance("Ed25519");
        v.initVerify(keys.getPublic());
        v.update(h.signedBytes());
        assertTrue(v.verify(h.signature().orElseThrow()));
    }

    @Test
    void magicIsTheFirstEightBytesOfEveryArtifactAndACopy() throws Exception {
        byte[] bytes = artifact(PAYLOAD, "has_lse,has_fp16", null);
        assertArrayEquals(Arrays.copyOf(bytes, 8), ArtifactHeader.magic());
        ArtifactHeader.magic()[0] = 0;
        assertEquals('N', ArtifactHeader.magic()[0], "callers get a copy");
    }

    @Test
    void badMagicSaysWhatTheBytesLookLike() {
        String[][] cases = {
            {"", "an empty file"},
            {"\u0000asm\u0001\u0000\u0000\u0000", "a WebAssembly binary (.wasm)"},
            {"\u007fELF\u0002\u0001", "a raw Wasmtime .cwasm without envelope"},
            {"(module)", "text (perhaps .wat)"},
        };
        for (String[] c : cases) {
            var e = assertThrows(ArtifactCorruptException.class,
                    () -> ArtifactHeader.parse(c[0].getBytes(StandardCharsets.ISO_8859_1)));
            assertTrue(e.getMessage().contains("bad magic") && e.getMessage().contains(c[1]), e.getMessage());
        }
        var e = assertThrows(ArtifactCorruptException.class, () -> ArtifactHeader.parse(new byte[] {(byte) 0xff, 1}));
        assertTrue(e.getMessage().contains("unknown binary data"), e.getMessage());
    }

    @Test
    void truncationNamesTheField() throws Exception {
        byte[] bytes = artifact(PAYLOAD, "has_lse", null);
        Object[][] cases = {
            {3, "bad magic"}, {8, "format version"}, {10, "target"}, {11, "profile"}, {12, "switches"},
            {13, "signature algorithm"}, {15, "reserved"}, {16, "payload length"}, {24, "digest"}, {55, "digest"},
            {56, "Wasmtime version"}, {59, "Wasmtime version"}, {63, "ISA flags"}, {66, "ISA flags"},
        };
        for (Object[] c : cases) {
            byte[] cut = Arrays.copyOf(bytes, (int) c[0]);
            var e = assertThrows(ArtifactCorruptException.class, () -> ArtifactHeader.parse(cut), "cut at " + c[0]);
            assertTrue(e.getMessage().contains((String) c[1]), "cut at " + c[0] + ": " + e.getMessage());
        }
        // A signed header cut inside its signature.
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] signed = artifact(PAYLOAD, "x", keys.getPrivate());
        var e = assertThrows(ArtifactCorruptException.class,
                () -> ArtifactHeader.parse(Arrays.copyOf(signed, headerLength("x", true) - 5)));
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("signature"), e.getMessage());
        // Cut inside the payload: the header is whole, the length is not.
        var short1 = assertThrows(ArtifactCorruptException.class,
                () -> ArtifactHeader.parse(Arrays.copyOf(bytes, bytes.length - 1)));
        assertTrue(short1.getMessage().contains("declares " + PAYLOAD.length), short1.getMessage());
    }

    @Test
    void corruptFieldsAreRefused() throws Exception {
        byte[] original = artifact(PAYLOAD, "has_lse", null);
        Object[][] cases = {
            {8, 2, "format 2"}, {10, 3, "target is invalid"}, {11, 7, "profile is invalid"},
            {11, 2, "profile/target pair"}, {12, 4, "switches is invalid"}, {13, 2, "signature algorithm is invalid"},
            {14, 1, "reserved is invalid"}, {56, 0, "Wasmtime version is invalid"}, {57, 0xc3, "Wasmtime version is invalid"},
        };
        for (Object[] c : cases) {
            byte[] bytes = original.clone();
            bytes[(int) c[0]] = (byte) (int) c[1];
            var e = assertThrows(ArtifactCorruptException.class, () -> ArtifactHeader.parse(bytes), "byte " + c[0]);
            assertTrue(e.getMessage().contains((String) c[2]), "byte " + c[0] + ": " + e.getMessage());
        }
    }

    @Test
    void flippedPayloadByteFailsTheDigestOnly() throws Exception {
        byte[] bytes = artifact(PAYLOAD, "has_lse", null);
        bytes[bytes.length - 1] ^= 1;
        ArtifactHeader h = ArtifactHeader.parse(bytes);
        assertFalse(h.payloadDigestMatches(bytes));
        assertThrows(IllegalArgumentException.class, () -> h.payloadDigestMatches(PAYLOAD));
    }

    @Test
    void trustedKeysAreReadFromPemAndMustBeEd25519(@TempDir Path dir) throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path pem = dir.resolve("public.pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        var read = TrustedKeys.readPem(pem);
        assertArrayEquals(keys.getPublic().getEncoded(), read.getEncoded());
        EngineConfig config = EngineConfig.of(Profile.NATIVE).withTrustedKeys(List.of(read));
        assertEquals(1, config.trustedKeys().size());
        assertTrue(config.toString().contains("1 trusted key"), config.toString());
        assertEquals(config, EngineConfig.of(Profile.NATIVE).withTrustedKeys(List.of(keys.getPublic())));
        assertTrue(config.withTrustedKeys(List.of()).trustedKeys().isEmpty());

        Path priv = dir.resolve("key.pem");
        Files.writeString(priv, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        var e = assertThrows(IllegalArgumentException.class, () -> TrustedKeys.readPem(priv));
        assertTrue(e.getMessage().contains("private key"), e.getMessage());

        var rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic();
        var notEd = assertThrows(IllegalArgumentException.class,
                () -> EngineConfig.of(Profile.NATIVE).withTrustedKeys(List.of(rsa)));
        assertTrue(notEd.getMessage().contains("Ed25519"), notEd.getMessage());
    }
}
