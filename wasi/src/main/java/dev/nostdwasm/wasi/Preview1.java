package dev.nostdwasm.wasi;

import static dev.nostdwasm.wasi.HostImports.errno;
import static dev.nostdwasm.wasi.HostImports.u;

import dev.nostdwasm.api.Caller;
import dev.nostdwasm.api.HostExport;
import java.util.List;

/**
 * The functions of {@code wasi_snapshot_preview1} that touch no descriptor (arguments,
 * environment, clocks, random, process, sockets) and {@code poll_oneoff}; {@link FdImports} and
 * {@link PathImports} have the rest. docs/WASI.md lists them with their errno choices.
 */
final class Preview1 {
    /** The last signal number ({@code signal} enum): SIGSYS. */
    private static final int SIGNAL_MAX = 30;
    /** The most random bytes made at a time, so that a large request needs no large array. */
    private static final int RANDOM_CHUNK = 65536;

    @HostExport("args_get")
    int argsGet(Caller caller, int pointers, int buffer) {
        WasiContext c = WasiContext.of(caller);
        return writeStrings(c.memory.bind(caller), c.args, u(pointers), u(buffer));
    }

    @HostExport("args_sizes_get")
    int argsSizesGet(Caller caller, int countAt, int sizeAt) {
        WasiContext c = WasiContext.of(caller);
        return writeSizes(c.memory.bind(caller), c.args, u(countAt), u(sizeAt));
    }

    @HostExport("environ_get")
    int environGet(Caller caller, int pointers, int buffer) {
        WasiContext c = WasiContext.of(caller);
        return writeStrings(c.memory.bind(caller), c.env, u(pointers), u(buffer));
    }

    @HostExport("environ_sizes_get")
    int environSizesGet(Caller caller, int countAt, int sizeAt) {
        WasiContext c = WasiContext.of(caller);
        return writeSizes(c.memory.bind(caller), c.env, u(countAt), u(sizeAt));
    }

    @HostExport("clock_res_get")
    int clockResGet(Caller caller, int id, int resultAt) {
        WasiContext c = WasiContext.of(caller);
        requireClock(id);
        c.memory.bind(caller).writeI64(u(resultAt), 1); // nanosecond resolution, as the standard Wasmtime reports
        return Errno.SUCCESS;
    }

    @HostExport("clock_time_get")
    int clockTimeGet(Caller caller, int id, long precision, int resultAt) {
        WasiContext c = WasiContext.of(caller);
        requireClock(id);
        c.memory.bind(caller).writeI64(u(resultAt), now(c.clock, id));
        return Errno.SUCCESS;
    }

    @HostExport("random_get")
    int randomGet(Caller caller, int buffer, int length) {
        WasiContext c = WasiContext.of(caller);
        GuestMemory m = c.memory.bind(caller);
        long at = u(buffer);
        long n = u(length);
        m.checkRange(at, n);
        byte[] chunk = new byte[(int) Math.min(n, RANDOM_CHUNK)];
        for (long done = 0; done < n; done += chunk.length) {
            c.random.nextBytes(chunk);
            m.write(at + done, chunk, 0, (int) Math.min(chunk.length, n - done));
        }
        return Errno.SUCCESS;
    }

    @HostExport("proc_exit")
    void procExit(Caller caller, int code) {
        throw new ProcExit(code);
    }

    @HostExport("proc_raise")
    int procRaise(Caller caller, int signal) {
        BadArgument.requireEnum(u(signal), SIGNAL_MAX, "signal");
        return Errno.NOTSUP; // what the standard Wasmtime answers: a guest cannot signal itself
    }

    @HostExport("sched_yield")
    int schedYield(Caller caller) {
        Thread.yield();
        return Errno.SUCCESS;
    }

    // No socket is ever granted, so every descriptor is not one (the standard Wasmtime's answers).
    @HostExport("sock_accept")
    int sockAccept(Caller caller, int fd, int flags, int resultAt) {
        BadArgument.requireFlags(u(flags), WasiAbi.FDFLAGS_ALL, "fdflags");
        return notASocket(caller, fd);
    }

    @HostExport("sock_recv")
    int sockRecv(Caller caller, int fd, int iovs, int iovsLength, int flags, int sizeAt, int flagsAt) {
        BadArgument.requireFlags(u(flags), 0b11, "riflags"); // RECV_PEEK, RECV_WAITALL
        return notASocket(caller, fd);
    }

    @HostExport("sock_send")
    int sockSend(Caller caller, int fd, int iovs, int iovsLength, int flags, int sizeAt) {
        BadArgument.requireFlags(u(flags), 0, "siflags"); // siflags has no flag
        return notASocket(caller, fd);
    }

    @HostExport("sock_shutdown")
    int sockShutdown(Caller caller, int fd, int how) {
        BadArgument.requireFlags(u(how), 0b11, "sdflags"); // SHUT_RD, SHUT_WR
        return notASocket(caller, fd);
    }

    @HostExport("poll_oneoff")
    int pollOneoff(Caller caller, int in, int out, int count, int countAt) {
        WasiContext c = WasiContext.of(caller);
        try {
            return Poll.pollOneoff(c, c.memory.bind(caller), u(in), u(out), u(count), u(countAt));
        } catch (Exception e) {
            return errno(e);
        }
    }

    private static int notASocket(Caller caller, int fd) {
        try {
            WasiContext.of(caller).fds.get(fd);
            return Errno.NOTSOCK;
        } catch (ErrnoException e) {
            return e.errno();
        }
    }

    /** Traps for a clock id the spec does not know. */
    private static void requireClock(int id) {
        BadArgument.requireEnum(u(id), WasiAbi.CLOCK_THREAD_CPUTIME, "clockid");
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
    private static int writeStrings(GuestMemory m, List<byte[]> strings, long pointers, long buffer) {
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
    private static int writeSizes(GuestMemory m, List<byte[]> strings, long countAt, long sizeAt) {
        long size = 0;
        for (byte[] s : strings) {
            size += s.length + 1;
        }
        m.writeI32(countAt, strings.size());
        m.writeI32(sizeAt, (int) size);
        return Errno.SUCCESS;
    }
}
