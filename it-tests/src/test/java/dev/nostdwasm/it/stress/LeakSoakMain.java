package dev.nostdwasm.it.stress;

import dev.nostdwasm.api.Engine;
import dev.nostdwasm.api.EngineConfig;
import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.Func;
import dev.nostdwasm.api.Linker;
import dev.nostdwasm.api.WasmModule;
import dev.nostdwasm.api.NoStdRuntime;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.Store;
import dev.nostdwasm.api.Val;
import dev.nostdwasm.api.ValType;
import dev.nostdwasm.it.support.Artifacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The leak soak, run in a forked JVM by {@link SoakTest}: creates and closes engines, modules,
 * linkers with a host function, stores and instances {@code iterations} times and reports the
 * resident set size (VmRSS of {@code /proc/self/status}) after {@code warmup} iterations and at the
 * end.
 *
 * <p>Arguments: {@code <provider> <iterations> <warmup> [variant]}. Variant {@code all} (the
 * default): per iteration a new engine (profiles taken in turn), module {@code host_fn} loaded,
 * a linker defining the host function {@code host.multiply}, a store, the instance, one call
 * {@code add_and_mul} checked, everything closed. The other variants isolate one kind of object
 * (the others made once, outside the loop): {@code engines} (new engine, close),
 * {@code modules} (load {@code add}, close), {@code stores} (new store, close), {@code instances}
 * (new store, instantiate {@code add}, call, close the store), {@code hostfns} (new linker
 * defining the host function, new store, instantiate {@code host_fn}, call, close both).
 *
 * <p>Prints {@code soak: <provider> <variant> <K> iterations, RSS start <kB> end <kB> drift <pct>%}
 * (and checkpoints {@code soak-rss: <i> <kB>} on the way); exits 0 unless something failed (the
 * caller judges the drift).
 */
public final class LeakSoakMain {
    static final ExternType.Func BINARY_I32 =
            new ExternType.Func(List.of(ValType.I32, ValType.I32), List.of(ValType.I32));
    /** RSS samples taken at the end; the smallest is reported (a transient allocation is not a leak). */
    static final int END_SAMPLES = 5;
    static final int CHECKPOINTS = 10;

    public static void main(String[] args) throws Exception {
        String provider = args[0];
        int iterations = Integer.parseInt(args[1]);
        int warmup = Integer.parseInt(args[2]);
        String variant = args.length > 3 ? args[3] : "all";
        NoStdRuntime runtime = NoStdRuntime.load(provider);
        List<Profile> profiles = runtime.profiles().stream().sorted(Comparator.comparingInt(Profile::id))
                .collect(Collectors.toList());
        byte[][] hostFn = new byte[Profile.values().length][];
        byte[][] add = new byte[Profile.values().length][];
        for (Profile p : profiles) {
            hostFn[p.ordinal()] = Artifacts.bytes("host_fn", p);
            add[p.ordinal()] = Artifacts.bytes("add", p);
        }
        Loop loop = loop(variant, runtime, profiles, hostFn, add);

        long started = System.nanoTime();
        for (int i = 0; i < warmup; i++) {
            loop.iteration(i);
        }
        long start = settledRss();
        System.out.println("soak-rss: warm-up " + warmup + " " + start + " kB");
        long loopStarted = System.nanoTime();
        int step = Math.max(1, iterations / CHECKPOINTS);
        for (int i = 0; i < iterations; i++) {
            loop.iteration(i);
            if ((i + 1) % step == 0 && i + 1 < iterations) {
                System.out.println("soak-rss: " + (i + 1) + " " + rss() + " kB");
            }
        }
        long loopMillis = (System.nanoTime() - loopStarted) / 1_000_000;
        long end = Long.MAX_VALUE;
        for (int s = 0; s < END_SAMPLES; s++) {
            end = Math.min(end, settledRss());
        }
        loop.close();
        double drift = 100.0 * (end - start) / start;
        System.out.println(String.format(Locale.ROOT,
                "soak: %s %s %d iterations, RSS start %d kB end %d kB drift %.2f%% (%+.1f bytes/iteration),"
                        + " %d ms for the iterations, %d ms in all, profiles %s",
                provider, variant, iterations, start, end, drift, (end - start) * 1024.0 / iterations, loopMillis,
                (System.nanoTime() - started) / 1_000_000,
                profiles.stream().map(Profile::cliName).collect(Collectors.joining(","))));
    }

