package dev.nostdwasm.wasi;

import dev.nostdwasm.api.Linker;
import java.util.List;

/**
 * Every function of {@code wasi_snapshot_preview1}: this class defines them and implements the
 * ones that touch no descriptor (arguments, environment, clocks, random, process, sockets);
 * {@link FdImports}, {@link PathImports} and {@link Poll} the rest. docs/WASI.md lists them with
 * their errno choices.
 */
final class Preview1 {
    /** The last signal number ({@code signal} enum): SIGSYS. */
    private static final int SIGNAL_MAX = 30;

    private Preview1() {}

    /** Defines all functions on {@code linker} over {@code context}. */
    static void define(Linker linker, WasiContext context) {
        HostImports imports = new HostImports(linker);
        imports.define("args_get", "ii", (m, a) -> writeStrings(m, context.args, a[0], a[1]));
        imports.define("args_sizes_get", "ii", (m, a) -> writeSizes(m, context.args, a[0], a[1]));
        imports.define("environ_get", "ii", (m, a) -> writeStrings(m, context.env, a[0], a[1]));
        imports.define("environ_sizes_get", "ii", (m, a) -> writeSizes(m, context.env, a[0], a[1]));
        imports.define("clock_res_get", "ii", (m, a) -> {
            requireClock(a[0]);
            m.writeI64(a[1], 1); // nanosecond resolution, as the standard Wasmtime reports
            return Errno.SUCCESS;
        });
        imports.define("clock_time_get", "iIi", (m, a) -> {
            requireClock(a[0]);
            m.writeI64(a[2], now(context.clock, (int) a[0]));
            return Errno.SUCCESS;
        });
        imports.define("random_get", "ii", (m, a) -> {
            m.checkRange(a[0], a[1]);
            byte[] chunk = new byte[(int) Math.min(a[1], 65536)];
            for (long done = 0; done < a[1]; done += chunk.length) {
                int n = (int) Math.min(chunk.length, a[1] - done);
                context.random.nextBytes(chunk);
                m.write(a[0] + done, chunk, 0, n);
            }
            return Errno.SUCCESS;
        });
        imports.defineNoResult("proc_exit", "i", (m, a) -> {
            throw new ProcExit((int) a[0]);
        });
        imports.define("proc_raise", "i", (m, a) -> {
            if (a[0] > SIGNAL_MAX) {
                return Errno.INVAL;
            }
            return Errno.NOTSUP; // what the standard Wasmtime answers: a guest cannot signal itself
        });
        imports.define("sched_yield", "", (m, a) -> {
            Thread.yield();
            return Errno.SUCCESS;
        });
        // No socket is ever granted, so every descriptor is not one (the standard Wasmtime's answers).
        imports.define("sock_accept", "iii", (m, a) -> {
            PathOperations.requireKnownFlags(a[1], WasiAbi.FDFLAGS_ALL);
            context.fds.get((int) a[0]);
            return Errno.NOTSOCK;
        });
        imports.define("sock_recv", "iiiiii", (m, a) -> {
            PathOperations.requireKnownFlags(a[3], 0b11); // RECV_PEEK, RECV_WAITALL
            context.fds.get((int) a[0]);
            return Errno.NOTSOCK;
        });
        imports.define("sock_send", "iiiii", (m, a) -> {
            PathOperations.requireKnownFlags(a[3], 0); // siflags has no flag
            context.fds.get((int) a[0]);
            return Errno.NOTSOCK;
        });
        imports.define("sock_shutdown", "ii", (m, a) -> {
            PathOperations.requireKnownFlags(a[1], 0b11); // SHUT_RD, SHUT_WR
            context.fds.get((int) a[0]);
            return Errno.NOTSOCK;
        });
        FdImports.define(imports, context);
        PathImports.define(imports, context);
        imports.define("poll_oneoff", "iiii", (m, a) -> Poll.pollOneoff(context, m, a[0], a[1], a[2], a[3]));
    }

    /** {@code INVAL} for a clock id the spec does not know. */
    static void requireClock(long id) throws ErrnoException {
        if (id < WasiAbi.CLOCK_REALTIME || id > WasiAbi.CLOCK_THREAD_CPUTIME) {
            throw new ErrnoException(Errno.INVAL);
        }
    }

    /** The time of clock {@code id}. */
    static long now(WasiClock clock, int id) {
        return switch (id) {
            case WasiAbi.CLOCK_REALTIME -> clock.realtimeNanos();
            case WasiAbi.CLOCK_MONOTONIC -> clock.monotonicNanos();
            case WasiAbi.CLOCK_PROCESS_CPUTIME -> clock.processCpuNanos();
            default -> clock.threadCpuNanos();
        };
    }

    /** {@code args_get}/{@code environ_get}: pointers at {@code pointers}, NUL-terminated strings at {@code buffer}. */
    private static int writeStrings(GuestMemory m, List<byte[]> strings, long pointers, long buffer) throws ErrnoException {
        for (byte[] s : strings) {
            m.writeI32(pointers, (int) buffer);
            m.write(buffer, s, 0, s.length);
            m.writeU8(buffer + s.length, 0);
            pointers += 4;
            buffer += s.length + 1;
        }
        return Errno.SUCCESS;
    }

    /** {@code args_sizes_get}/{@code environ_sizes_get}: the count, and the bytes with their NULs. */
    private static int writeSizes(GuestMemory m, List<byte[]> strings, long countAt, long sizeAt) throws ErrnoException {
        long size = 0;
        for (byte[] s : strings) {
            size += s.length + 1;
        }
        m.writeI32(countAt, strings.size());
        m.writeI32(sizeAt, (int) size);
        return Errno.SUCCESS;
    }
}
