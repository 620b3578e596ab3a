package dev.nostdwasm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nostdwasm.api.ArtifactName;
import dev.nostdwasm.api.ArtifactSignatureException;
import dev.nostdwasm.api.Engine;
import dev.nostdwasm.api.EngineConfig;
import dev.nostdwasm.api.ExportType;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.WasmModule;
import dev.nostdwasm.it.support.Artifacts;
import dev.nostdwasm.it.support.ProfileTest;
import dev.nostdwasm.it.support.ProviderSuite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Engine#compile}: the precompiler (a test dependency) compiles a module for the engine's
 * settings into an owner-only cache, whose entries the engine loads without a signature. It runs
 * {@code nsw-precompile} in a child process, which JVMs under qemu-user cannot spawn, so this suite
 * stays out of the aarch64 runs (docs/aarch64.md).
 */
abstract class CompileSuite extends ProviderSuite {

    @TempDir
    Path temp;

    private Path cache;
    private String previousCache;

    @BeforeEach
    void useATemporaryCache() {
        cache = temp.resolve("cache");
        previousCache = System.setProperty(Engine.CACHE_PROPERTY, cache.toString());
    }

    @AfterEach
    void restoreTheCache() {
        if (previousCache == null) {
            System.clearProperty(Engine.CACHE_PROPERTY);
        } else {
            System.setProperty(Engine.CACHE_PROPERTY, previousCache);
        }
    }

    private static byte[] wat(String stem) throws IOException {
        return Files.readAllBytes(Path.of("src", "test", "wat", stem + ".wat")); // surefire runs in the module directory
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.sorted().toList();
        }
    }

    private int add(Engine engine, WasmModule module) {
        track(module);
        return linker(engine).instantiate(store(engine), module).func("add").callI32(3, 4);
    }

    @ProfileTest
    void aModuleIsCompiledOnceIntoAnOwnerOnlyCacheAndLoadsWithoutOptIn(Profile profile) throws IOException {
        Engine engine = engine(EngineConfig.of(profile));
        assertEquals(7, add(engine, engine.compile(wat("add"))));

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)));
        List<Path> entries = entries();
        assertEquals(1, entries.size(), entries::toString);
        String suffix = ArtifactName.forEngine("x", engine.config()).fileName().substring(1);
        String name = entries.get(0).getFileName().toString();
        assertTrue(name.matches("[0-9a-f]{64}-wasmtime-" + runtime.wasmtimeVersion().replace(".", "\\.") + "\\Q"
                + suffix + "\\E"), name);

        // The second compile reads the entry: replaced by another module's artifact, that is what loads.
        Files.write(entries.get(0), Artifacts.bytes("mul", profile));
        WasmModule cached = track(engine.compile(wat("add")));
        assertEquals(List.of("multiply"), cached.exports().stream().map(ExportType::name).toList());
    }

    @ProfileTest
    void otherEngineSettingsGetEntriesOfTheirOwn(Profile profile) throws IOException {
        Engine plain = engine(EngineConfig.of(profile));
        Engine fueled = engine(EngineConfig.of(profile).withFuel(true));
        track(plain.compile(wat("add")));
        track(fueled.compile(wat("add")));
        List<Path> entries = entries();
        assertEquals(2, entries.size(), entries::toString);
        assertTrue(entries.stream().anyMatch(p -> p.getFileName().toString().contains("." + profile.cliName() + ".fuel.")),
                entries::toString);
    }

    @ProfileTest
    void aCacheOtherUsersCanWriteIsRefused(Profile profile) throws IOException {
        Files.createDirectory(cache, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwx---")));
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwx---")); // whatever the umask
        byte[] add = wat("add");
        String message = assertThrows(IllegalStateException.class, () -> engine(EngineConfig.of(profile)).compile(add))
                .getMessage();
        assertTrue(message.contains("can be written by other users (rwxrwx---)") && message.contains("chmod 700 " + cache),
                message);
    }

    @ProfileTest
    void invalidWebAssemblyIsAnIllegalArgumentWithTheCompilersMessage(Profile profile) {
        byte[] broken = "(module (frobnicate))".getBytes(StandardCharsets.UTF_8);
        String message = assertThrows(IllegalArgumentException.class, () -> engine(EngineConfig.of(profile)).compile(broken))
                .getMessage();
        assertTrue(message.startsWith("cannot compile the module: ") && message.contains("frobnicate"), message);
    }

    @ProfileTest
    void anEngineWithTrustedKeysDoesNotCompile(Profile profile) throws IOException {
        Engine trusting = engine(EngineConfig.of(profile).withTrustedKeys(List.of(SignedArtifactsSuite.key("trusted"))));
        byte[] add = wat("add");
        String message = assertThrows(ArtifactSignatureException.class, () -> trusting.compile(add)).getMessage();
        assertTrue(message.contains("Engine.compile makes unsigned artifacts"), message);
    }
}
