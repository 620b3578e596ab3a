package dev.nostdwasm.wasi;

import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.Linker;
import dev.nostdwasm.api.Val;
import dev.nostdwasm.api.ValType;
import java.util.ArrayList;
import java.util.List;

/**
 * Defines WASI functions on a {@link Linker}, and the one place where a WASI call's outcome
 * becomes what the guest sees: its errno, whatever the body threw. Only a {@link ProcExit} (and
 * a missing memory, which {@link GuestMemory#of} reports) leaves a call as an exception, and so
 * as a trap.
 *
 * <p>This class and {@link GuestMemory} are the only code that touches the runtime's API for host
 * functions and memory.
 */
final class HostImports {
    static final String MODULE = "wasi_snapshot_preview1";

    private final Linker linker;

    HostImports(Linker linker) {
        this.linker = linker;
    }

    /** A WASI function's body: {@code args} are its arguments, i32 ones zero-extended. */
    @FunctionalInterface
    interface Body {
        /** Returns the errno (usually {@link Errno#SUCCESS}). */
        int call(GuestMemory memory, long[] args) throws Exception;
    }

    /**
     * Defines {@code name} taking {@code params} ('i' for i32, 'I' for i64, in order) and
     * returning an i32 errno.
     */
    void define(String name, String params, Body body) {
        define(name, params, true, body);
    }

    /** Defines {@code name} taking {@code params} and returning nothing (only {@code proc_exit}). */
    void defineNoResult(String name, String params, Body body) {
        define(name, params, false, body);
    }

    private void define(String name, String params, boolean returnsErrno, Body body) {
        List<ValType> types = new ArrayList<>();
        for (char c : params.toCharArray()) {
            types.add(c == 'I' ? ValType.I64 : ValType.I32);
        }
        ExternType.Func type = new ExternType.Func(types, returnsErrno ? List.of(ValType.I32) : List.of());
        linker.define(MODULE, name, type, (caller, vals) -> {
            long[] args = new long[vals.length];
            for (int i = 0; i < vals.length; i++) {
                args[i] = vals[i] instanceof Val.I64 l ? l.value() : Integer.toUnsignedLong(((Val.I32) vals[i]).value());
            }
            int errno = run(body, GuestMemory.of(caller), args);
            return returnsErrno ? new Val[] {Val.i32(errno)} : new Val[0];
        });
    }

    /** Runs {@code body} and returns its errno, or the errno of what it threw. */
    static int run(Body body, GuestMemory memory, long[] args) {
        try {
            return body.call(memory, args);
        } catch (ProcExit e) {
            throw e;
        } catch (Exception e) {
            return Errno.of(e);
        }
    }
}
