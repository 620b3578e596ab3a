package dev.nostdwasm.wasi;

import dev.nostdwasm.api.Engine;
import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.Func;
import dev.nostdwasm.api.Instance;
import dev.nostdwasm.api.LinkException;
import dev.nostdwasm.api.Linker;
import dev.nostdwasm.api.Store;
import dev.nostdwasm.api.WasmTrapException;
import java.util.Objects;

/**
 * WASI preview 1 for the guests of one {@link Store}: the state of {@code
 * wasi_snapshot_preview1} (arguments, descriptor table, open files), made to be that store's
 * data. The functions, defined once on a {@link Linker} with {@link #addTo}, serve the {@code
 * Wasi} of whichever store calls them, so one linker serves many stores (tenants), each with its
 * own grants.
 *
 * <pre>{@code
 * Wasi.addTo(linker);                                   // once
 * Wasi wasi = Wasi.create(WasiConfig.builder()
 *         .args("app", "input.txt")
 *         .stdout(System.out)
 *         .preopen(Path.of("data"), "/data", true)
 *         .build());
 * try (Store store = engine.newStore(wasi)) {           // per run
 *     WasiExit exit = wasi.run(linker.instantiate(store, module));
 * }
 * }</pre>
 *
 * <p>The guest reaches only what the {@link WasiConfig} granted; docs/WASI.md describes each
 * function, and docs/SECURITY.md what each capability grants.
 */
public final class Wasi {
    final WasiContext context;

    private Wasi(WasiConfig config) {
        this.context = new WasiContext(config);
    }

    /**
     * The WASI state of a guest, granted what {@code config} grants. Give it to {@link
     * Engine#newStore(Object)} as the store's data; one {@code Wasi} per store.
     *
     * @param config what the guest may reach: arguments, environment, stdio, directories, clocks
     * @return the WASI state, to make a store with
     */
    public static Wasi create(WasiConfig config) {
        return new Wasi(Objects.requireNonNull(config, "config"));
    }

    /**
     * Defines every function of {@code wasi_snapshot_preview1} on {@code linker}. A call serves
     * the {@code Wasi} that is its store's data; a call from a store whose data is not a {@code
     * Wasi} traps.
     *
     * @param linker the linker to define the functions on
     * @return {@code linker}
     * @throws LinkException when one of the names is already defined on it
     */
    public static Linker addTo(Linker linker) {
        HostImports.define(Objects.requireNonNull(linker, "linker"));
        return linker;
    }

    /**
     * Runs a command: calls {@code instance}'s {@code _start} export and returns how it ended.
     * The instance must live in the store whose data this {@code Wasi} is. A {@code proc_exit(n)}
     * ends the run with code {@code n}; a {@code _start} that returns ends it with code 0.
     * Either way the files the guest left open are closed.
     *
     * @param instance an instance of a WASI command module, in the store whose data this {@code Wasi} is
     * @return how the command ended
     * @throws IllegalArgumentException when the instance exports no {@code _start} function (it
     *     is not a WASI command; a reactor exports {@code _initialize} and is called directly)
     * @throws WasmTrapException when the guest traps, also in a WASI call given a pointer outside
     *     its memory or a value its type does not allow (docs/WASI.md lists them)
     */
    public WasiExit run(Instance instance) {
        if (instance.exportType("_start").filter(t -> t instanceof ExternType.Func).isEmpty()) {
            throw new IllegalArgumentException("the instance exports no function \"_start\": it is not a WASI"
                    + " command module (a reactor exports \"_initialize\"; call that and its exports directly)");
        }
        Func start = instance.func("_start");
        try {
            start.call();
            return new WasiExit(0);
        } catch (WasmTrapException trap) {
            for (Throwable cause = trap.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof ProcExit exit) {
                    return new WasiExit(exit.code());
                }
            }
            throw trap;
        } finally {
            context.fds.closeFiles();
        }
    }
}
