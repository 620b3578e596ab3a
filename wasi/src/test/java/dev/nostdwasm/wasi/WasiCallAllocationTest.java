package dev.nostdwasm.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.nostdwasm.api.Profile;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.function.IntSupplier;
import javax.management.JMException;
import javax.management.ObjectName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A cheap WASI call allocates nothing: {@code clock_time_get} of the monotonic clock and a 16-byte
 * {@code fd_write} to a discarding stdout, called from wasm, after warming up. Counted with the
 * thread's allocation counter (not a timing): {@value #CALLS} calls together allocate less than
 * {@value #MEASURING} bytes, a fixed allowance for the measuring itself. The JIT may still be
 * installing code during a round, so a call gets {@value #ROUNDS} rounds; allocating per call
 * (an argument array, a memory wrapper, a copy of the buffer) fails every one.
 */
class WasiCallAllocationTest {
    private static final long OUT = 8192;
    private static final long IOV = 2048;
    private static final long BUF = 4096;
    private static final int WARM_UP = 30_000;
    private static final int CALLS = 50_000;
    private static final long MEASURING = 1024;
    private static final int ROUNDS = 3;

    /** {@code clock_time_get} as {@code wasi_calls.wat} exports it, typed. */
    public interface ClockTimeGet {
        int call(int id, long precision, int resultAt);
    }

    /** {@code fd_write}, typed. */
    public interface FdWrite {
        int call(int fd, int iovs, int iovsLength, int resultAt);
    }

    @ParameterizedTest
    @MethodSource("dev.nostdwasm.wasi.TestRuntimes#providersAndProfiles")
    void cheapCallsAllocateNothing(String provider, Profile profile) throws JMException {
        try (GuestHarness g = new GuestHarness(provider, profile, WasiConfig.builder().build())) {
            ClockTimeGet clock = g.instance().func("clock_time_get").typed(ClockTimeGet.class);
            FdWrite write = g.instance().func("fd_write").typed(FdWrite.class);
            g.putIovec(IOV, BUF, 16);

            assertAllocatesNothing(provider + " clock_time_get", () -> clock.call(WasiAbi.CLOCK_MONOTONIC, 1, (int) OUT));
            assertAllocatesNothing(provider + " fd_write", () -> write.call(1, (int) IOV, 1, (int) OUT));
            assertEquals(16, g.i32(OUT), "fd_write wrote its 16 bytes");
        }
    }

    /** Runs {@code call} (which must answer errno 0) {@value #WARM_UP} times, then counts what {@value #CALLS} allocate. */
    private static void assertAllocatesNothing(String what, IntSupplier call) throws JMException {
        for (int i = 0; i < WARM_UP; i++) {
            assertEquals(0, call.getAsInt(), what);
        }
        long[] allocated = new long[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            long before = allocatedBytes();
            int errnos = 0;
            for (int i = 0; i < CALLS; i++) {
                errnos |= call.getAsInt();
            }
            allocated[round] = allocatedBytes() - before;
            assertEquals(0, errnos, what);
            if (allocated[round] < MEASURING) {
                return;
            }
        }
        fail(what + " allocated " + Arrays.toString(allocated) + " bytes in rounds of " + CALLS + " calls: a WASI call"
                + " must not allocate per call");
    }

    /**
     * The bytes this thread has allocated, through the platform MBean server (this module does not
     * read jdk.management, whose ThreadMXBean has the method).
     */
    private static long allocatedBytes() throws JMException {
        return (Long) ManagementFactory.getPlatformMBeanServer()
                .getAttribute(new ObjectName("java.lang:type=Threading"), "CurrentThreadAllocatedBytes");
    }
}
