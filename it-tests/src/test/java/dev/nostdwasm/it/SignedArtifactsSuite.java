package dev.nostdwasm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nostdwasm.api.ArtifactCorruptException;
import dev.nostdwasm.api.ArtifactException;
import dev.nostdwasm.api.ArtifactHeader;
import dev.nostdwasm.api.ArtifactMismatchException;
import dev.nostdwasm.api.ArtifactSignatureException;
import dev.nostdwasm.api.Engine;
import dev.nostdwasm.api.EngineConfig;
import dev.nostdwasm.api.WasmModule;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.TrustedKeys;
import dev.nostdwasm.it.support.Artifacts;
import dev.nostdwasm.it.support.ProfileTest;
import dev.nostdwasm.it.support.ProviderSuite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Signed artifacts and raw {@code .cwasm}: engines with trusted keys load only artifacts signed by
 * one of them and unmodified since; raw Wasmtime serializations load only through
 * {@link Engine#loadRawUnsafe}, and never on an engine with trusted keys. The build
 * ({@code scripts/precompile.sh}) writes two key pairs to {@code <artifacts>/keys/} and
 * {@code add.wat} signed with the {@code trusted} one to {@code <artifacts>/signed/}.
 */
abstract class SignedArtifactsSuite extends ProviderSuite {

    static Path keys() {
        return Artifacts.dir().resolve("keys");
    }

    static PublicKey key(String name) {
        try {
            return TrustedKeys.readPem(keys().resolve(name + ".pub.pem"));
        } catch (IOException e) {
            throw new UncheckedIOException("the build writes the test keys to " + keys(), e);
        }
    }

    static byte[] signed(Profile profile) {
        Path file = Artifacts.dir().resolve("signed").resolve(Artifacts.fileName("add", profile, Artifacts.target(profile)));
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("the build signs add.wat into " + file.getParent(), e);
        }
    }

    /** The payload of an artifact: the raw Wasmtime serialization the envelope wraps. */
    static byte[] raw(byte[] artifact) {
        return Arrays.copyOfRange(artifact, ArtifactHeader.parse(artifact).headerLength(), artifact.length);
    }

    Engine trusting(Profile profile, PublicKey... keys) {
        return engine(EngineConfig.of(profile).withTrustedKeys(List.of(keys)));
    }

    int add(Engine engine, WasmModule module) {
        track(module);
        return linker(engine).instantiate(store(engine), module).func("add").callI32(3, 4);
    }

    static String signatureRefusal(Engine engine, byte[] bytes, String what) {
        return assertThrows(ArtifactSignatureException.class, () -> engine.load(bytes), what).getMessage();
    }

    @ProfileTest
    void aSignedArtifactLoadsWithItsKeyAndRuns(Profile profile) {
        byte[] bytes = signed(profile);
        assertTrue(ArtifactHeader.parse(bytes).signed());
        Engine engine = trusting(profile, key("trusted"));
        assertEquals(7, add(engine, engine.load(bytes)));
        // Among other trusted keys too, and without keys (the signature is then ignored).
        Engine both = trusting(profile, key("other"), key("trusted"));
        assertEquals(7, add(both, both.load(bytes)));
        Engine plain = engine(profile);
        assertEquals(7, add(plain, plain.load(bytes)));
    }

    @ProfileTest
    void anUnsignedArtifactIsRefusedWhenKeysAreTrusted(Profile profile) {
        byte[] unsigned = Artifacts.bytes("add", profile);
        assertFalse(ArtifactHeader.parse(unsigned).signed());
        String message = signatureRefusal(trusting(profile, key("trusted")), unsigned, "unsigned");
        assertTrue(message.contains("unsigned") && message.contains("nsw-precompile --sign-key"), message);
    }

    @ProfileTest
    void anArtifactSignedByAnotherKeyIsRefused(Profile profile) {
        String message = signatureRefusal(trusting(profile, key("other")), signed(profile), "signed by another key");
        assertTrue(message.contains("not trusted") && message.contains("withTrustedKeys"), message);
    }

    @ProfileTest
    void aChangedHeaderIsRefused(Profile profile) {
        Engine engine = trusting(profile, key("trusted"));
        byte[] good = signed(profile);
        ArtifactHeader header = ArtifactHeader.parse(good);
        int versionAt = 57; // the first character of the Wasmtime version (after the 56 fixed bytes and its length)
        int[] positions = header.isaFlags().isEmpty() ? new int[] {versionAt, 12}
                : new int[] {versionAt, 12, header.signedBytes().length - 1};
        for (int at : positions) {
            byte[] flipped = good.clone();
            flipped[at] ^= 0x01; // still a well-formed header: a digit, a switch, a flag letter
            assertEquals(header.headerLength(), ArtifactHeader.parse(flipped).headerLength());
            String message = signatureRefusal(engine, flipped, "header byte " + at + " flipped");
            assertTrue(message.contains("tampered"), message);
        }
        byte[] signatureFlipped = good.clone();
        signatureFlipped[header.headerLength() - 1] ^= 0x01;
        signatureRefusal(engine, signatureFlipped, "signature byte flipped");
        assertEquals(7, add(engine, engine.load(good)));
    }

    @ProfileTest
    void aChangedPayloadIsRefusedWithOrWithoutKeys(Profile profile) {
        byte[] good = signed(profile);
        int headerLength = ArtifactHeader.parse(good).headerLength();
        for (int at : new int[] {headerLength, headerLength + (good.length - headerLength) / 2, good.length - 1}) {
            byte[] flipped = good.clone();
            flipped[at] ^= 0x40;
            String message = signatureRefusal(trusting(profile, key("trusted")), flipped, "payload byte " + at);
            assertTrue(message.contains("payload digest mismatch"), message);
            // Without keys the runtime's own digest check refuses it.
            var e = assertThrows(ArtifactCorruptException.class, () -> engine(profile).load(flipped),
                    "payload byte " + at + " without keys");
            assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
        }
    }

    @ProfileTest
    void aRawCwasmLoadsOnlyThroughLoadRawUnsafe(Profile profile) {
        byte[] raw = raw(Artifacts.bytes("add", profile));
        Engine engine = engine(profile);
        assertEquals(7, add(engine, engine.loadRawUnsafe(raw)));
        assertEquals(7, add(engine, engine.loadRawUnsafe(raw(signed(profile)))));
        var e = assertThrows(ArtifactCorruptException.class, () -> engine.load(raw));
        assertTrue(e.getMessage().contains("raw Wasmtime .cwasm"), e.getMessage());
    }

    @ProfileTest
    void aRawCwasmIsRefusedWhenKeysAreTrusted(Profile profile) {
        byte[] raw = raw(signed(profile));
        var e = assertThrows(ArtifactSignatureException.class,
                () -> trusting(profile, key("trusted")).loadRawUnsafe(raw));
        assertTrue(e.getMessage().contains("cannot be verified"), e.getMessage());
    }

    @ProfileTest
    void rawGarbageIsATypedExceptionNotACrash(Profile profile) {
        Engine engine = engine(profile);
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        assertThrows(ArtifactCorruptException.class, () -> engine.loadRawUnsafe(garbage));
        assertThrows(ArtifactCorruptException.class, () -> engine.loadRawUnsafe(new byte[0]));
        assertThrows(ArtifactCorruptException.class,
                () -> engine.loadRawUnsafe("(module)".getBytes(StandardCharsets.US_ASCII)));
        var enveloped = assertThrows(ArtifactCorruptException.class,
                () -> engine.loadRawUnsafe(Artifacts.bytes("add", profile)));
        assertTrue(enveloped.getMessage().contains("Engine.load") || enveloped.getMessage().contains("nsw_module_new"),
                enveloped.getMessage());
        // ELF magic, then garbage; a truncated and a damaged serialization: Wasmtime refuses them.
        byte[] elf = garbage.clone();
        System.arraycopy(new byte[] {0x7f, 'E', 'L', 'F'}, 0, elf, 0, 4);
        assertThrows(ArtifactException.class, () -> engine.loadRawUnsafe(elf));
        byte[] raw = raw(Artifacts.bytes("add", profile));
        assertThrows(ArtifactException.class, () -> engine.loadRawUnsafe(Arrays.copyOf(raw, raw.length / 2)));
        assertThrows(ArtifactException.class, () -> engine.loadRawUnsafe(Arrays.copyOf(raw, 64)));
        // Built for another profile and target: Wasmtime's own header check refuses it.
        Profile other = profile == Profile.PULLEY ? Profile.NATIVE : Profile.PULLEY;
        assertThrows(ArtifactMismatchException.class, () -> engine.loadRawUnsafe(raw(Artifacts.bytes("add", other))));
        assertEquals(7, add(engine, engine.loadRawUnsafe(raw))); // the engine still works
    }
}
