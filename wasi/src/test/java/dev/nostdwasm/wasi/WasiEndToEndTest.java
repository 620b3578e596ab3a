package dev.nostdwasm.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nostdwasm.api.Engine;
import dev.nostdwasm.api.Instance;
import dev.nostdwasm.api.Linker;
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

        try (Engine engine = TestRuntimes.engine(provider, profile);
                WasmModule module = engine.load(TestRuntimes.artifact("wasi_hello", profile));
                Linker linker = Wasi.addTo(engine.newLinker())) {
            Wasi wasi = Wasi.create(config);
            WasiExit exit;
            try (Store store = engine.newStore(wasi)) {
                exit = wasi.run(linker.instantiate(store, module));
            }

            assertEquals(new WasiExit(3), exit, "stdout: " + stdout.toString(StandardCharsets.UTF_8));
            assertEquals("hello\nfrom the preopen\n", stdout.toString(StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.nostdwasm.wasi.TestRuntimes#providersAndProfiles")
    void aStartThatReturnsExitsWithZeroAndATrapStaysATrap(String provider, Profile profile) {
        Wasi wasi = Wasi.create(WasiConfig.builder().build());
        try (Engine engine = TestRuntimes.engine(provider, profile);
                WasmModule returns = engine.load(TestRuntimes.artifact("wasi_returns", profile));
                WasmModule traps = engine.load(TestRuntimes.artifact("wasi_traps", profile));
                Linker linker = Wasi.addTo(engine.newLinker());
                Store store = engine.newStore(wasi)) {
            assertEquals(new WasiExit(0), wasi.run(linker.instantiate(store, returns)));
            Instance trapping = linker.instantiate(store, traps);
            WasmTrapException trap = assertThrows(WasmTrapException.class, () -> wasi.run(trapping));
            assertEquals(TrapCode.UNREACHABLE_CODE_REACHED, trap.trapCode());
        }
    }

    @ParameterizedTest
    @MethodSource("dev.nostdwasm.wasi.TestRuntimes#providersAndProfiles")
    void anInstanceWithoutStartIsNotACommand(String provider, Profile profile) {
        try (Engine engine = TestRuntimes.engine(provider, profile);
                WasmModule module = engine.load(TestRuntimes.artifact("wasi_reactor", profile));
                Linker linker = Wasi.addTo(engine.newLinker());
                Store store = engine.newStore(Wasi.create(WasiConfig.builder().build()))) {
            Wasi wasi = (Wasi) store.data();
            Instance instance = linker.instantiate(store, module);

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> wasi.run(instance));
            assertTrue(e.getMessage().contains("_start"), e.getMessage());
        }
    }

    @ParameterizedTest
    @MethodSource("dev.nostdwasm.wasi.TestRuntimes#providersAndProfiles")
    void oneLinkerServesManyStoresEachWithItsOwnWasi(String provider, Profile profile, @TempDir Path dir)
            throws IOException {
        Path rootA = Files.createDirectory(dir.resolve("a"));
        Path rootB = Files.createDirectory(dir.resolve("b"));
        Files.writeString(rootA.resolve("input.txt"), "tenant a\n");
        Files.writeString(rootB.resolve("input.txt"), "tenant b\n");
        ByteArrayOutputStream stdoutA = new ByteArrayOutputStream();
        ByteArrayOutputStream stdoutB = new ByteArrayOutputStream();
        Wasi a = Wasi.create(WasiConfig.builder().stdout(stdoutA).preopen(rootA, "/", true).build());
        Wasi b = Wasi.create(WasiConfig.builder().stdout(stdoutB).preopen(rootB, "/", true).build());

        try (Engine engine = TestRuntimes.engine(provider, profile);
                WasmModule module = engine.load(TestRuntimes.artifact("wasi_hello", profile));
                Linker linker = Wasi.addTo(engine.newLinker());
                Store storeA = engine.newStore(a);
                Store storeB = engine.newStore(b)) {
            // Both instances exist before either runs, so a state kept per linker would show.
            Instance instanceA = linker.instantiate(storeA, module);
            Instance instanceB = linker.instantiate(storeB, module);

            assertEquals(new WasiExit(3), b.run(instanceB));
            assertEquals(new WasiExit(3), a.run(instanceA));
        }
        assertEquals("hello\ntenant a\n", stdoutA.toString(StandardCharsets.UTF_8));
        assertEquals("hello\ntenant b\n", stdoutB.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @MethodSource("dev.nostdwasm.wasi.TestRuntimes#providersAndProfiles")
    void aCallFromAStoreWithoutWasiTrapsAndSaysWhatToDo(String provider, Profile profile) {
        try (Engine engine = TestRuntimes.engine(provider, profile);
                WasmModule module = engine.load(TestRuntimes.artifact("wasi_hello", profile));
                Linker linker = Wasi.addTo(engine.newLinker());
                Store store = engine.newStore()) {
            Instance instance = linker.instantiate(store, module);

            WasmTrapException trap = assertThrows(WasmTrapException.class, () -> instance.func("_start").call());
            assertTrue(trap.getCause() instanceof IllegalStateException, String.valueOf(trap.getCause()));
            assertTrue(trap.getCause().getMessage().contains("engine.newStore(Wasi.create(config))"),
                    trap.getCause().getMessage());
        }
    }
}
