package dev.nostdwasm.wasi;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code poll_oneoff}: clock subscriptions, and read or write readiness of the standard streams
 * and files. Files and output streams are always ready (as on Linux); stdin is ready when its
 * {@link java.io.InputStream#available()} says bytes are waiting, or when nothing else could end
 * the wait (a read then blocks, as the poll would have). Only a clock makes the call sleep.
 */
final class Poll {
    private static final int SUBSCRIPTION_SIZE = 48;
    private static final int EVENT_SIZE = 32;
    private static final int EVENTTYPE_CLOCK = 0;
    private static final int EVENTTYPE_FD_READ = 1;
    private static final int EVENTTYPE_FD_WRITE = 2;
    private static final int SUBCLOCKFLAGS_ABSTIME = 1;
    private static final int EVENTRWFLAGS_HANGUP = 1;
    /** How often a sleep that also waits for stdin looks at it. */
    private static final long STDIN_CHECK_NANOS = 1_000_000;
    /** A delay no run lives to see (and that sums without overflow). */
    private static final long FOREVER = Long.MAX_VALUE / 2;

    private Poll() {}

    /** One subscription: its userdata and kind, a relative deadline for a clock, the descriptor for an fd. */
    private record Subscription(long userdata, int type, long delayNanos, Descriptor descriptor) {}

    static int pollOneoff(WasiContext context, GuestMemory m, long in, long out, long count, long countAt)
            throws ErrnoException, IOException {
        if (count == 0) {
            return Errno.INVAL; // waiting for nothing would be forever
        }
        m.checkRange(in, count * SUBSCRIPTION_SIZE);
        m.checkRange(out, count * EVENT_SIZE);
        List<Subscription> subscriptions = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            subscriptions.add(read(context, m, in + i * SUBSCRIPTION_SIZE));
        }
        long start = System.nanoTime();
        List<Subscription> ready = readyNow(subscriptions);
        if (ready.isEmpty()) {
            long delay = Long.MAX_VALUE;
            boolean waitsForStdin = false;
            for (Subscription s : subscriptions) {
                if (s.type == EVENTTYPE_CLOCK) {
                    delay = Math.min(delay, s.delayNanos);
                } else {
                    waitsForStdin = true;
                }
            }
            if (delay == Long.MAX_VALUE) {
                ready = fdSubscriptions(subscriptions); // only stdin: let the read block
            } else {
                ready = sleep(subscriptions, start, delay, waitsForStdin);
            }
        }
        for (int i = 0; i < ready.size(); i++) {
            write(m, out + (long) i * EVENT_SIZE, ready.get(i));
        }
        m.writeI32(countAt, ready.size());
        return Errno.SUCCESS;
    }

    private static Subscription read(WasiContext context, GuestMemory m, long at) throws ErrnoException {
        long userdata = m.readI64(at);
        int type = m.readU8(at + 8);
        switch (type) {
            case EVENTTYPE_CLOCK -> {
                int clock = m.readI32(at + 16);
                long timeout = m.readI64(at + 24);
                int flags = m.readU16(at + 40);
                PathOperations.requireKnownFlags(flags, SUBCLOCKFLAGS_ABSTIME);
                if (clock != WasiAbi.CLOCK_REALTIME && clock != WasiAbi.CLOCK_MONOTONIC) {
                    throw new ErrnoException(Errno.INVAL); // the standard Wasmtime waits on these two only
                }
                long delay;
                if ((flags & SUBCLOCKFLAGS_ABSTIME) == 0) {
                    delay = timeout < 0 ? FOREVER : timeout; // unsigned: past 2^63 ns is forever
                } else {
                    delay = Math.max(0, timeout - Preview1.now(context.clock, clock));
                }
                return new Subscription(userdata, type, delay, null);
            }
            case EVENTTYPE_FD_READ -> {
                Descriptor d = context.fds.get(m.readI32(at + 16));
                if (!(d instanceof InputDescriptor) && !(d instanceof FileDescriptor)) {
                    throw new ErrnoException(Errno.BADF);
                }
                return new Subscription(userdata, type, 0, d);
            }
            case EVENTTYPE_FD_WRITE -> {
                Descriptor d = context.fds.get(m.readI32(at + 16));
                if (!(d instanceof OutputDescriptor) && !(d instanceof FileDescriptor)) {
                    throw new ErrnoException(Errno.BADF);
                }
                return new Subscription(userdata, type, 0, d);
            }
            default -> throw new ErrnoException(Errno.INVAL);
        }
    }

    /** The descriptor subscriptions that are ready without waiting, and clocks already due. */
    private static List<Subscription> readyNow(List<Subscription> subscriptions) throws IOException {
        List<Subscription> ready = new ArrayList<>();
        for (Subscription s : subscriptions) {
            if (s.type == EVENTTYPE_CLOCK ? s.delayNanos == 0 : isReady(s.descriptor)) {
                ready.add(s);
            }
        }
        return ready;
    }

    private static boolean isReady(Descriptor d) throws IOException {
        return !(d instanceof InputDescriptor in) || in.in().available() > 0;
    }

    private static List<Subscription> fdSubscriptions(List<Subscription> subscriptions) {
        return subscriptions.stream().filter(s -> s.type != EVENTTYPE_CLOCK).toList();
    }

    /** Sleeps until the first clock is due (or stdin has bytes), then returns what is ready. */
    private static List<Subscription> sleep(List<Subscription> subscriptions, long start, long delay, boolean watchStdin)
            throws IOException, ErrnoException {
        while (true) {
            long elapsed = System.nanoTime() - start;
            if (elapsed >= delay) {
                break;
            }
            long step = watchStdin ? Math.min(STDIN_CHECK_NANOS, delay - elapsed) : delay - elapsed;
            try {
                Thread.sleep(step / 1_000_000, (int) (step % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ErrnoException(Errno.INTR);
            }
            if (watchStdin && !readyNow(fdSubscriptions(subscriptions)).isEmpty()) {
                return readyNow(fdSubscriptions(subscriptions));
            }
        }
        long elapsed = System.nanoTime() - start;
        List<Subscription> ready = new ArrayList<>();
        for (Subscription s : subscriptions) {
            if (s.type == EVENTTYPE_CLOCK && s.delayNanos <= elapsed) {
                ready.add(s);
            }
        }
        return ready;
    }

    private static void write(GuestMemory m, long at, Subscription s) throws IOException {
        m.write(at, new byte[EVENT_SIZE], 0, EVENT_SIZE);
        m.writeI64(at, s.userdata);
        m.writeU8(at + 10, s.type);
        if (s.type != EVENTTYPE_CLOCK) {
            m.writeI64(at + 16, 1); // bytes available: at least one, as the standard Wasmtime reports
            if (s.type == EVENTTYPE_FD_READ && s.descriptor instanceof FileDescriptor f && f.position >= f.channel.size()) {
                m.writeU16(at + 24, EVENTRWFLAGS_HANGUP);
            }
        }
    }
}
