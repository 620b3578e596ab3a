package dev.nostdwasm.wasi;

import dev.nostdwasm.api.Linker;
import dev.nostdwasm.api.WasmException;

/**
 * Defines the functions of {@code wasi_snapshot_preview1} on a {@link Linker}, and the one
 * place where what a WASI function's body threw becomes what the guest sees.
 *
 * <p>The functions are the {@link dev.nostdwasm.api.HostExport} methods of {@link Preview1},
 * {@link FdImports} and {@link PathImports}: typed host functions (a {@code Caller} and the
 * call's ints and longs, i32 arguments as Java {@code int}s to read as unsigned), so a call
 * passes no argument array. Each finds its state in the calling store's data ({@link
 * WasiContext#of}), so one linker serves every store.
 */
final class HostImports {
    static final String MODULE = "wasi_snapshot_preview1";

    private HostImports() {}

    /** Defines every function on {@code linker}. */
    static void define(Linker linker) {
        linker.defineAll(MODULE, new Preview1());
        linker.defineAll(MODULE, new FdImports());
        linker.defineAll(MODULE, new PathImports());
    }

    /**
     * The errno for what a function's body threw, or the exception again when it must trap the
     * call: {@code proc_exit}'s {@link ProcExit}, a {@link BadArgument}, and a runtime error (a
     * pointer outside the memory is a {@code MemoryAccessException}). Every other exception is an
     * answer to the guest, never a Java exception out of the call.
     */
    static int errno(Exception e) {
        if (e instanceof ProcExit || e instanceof BadArgument || e instanceof WasmException) {
            throw (RuntimeException) e;
        }
        return Errno.of(e);
    }

    /** An i32 argument (a pointer, size or count) as the unsigned value it is. */
    static long u(int value) {
        return Integer.toUnsignedLong(value);
    }
}
