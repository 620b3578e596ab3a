package example;

import dev.nostdwasm.api.*;
import dev.nostdwasm.wasi.*;
import java.nio.file.Path;

/** The README's WASI quick start: runs cat.wat, a WASI command, precompiled by the plugin. */
public final class WasiQuickStart {

    /** Runs cat.wat with {@code dir} as its /data directory on {@code file}; returns its exit code. */
    public static int cat(NoStdRuntime runtime, Path dir, String file) {
        WasiConfig config = WasiConfig.builder()
                .args("cat", file)                 // argv[0] is the program's name
                .preopen(dir, "/data", true)       // the one directory it sees: read-only, as /data
                .inheritStdio()                    // System.in, System.out and System.err
                .build();
        Wasi wasi = Wasi.create(config);           // the guest's WASI state: descriptors, args
        try (Engine engine = runtime.newEngine(EngineConfig.of(Profile.NATIVE));
             WasmModule module = engine.loadResource(WasiQuickStart.class, "cat");
             Linker linker = Wasi.addTo(engine.newLinker());   // all of wasi_snapshot_preview1
             Store store = engine.newStore(wasi)) {            // the Wasi is the store's data
            WasiExit exit = wasi.run(linker.instantiate(store, module));   // _start; proc_exit(n) gives n
            return exit.code();
        }
    }

    public static void main(String[] args) {
        System.exit(cat(NoStdRuntime.load(), Path.of(args[0]), args[1]));
    }
}
