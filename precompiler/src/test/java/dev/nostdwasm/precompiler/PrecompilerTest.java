package dev.nostdwasm.precompiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nostdwasm.api.ArtifactName;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.spi.ArtifactCompiler;
import dev.nostdwasm.precompiler.service.BundledArtifactCompiler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrecompilerTest {

    private static Precompiler precompiler;

    @TempDir
    Path temp;

    @BeforeAll
    static void extract() {
        precompiler = Precompiler.bundled();
    }

    private Path wat(String name) throws IOException {
        Path file = temp.resolve("in").resolve(name);
        Files.createDirectories(file.getParent());
        try (InputStream in = PrecompilerTest.class.getResourceAsStream("/wat/" + name)) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    private record Call(Path input, List<CompiledArtifact> artifacts, int done, int total, Thread thread) {}

    @Test
    void theBundledExecutableIsExtractedExecutable() {
        Path exe = precompiler.executable();
        assertTrue(Files.isExecutable(exe), exe.toString());
        assertTrue(exe.getFileName().toString().startsWith("nsw-precompile-"), exe.toString());
        assertEquals(exe, Precompiler.bundled().executable(), "the verified file is reused");
    }

    @Test
    void theWasmtimeVersionIsTheRuntimes() throws IOException {
        String expected = "49.0.5";
        Path cargo = Path.of("../rust-nostd/Cargo.toml");
        if (Files.isRegularFile(cargo)) {
            Matcher m = Pattern.compile("wasmtime = \\{ version = \"=([^\"]+)\"").matcher(Files.readString(cargo));
            assertTrue(m.find());
            expected = m.group(1);
        }
        assertEquals(expected, precompiler.wasmtimeVersion());
        assertEquals("49.0.5", precompiler.wasmtimeVersion());
    }

    @Test
    void compilesEveryFittingCombinationAndReportsProgressOnTheCallingThread() throws IOException {
        Path add = wat("add.wat");
        Path memory = wat("memory.wat");
        Path out = temp.resolve("out/deeper");
        List<Call> calls = new ArrayList<>();
        List<CompiledArtifact> artifacts = precompiler.compile(
                PrecompileOptions.of(EnumSet.allOf(Target.class), EnumSet.allOf(Profile.class)),
                List.of(add, memory, add), out,
                (input, produced, done, total) -> calls.add(new Call(input, produced, done, total, Thread.currentThread())));

        // x86_64 and aarch64 with native and native-signals, pulley64 with pulley: 5 per input.
        assertEquals(10, artifacts.size());
        assertEquals(2, calls.size(), "the same input given twice is compiled once");
        for (int i = 0; i < calls.size(); i++) {
            assertEquals(i + 1, calls.get(i).done());
            assertEquals(2, calls.get(i).total());
            assertEquals(Thread.currentThread(), calls.get(i).thread());
            assertEquals(5, calls.get(i).artifacts().size());
        }
        assertEquals(Set.of(add, memory), Set.of(calls.get(0).input(), calls.get(1).input()));
        assertEquals(List.of(add, add, add, add, add, memory, memory, memory, memory, memory),
                artifacts.stream().map(CompiledArtifact::input).toList(), "input order");
        List<String> combos = new ArrayList<>();
        for (CompiledArtifact a : artifacts) {
            assertEquals(out.toAbsolutePath().resolve(PrecompilerTest.stem(a.input()) + "." + a.profile().cliName() + "."
                    + a.target().cliName() + ".cwasm"), a.file());
            ArtifactInfo info = ArtifactInfo.read(a.file());
            assertEquals(a.target(), info.target());
            assertEquals(a.profile(), info.profile());
            assertTrue(info.digestVerified());
            assertFalse(info.fuel() || info.epoch());
            assertFalse(info.signed());
            assertEquals(1, info.format());
            assertEquals(precompiler.wasmtimeVersion(), info.wasmtimeVersion());
            assertEquals(Files.size(a.file()), info.headerSize() + info.payloadSize());
            assertArrayEquals(Arrays.copyOf(Files.readAllBytes(a.file()), info.headerSize()), info.signedHeader());
            combos.add(a.target().cliName() + "/" + a.profile().cliName());
        }
        assertEquals(List.of("x86_64/native", "x86_64/native-signals", "aarch64/native", "aarch64/native-signals",
                "pulley64/pulley"), combos.subList(0, 5));
    }

    private static String stem(Path input) {
        String name = input.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    @Test
    void fuelAndEpochAreRecorded() throws IOException {
        List<CompiledArtifact> artifacts = precompiler.compile(
                PrecompileOptions.of(Set.of(Target.PULLEY64), Set.of(Profile.PULLEY)).withFuel(true).withEpoch(true),
                List.of(wat("add.wat")), temp.resolve("out"), PrecompileListener.NONE);
        ArtifactInfo info = ArtifactInfo.read(artifacts.get(0).file());
        assertTrue(info.fuel() && info.epoch());
        assertEquals(Target.PULLEY64, info.target());
        // The name records both, and nothing else is left in the output directory.
        try (var files = Files.list(temp.resolve("out"))) {
            assertEquals(List.of(temp.resolve("out/add.pulley.fuel.epoch.pulley64.cwasm").toAbsolutePath()),
                    files.map(Path::toAbsolutePath).toList());
        }
        assertEquals(temp.resolve("out/add.pulley.fuel.epoch.pulley64.cwasm").toAbsolutePath(), artifacts.get(0).file());
    }

    @Test
    void theArtifactCompilerServiceCompilesForTheSettingsItIsGiven() throws IOException {
        // Engine.compile finds it through either registration (it-tests' LoadingSuite runs that path).
        try (InputStream services = PrecompilerTest.class.getResourceAsStream(
                "/META-INF/services/" + ArtifactCompiler.class.getName())) {
            assertEquals(BundledArtifactCompiler.class.getName(), new String(services.readAllBytes(), StandardCharsets.UTF_8).strip());
        }
        ArtifactCompiler compiler = new BundledArtifactCompiler();
        byte[] source;
        try (InputStream in = PrecompilerTest.class.getResourceAsStream("/wat/add.wat")) {
            source = in.readAllBytes();
        }
        byte[] artifact = compiler.compile(source, new ArtifactName("ignored", Profile.PULLEY, "pulley64", true, false));
        ArtifactInfo info = ArtifactInfo.read(Files.write(temp.resolve("compiled.cwasm"), artifact));
        assertEquals(Target.PULLEY64, info.target());
        assertTrue(info.fuel() && !info.epoch() && info.digestVerified() && !info.signed());

        IllegalArgumentException broken = assertThrows(IllegalArgumentException.class, () -> compiler.compile(
                "(module (frobnicate))".getBytes(StandardCharsets.UTF_8),
                new ArtifactName("ignored", Profile.PULLEY, "pulley64", false, false)));
        assertTrue(broken.getMessage().contains("frobnicate"), broken.getMessage());
    }

    @Test
    void impossibleCombinationsAreSkippedAndNoneLeftIsAnError() throws IOException {
        Path add = wat("add.wat");
        List<CompiledArtifact> artifacts = precompiler.compile(
                PrecompileOptions.of(Set.of(Target.X86_64, Target.PULLEY64), Set.of(Profile.NATIVE, Profile.PULLEY)),
                List.of(add), temp.resolve("out"), PrecompileListener.NONE);
        assertEquals(List.of(Target.X86_64 + "/" + Profile.NATIVE, Target.PULLEY64 + "/" + Profile.PULLEY),
                artifacts.stream().map(a -> a.target() + "/" + a.profile()).toList());

        PrecompileException none = assertThrows(PrecompileException.class, () -> precompiler.compile(
                PrecompileOptions.of(Set.of(Target.AARCH64), Set.of(Profile.PULLEY)), List.of(add), temp.resolve("out2"),
                PrecompileListener.NONE));
        assertTrue(none.getMessage().contains("target aarch64 with profile pulley"), none.getMessage());
        assertFalse(Files.exists(temp.resolve("out2")), "nothing ran");
    }

    @Test
    void aBrokenInputFailsNamingTheFileAndTheCliError() throws IOException {
        Path add = wat("add.wat");
        Path broken = wat("broken.wat");
        PrecompileException e = assertThrows(PrecompileException.class, () -> precompiler.compile(
                PrecompileOptions.of(Set.of(Target.PULLEY64), Set.of(Profile.PULLEY)), List.of(add, broken),
                temp.resolve("out"), PrecompileListener.NONE));
        assertEquals(broken, e.input());
        assertTrue(e.getMessage().contains(broken.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("frobnicate") && e.getMessage().contains("does not parse"), e.getMessage());
        assertFalse(Files.exists(temp.resolve("out/broken.pulley.pulley64.cwasm")));
    }

    @Test
    void aMissingInputOrTwoInputsWithOneStemAreRefusedBeforeAnythingRuns() throws IOException {
        Path add = wat("add.wat");
        Path missing = temp.resolve("in/missing.wat");
        PrecompileException e = assertThrows(PrecompileException.class, () -> precompiler.compile(
                PrecompileOptions.of(Set.of(Target.PULLEY64), Set.of(Profile.PULLEY)), List.of(add, missing),
                temp.resolve("out"), PrecompileListener.NONE));
        assertEquals(missing, e.input());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());

        Path other = Files.createDirectories(temp.resolve("other")).resolve("add.wasm");
        Files.copy(add, other);
        e = assertThrows(PrecompileException.class, () -> precompiler.compile(
                PrecompileOptions.of(Set.of(Target.PULLEY64), Set.of(Profile.PULLEY)), List.of(add, other),
                temp.resolve("out"), PrecompileListener.NONE));
        assertTrue(e.getMessage().contains("would both be written"), e.getMessage());
        assertFalse(Files.exists(temp.resolve("out")));
    }

    @Test
    void signedArtifactsVerifyWithTheirKeyOnly() throws IOException {
        Path key = temp.resolve("keys/signing.pem");
        Path pub = temp.resolve("keys/public.pem");
        SigningKeys.generate(key, pub);
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(key));
        assertTrue(Files.readString(key).startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertTrue(Files.readString(pub).startsWith("-----BEGIN PUBLIC KEY-----\n"));
        Path otherKey = temp.resolve("keys/other.pem");
        Path otherPub = temp.resolve("keys/other-public.pem");
        SigningKeys.generate(otherKey, otherPub);
        PrecompileException exists = assertThrows(PrecompileException.class, () -> SigningKeys.generate(key, temp.resolve("x")));
        assertTrue(exists.getMessage().contains("already exists"), exists.getMessage());

        List<CompiledArtifact> artifacts = precompiler.compile(
                PrecompileOptions.of(Set.of(Target.X86_64, Target.AARCH64, Target.PULLEY64),
                        Set.of(Profile.NATIVE, Profile.PULLEY)).withSigningKey(key),
                List.of(wat("add.wat")), temp.resolve("out"), PrecompileListener.NONE);
        assertEquals(3, artifacts.size());
        for (CompiledArtifact a : artifacts) {
            ArtifactInfo info = ArtifactInfo.read(a.file());
            assertTrue(info.signature().isPresent());
            assertEquals(64, info.signature().get().length);
            assertTrue(info.digestVerified());
            assertTrue(info.signedBy(pub), a.file().toString());
            assertFalse(info.signedBy(otherPub), a.file().toString());
            assertArrayEquals(Arrays.copyOf(Files.readAllBytes(a.file()), info.headerSize() - 64), info.signedHeader());
        }

        // A flipped payload byte: the digest no longer matches; the header (and its signature) still do.
        Path file = artifacts.get(0).file();
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 1;
        Files.write(file, bytes);
        ArtifactInfo tampered = ArtifactInfo.read(file);
        assertFalse(tampered.digestVerified());
        assertTrue(tampered.signedBy(pub));
        // A flipped header byte (fuel on): the signature no longer matches.
        bytes[12] ^= 1;
        Files.write(file, bytes);
        assertFalse(ArtifactInfo.read(file).signedBy(pub));

        // Unsigned artifacts are signed by nobody.
        List<CompiledArtifact> plain = precompiler.compile(PrecompileOptions.of(Set.of(Target.PULLEY64), Set.of(Profile.PULLEY)),
                List.of(wat("memory.wat")), temp.resolve("plain"), PrecompileListener.NONE);
        assertFalse(ArtifactInfo.read(plain.get(0).file()).signedBy(pub));
        // A private key is not a public key.
        PrecompileException notPublic = assertThrows(PrecompileException.class,
                () -> ArtifactInfo.read(plain.get(0).file()).signedBy(key));
        assertTrue(notPublic.getMessage().contains(key.toString()) && notPublic.getMessage().contains("PUBLIC KEY"),
                notPublic.getMessage());
    }

    @Test
    void aBadSigningKeyFailsWithTheCliMessage() throws IOException {
        Path add = wat("add.wat");
        Path notAKey = Files.writeString(temp.resolve("key.txt"), "hello");
        PrecompileException e = assertThrows(PrecompileException.class, () -> precompiler.compile(
                PrecompileOptions.of(Set.of(Target.PULLEY64), Set.of(Profile.PULLEY)).withSigningKey(notAKey),
                List.of(add), temp.resolve("out"), PrecompileListener.NONE));
        assertTrue(e.getMessage().contains("is not a PEM file") && e.getMessage().contains(notAKey.toString()), e.getMessage());

        Path pub = temp.resolve("pub.pem");
        SigningKeys.generate(temp.resolve("priv.pem"), pub);
        e = assertThrows(PrecompileException.class, () -> precompiler.compile(
                PrecompileOptions.of(Set.of(Target.PULLEY64), Set.of(Profile.PULLEY)).withSigningKey(pub),
                List.of(add), temp.resolve("out"), PrecompileListener.NONE));
        assertTrue(e.getMessage().contains("is a public key"), e.getMessage());
    }

    @Test
    void filesThatAreNotArtifactsAreExplained() throws IOException {
        Path garbage = Files.write(temp.resolve("garbage.cwasm"), new byte[] {(byte) 0xff, 1, 2, 3});
        PrecompileException e = assertThrows(PrecompileException.class, () -> ArtifactInfo.read(garbage));
        assertEquals(garbage, e.input());
        assertTrue(e.getMessage().contains(garbage.toString()) && e.getMessage().contains("not a nostd-wasm-java artifact"),
                e.getMessage());

        Path wat = wat("add.wat");
        e = assertThrows(PrecompileException.class, () -> ArtifactInfo.read(wat));
        assertTrue(e.getMessage().contains("text (perhaps .wat)"), e.getMessage());

        Path missing = temp.resolve("missing.cwasm");
        e = assertThrows(PrecompileException.class, () -> ArtifactInfo.read(missing));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());

        List<CompiledArtifact> artifacts = precompiler.compile(PrecompileOptions.of(Set.of(Target.PULLEY64), Set.of(Profile.PULLEY)),
                List.of(wat), temp.resolve("out"), PrecompileListener.NONE);
        byte[] bytes = Files.readAllBytes(artifacts.get(0).file());
        Path truncated = Files.write(temp.resolve("truncated.cwasm"), Arrays.copyOf(bytes, 40));
        e = assertThrows(PrecompileException.class, () -> ArtifactInfo.read(truncated));
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("digest"), e.getMessage());
        Path shortPayload = Files.write(temp.resolve("short.cwasm"), Arrays.copyOf(bytes, bytes.length - 1));
        e = assertThrows(PrecompileException.class, () -> ArtifactInfo.read(shortPayload));
        assertTrue(e.getMessage().contains("declares"), e.getMessage());
        byte[] badTarget = bytes.clone();
        badTarget[10] = 7;
        Path badTargetFile = Files.write(temp.resolve("target.cwasm"), badTarget);
        e = assertThrows(PrecompileException.class, () -> ArtifactInfo.read(badTargetFile));
        assertTrue(e.getMessage().contains("target is invalid"), e.getMessage());
    }

    @Test
    void aMissingExecutableIsNamed() throws IOException {
        Precompiler nowhere = Precompiler.at(temp.resolve("no-such-precompiler"));
        PrecompileException e = assertThrows(PrecompileException.class, nowhere::wasmtimeVersion);
        assertTrue(e.getMessage().contains("no-such-precompiler") && e.getMessage().contains("does not exist"), e.getMessage());
        PrecompileException c = assertThrows(PrecompileException.class, () -> nowhere.compile(
                PrecompileOptions.of(Set.of(Target.PULLEY64), Set.of(Profile.PULLEY)), List.of(wat("add.wat")),
                temp.resolve("out"), PrecompileListener.NONE));
        assertTrue(c.getMessage().contains("no-such-precompiler"), c.getMessage());
    }

    @Test
    void aListenerThatThrowsStopsTheBatch() throws IOException {
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Path file = temp.resolve("many/m" + i + ".wat");
            Files.createDirectories(file.getParent());
            Files.copy(wat("add.wat"), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            inputs.add(file);
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> precompiler.compile(
                PrecompileOptions.of(Set.of(Target.PULLEY64), Set.of(Profile.PULLEY)), inputs, temp.resolve("out"),
                (input, artifacts, done, total) -> {
                    throw new IllegalStateException("stop");
                }));
        assertEquals("stop", e.getMessage());
    }
}
