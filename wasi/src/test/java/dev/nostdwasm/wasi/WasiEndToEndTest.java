package dev.nostdwasm.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nostdwasm.api.Engine;
import dev.nostdwasm.api.EngineConfig;
import dev.nostdwasm.api.Instance;
import dev.nostdwasm.api.Linker;
import dev.nostdwasm.api.NoStdRuntime;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.Store;
import dev.nostdwasm.api.TrapCode;
import dev.nostdwasm.api.WasmModule;
import dev.nostdwasm.api.WasmTrapException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code src/test/wat/wasi_hello.wat}, precompiled by the build for every profile, run through the
 * real runtime on both providers: its stdout, its exit code, and the errno of its bad calls.
 */
class WasiEndToEndTest {

    @ParameterizedTest
    @MethodSource("dev.nostdwasm.wasi.TestRuntimes#providersAndProfiles")
    void helloReadsItsPreopenAndExitsWithThree(String provider, Profile profile, @TempDir Path dir) throws IOException {
        Path root = Files.createDirectory(dir.resolve("root"));
        Files.writeString(root.resolve("input.txt"), "from the preopen\n");
        Files.writeString(dir.resolve("escape"), "outside");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        WasiConfig config = WasiConfig.builder().stdout(stdout).preopen(root, "/", true).build();

        try (Engine engine = NoStdRuntime.load(provider).newEngine(EngineConfig.of(profile));
                WasmModule module = engine.load(TestRuntimes.artifact("wasi_hello", profile));
                Store store = engine.newStore();
                Linker linker = engine.newLinker()) {
            Wasi wasi = Wasi.create(store, config);
            wasi.addTo(linker);
            WasiExit exit = wasi.run(linker, module);

            assertEquals(new WasiExit(3), exit, "stdout: " + stdout.toString(StandardCharsets.UTF_8));
            assertEquals("hello\nfrom the preopen\n", stdout.toString(StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.nostdwasm.wasi.TestRuntimes#providersAndProfiles")
    void aStartThatReturnsExitsWithZeroAndATrapStaysATrap(String provider, Profile profile) {
        try (Engine engine = NoStdRuntime.load(provider).newEngine(EngineConfig.of(profile));
                WasmModule returns = engine.load(TestRuntimes.artifact("wasi_returns", profile));
                WasmModule traps = engine.load(TestRuntimes.artifact("wasi_traps", profile));
                Store store = engine.newStore();
                Linker linker = engine.newLinker()) {
            Wasi wasi = Wasi.create(store, WasiConfig.builder().build());
            wasi.addTo(linker);

            assertEquals(new WasiExit(0), wasi.run(linker, returns));
            WasmTrapException trap = assertThrows(WasmTrapException.class, () -> wasi.run(linker, traps));
            assertEquals(TrapCode.UNREACHABLE_CODE_REACHED, trap.trapCode());
        }
    }

    @ParameterizedTest
    @MethodSource("dev.nostdwasm.wasi.TestRuntimes#providersAndProfiles")
    void anInstanceWithoutStartIsNotACommand(String provider, Profile profile) {
        try (Engine engine = NoStdRuntime.load(provider).newEngine(EngineConfig.of(profile));
                WasmModule module = engine.load(TestRuntimes.artifact("wasi_reactor", profile));
                Store store = engine.newStore();
                Linker linker = engine.newLinker()) {
            Wasi wasi = Wasi.create(store, WasiConfig.builder().build());
            Instance instance = wasi.addTo(linker).instantiate(store, module);

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> wasi.run(instance));
            assertTrue(e.getMessage().contains("_start"), e.getMessage());
        }
    }
}
