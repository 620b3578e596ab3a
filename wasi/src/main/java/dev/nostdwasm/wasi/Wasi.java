package dev.nostdwasm.wasi;

import dev.nostdwasm.api.Func;
import dev.nostdwasm.api.Instance;
import dev.nostdwasm.api.LinkException;
import dev.nostdwasm.api.Linker;
import dev.nostdwasm.api.Store;
import dev.nostdwasm.api.WasmModule;
import dev.nostdwasm.api.WasmTrapException;
import java.util.Objects;

/**
 * WASI preview 1 for the guests of one {@link Store}: defines the functions of {@code
 * wasi_snapshot_preview1} on a {@link Linker} and runs command modules.
 *
 * <pre>{@code
 * WasiConfig config = WasiConfig.builder()
 *         .args("app", "input.txt")
 *         .stdout(System.out)
 *         .preopen(Path.of("data"), "/data", true)
 *         .build();
 * Wasi wasi = Wasi.create(store, config);
 * wasi.addTo(linker);
 * WasiExit exit = wasi.run(linker, module);
 * }</pre>
 *
 * <p>The WASI state (arguments, descriptor table, open files) belongs to this object and so to
 * its store: make one {@code Wasi} per store, and give it a linker that instantiates only in that
 * store (the functions it defines serve this object's state, whichever store calls them). The
 * guest reaches only what the {@link WasiConfig} granted; docs/WASI.md describes each function,
 * and docs/SECURITY.md what each capability grants.
 */
public final class Wasi {
    private final Store store;
    private final WasiContext context;

    private Wasi(Store store, WasiConfig config) {
        this.store = store;
        this.context = new WasiContext(config);
    }

    /**
     * WASI for the guests of {@code store}, granted what {@code config} grants.
     *
     * @param store the store the guests run in
     * @param config what the guests may reach: arguments, environment, stdio, directories, clocks
     * @return the WASI state, to add to a linker with {@link #addTo}
     */
    public static Wasi create(Store store, WasiConfig config) {
        return new Wasi(Objects.requireNonNull(store, "store"), Objects.requireNonNull(config, "config"));
    }

    /**
     * Defines every function of {@code wasi_snapshot_preview1} on {@code linker}, bound to this
     * object's state.
     *
     * @param linker the linker to define the functions on
     * @return {@code linker}
     * @throws LinkException when one of the names is already defined on it
     */
    public Linker addTo(Linker linker) {
        Preview1.define(Objects.requireNonNull(linker, "linker"), context);
        return linker;
    }

    /**
     * Instantiates {@code module} in this object's store with {@code linker} (to which {@link
     * #addTo} was applied) and runs it as a command: see {@link #run(Instance)}.
     *
     * @param linker the linker that resolves the module's imports
     * @param module the WASI command module
     * @return how the command ended
     * @throws LinkException when an import is missing or mistyped
     */
    public WasiExit run(Linker linker, WasmModule module) {
        return run(linker.instantiate(store, module));
    }

    /**
     * Runs a command: calls {@code instance}'s {@code _start} export and returns how it ended.
     * A {@code proc_exit(n)} ends the run with code {@code n}; a {@code _start} that returns
     * ends it with code 0. Either way the files the guest left open are closed.
     *
     * @param instance an instance of a WASI command module, in this object's store
     * @return how the command ended
     * @throws IllegalArgumentException when the instance exports no {@code _start} function (it
     *     is not a WASI command; a reactor exports {@code _initialize} and is called directly)
     * @throws WasmTrapException when the guest traps
     */
    public WasiExit run(Instance instance) {
        if (instance.exportType("_start").filter(t -> t instanceof dev.nostdwasm.api.ExternType.Func).isEmpty()) {
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
