package dev.nostdwasm.wasitests;

import dev.nostdwasm.api.Engine;
import dev.nostdwasm.api.EngineConfig;
import dev.nostdwasm.api.Linker;
import dev.nostdwasm.api.NoStdRuntime;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.Store;
import dev.nostdwasm.api.WasmModule;
import dev.nostdwasm.wasi.Wasi;
import dev.nostdwasm.wasi.WasiConfig;
import dev.nostdwasm.wasi.WasiExit;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs programs under our SDK: the {@code wasi} module on one provider and profile. The only class of
 * this module that uses the {@code wasi} module's API.
 *
 * <p>Programs are compiled with {@link Engine#compile}, whose on-disk cache (keyed by the program's
 * hash and the engine's settings) makes every run after the first on a machine skip the compiler.
 */
final class SdkRunner implements WasiRunner {

    /**
     * The Java stack of the thread a program runs on: the wasm stack lives on the native stack of the
     * calling thread, and Go's test binaries use all of theirs ({@link EngineConfig#MAX_WASM_STACK_LIMIT}),
     * with the host calls' frames on top.
     */
    private static final long THREAD_STACK_BYTES = 64L << 20;

    private final NoStdRuntime runtime;
    private final Profile profile;

    SdkRunner(NoStdRuntime runtime, Profile profile) {
        this.runtime = runtime;
        this.profile = profile;
    }

    @Override
    public String name() {
        return runtime.provider() + "/" + profile.cliName();
    }

    /**
     * Compiles {@code program} for this runner's profile into the cache of {@link Engine#compile},
     * unless it is there already: apart from the run, so that the two can be timed apart.
     */
    void compile(Path program) throws IOException {
        byte[] wasm = Files.readAllBytes(program);
        try (Engine engine = runtime.newEngine(EngineConfig.of(profile))) {
            engine.compile(wasm).close();
        }
    }

    @Override
    public ProgramResult run(WasiCase c, Path hostDir) throws IOException, InterruptedException {
        byte[] wasm = Files.readAllBytes(c.program());
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>();
        // argv[0] as the reference gives it: the program's file name.
        args.add(c.program().getFileName().toString());
        args.addAll(c.args());
        WasiConfig.Builder config = WasiConfig.builder()
                .args(args.toArray(String[]::new))
                .stdin(new ByteArrayInputStream(c.stdin()))
                .stdout(stdout)
                .stderr(stderr)
                .preopen(hostDir, c.guestDir(), false);
        c.env().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> config.env(e.getKey(), e.getValue()));
        EngineConfig engineConfig = EngineConfig.of(profile);
        if (c.maxWasmStack() > 0) {
            // The reference may be given more than our engines allow; Go's tests stay inside this limit.
            engineConfig = engineConfig.withMaxWasmStack(Math.min(c.maxWasmStack(), EngineConfig.MAX_WASM_STACK_LIMIT));
        }
        EngineConfig settings = engineConfig;

        AtomicReference<Object> ending = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            Wasi wasi = Wasi.create(config.build());
            try (Engine engine = runtime.newEngine(settings);
                    WasmModule module = engine.compile(wasm);
                    Store store = engine.newStore(wasi);
                    Linker linker = Wasi.addTo(engine.newLinker())) {
                ending.set(wasi.run(linker.instantiate(store, module)));
            } catch (RuntimeException | Error e) {
                ending.set(e);
            }
        }, "wasi " + name() + " " + c.name(), THREAD_STACK_BYTES);
        thread.start();
        thread.join();
        if (ending.get() instanceof WasiExit exit) {
            return new ProgramResult(exit.code(), false, stdout.toByteArray(), stderr.toByteArray());
        }
        // The run ended in a trap or a refusal of the host: like the reference's own error, its message
        // goes after what the guest wrote to stderr, and the outcome counts as ended in an error.
        StringWriter trace = new StringWriter();
        ((Throwable) ending.get()).printStackTrace(new PrintWriter(trace));
        stderr.writeBytes(trace.toString().getBytes(StandardCharsets.UTF_8));
        return new ProgramResult(1, true, stdout.toByteArray(), stderr.toByteArray());
    }
}