    interface Loop extends AutoCloseable {
        void iteration(int i) throws Exception;

        @Override
        default void close() throws Exception {}
    }

    static Val[] multiply(Val[] args) {
        return new Val[] {Val.i32(((Val.I32) args[0]).value() * ((Val.I32) args[1]).value())};
    }

    static void check(int expected, int actual, String what) {
        if (expected != actual) {
            throw new AssertionError(what + " returned " + actual + ", expected " + expected);
        }
    }

    private static Loop loop(String variant, NoStdRuntime runtime, List<Profile> profiles, byte[][] hostFn,
            byte[][] add) {
        Profile first = profiles.get(0);
        switch (variant) {
            case "all":
                return i -> {
                    Profile p = profiles.get(i % profiles.size());
                    try (Engine engine = runtime.newEngine(EngineConfig.of(p).allowUnsignedArtifacts());
                         WasmModule module = engine.load(hostFn[p.ordinal()]);
                         Linker linker = engine.newLinker();
                         Store store = engine.newStore()) {
                        linker.define("host", "multiply", BINARY_I32, (caller, a) -> multiply(a));
                        Func f = linker.instantiate(store, module).func("add_and_mul");
                        int a = i & 0xffff;
                        check(a * 3 + 4, f.callI32(a, 3, 4), "add_and_mul");
                    }
                };
            case "engines":
                return i -> {
                    Profile p = profiles.get(i % profiles.size());
                    try (Engine engine = runtime.newEngine(EngineConfig.of(p).allowUnsignedArtifacts())) {
                        check(p.id(), engine.config().profile().id(), "engine profile");
                    }
                };
            default:
                break;
        }
        Engine engine = runtime.newEngine(EngineConfig.of(first).allowUnsignedArtifacts());
        WasmModule addModule = engine.load(add[first.ordinal()]);
        WasmModule hostModule = engine.load(hostFn[first.ordinal()]);
        Linker plain = engine.newLinker();
        AutoCloseable shared = () -> {
            plain.close();
            hostModule.close();
            addModule.close();
            engine.close();
        };
        switch (variant) {
            case "modules":
                return wrap(shared, i -> {
                    try (WasmModule m = engine.load(add[first.ordinal()])) {
                        check(1, m.exports().size(), "exports");
                    }
                });
            case "stores":
                return wrap(shared, i -> {
                    Store store = engine.newStore();
                    store.close();
                });
            case "instances":
                return wrap(shared, i -> {
                    try (Store store = engine.newStore()) {
                        int a = i & 0xffff;
                        check(a + 7, plain.instantiate(store, addModule).func("add").callI32(a, 7), "add");
                    }
                });
            case "hostfns":
                return wrap(shared, i -> {
                    try (Linker linker = engine.newLinker(); Store store = engine.newStore()) {
                        linker.define("host", "multiply", BINARY_I32, (caller, a) -> multiply(a));
                        int a = i & 0xffff;
                        check(a * 3 + 4, linker.instantiate(store, hostModule).func("add_and_mul").callI32(a, 3, 4),
                                "add_and_mul");
                    }
                });
            default:
                throw new IllegalArgumentException("unknown variant " + variant
                        + ": all, engines, modules, stores, instances or hostfns");
        }
    }

    private static Loop wrap(AutoCloseable shared, Loop body) {
        return new Loop() {
            @Override
            public void iteration(int i) throws Exception {
                body.iteration(i);
            }

            @Override
            public void close() throws Exception {
                shared.close();
            }
        };
    }

    /** VmRSS after the garbage collector ran (so objects only a Cleaner or finalizer frees are gone). */
    static long settledRss() throws InterruptedException, IOException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100); // lets reference handling (Cleaner threads) run; not a measurement
        }
        return rss();
    }

    /** VmRSS of this process in kB. */
    static long rss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring("VmRSS:".length()).trim().split("\\s+")[0]);
            }
        }
        throw new IOException("no VmRSS in /proc/self/status");
    }

    private LeakSoakMain() {}

    static List<String> variants() {
        return new ArrayList<>(List.of("all", "engines", "modules", "stores", "instances", "hostfns"));
    }
}
