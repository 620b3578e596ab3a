package dev.nostdwasm.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nostdwasm.api.Caller;
import dev.nostdwasm.api.Engine;
import dev.nostdwasm.api.Linker;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.Store;
import dev.nostdwasm.api.WasmModule;
import java.lang.management.ManagementFactory;
import java.util.function.IntSupplier;
import javax.management.JMException;
import javax.management.ObjectName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a cheap WASI call allocates on the Java heap, counted with the thread's allocation counter
 * (not a timing): {@code clock_time_get} of the monotonic clock and a 16-byte {@code fd_write} to
 * a discarding stdout, called from wasm through the typed host-function path.
 *
 * <p>The WASI code itself allocates nothing per call (no argument array, no memory wrapper, no
 * transfer buffer once warm): each call allocates no more than a minimal host function of the
 * same type that does what every WASI call must, find its store's data and the caller's "memory"
 * export and write a result there. What both allocate is the runtime's, per call with a {@code
 * Caller}: the {@code Caller} object and the lookup of the export by name.
 */
class WasiCallAllocationTest {
    private static final long OUT = 8192;
    private static final long IOV = 2048;
    private static final long BUF = 4096;
    private static final int WARM_UP = 30_000;
    private static final int CALLS = 50_000;
    private static final int ROUNDS = 3;

    /** The exports of {@code wasi_calls.wat} this test calls, typed. */
    public interface ClockTimeGet {
        int call(int id, long precision, int resultAt);
    }

    /** A host function of {@code clock_time_get}'s type. */
    public interface ClockTimeGetHost {
        int call(Caller caller, int id, long precision, int resultAt);
    }

    /** {@code fd_write}, typed. */
    public interface FdWrite {
        int call(int fd, int iovs, int iovsLength, int resultAt);
    }

    @ParameterizedTest
    @MethodSource("dev.nostdwasm.wasi.TestRuntimes#providersAndProfiles")
    void cheapCallsAllocateOnlyWhatTheRuntimeNeedsPerCall(String provider, Profile profile) throws JMException {
        try (GuestHarness g = new GuestHarness(provider, profile, WasiConfig.builder().build())) {
            ClockTimeGet clock = g.instance().func("clock_time_get").typed(ClockTimeGet.class);
            FdWrite write = g.instance().func("fd_write").typed(FdWrite.class);
            g.putIovec(IOV, BUF, 16);

            long clockBytes = bytesPerCall(() -> clock.call(WasiAbi.CLOCK_MONOTONIC, 1, (int) OUT));
            long writeBytes = bytesPerCall(() -> write.call(1, (int) IOV, 1, (int) OUT));

            assertEquals(16, g.i32(OUT), "fd_write wrote its 16 bytes");
            long runtimeBytes = minimalHostFunctionBytesPerCall(provider, profile);
            assertTrue(clockBytes <= runtimeBytes, provider + ": clock_time_get allocated " + clockBytes
                    + " bytes a call, a minimal host function " + runtimeBytes);
            assertTrue(writeBytes <= runtimeBytes, provider + ": fd_write allocated " + writeBytes
                    + " bytes a call, a minimal host function " + runtimeBytes);
        }
    }

    /** What a call of a minimal host function in place of {@code clock_time_get} allocates. */
    private static long minimalHostFunctionBytesPerCall(String provider, Profile profile) throws JMException {
        try (Engine engine = TestRuntimes.engine(provider, profile);
                WasmModule module = engine.load(TestRuntimes.artifact("wasi_clock_only", profile));
                Store store = engine.newStore(Wasi.create(WasiConfig.builder().build()));
                Linker linker = engine.newLinker()) {
            linker.define(HostImports.MODULE, "clock_time_get", ClockTimeGetHost.class, (caller, id, precision, at) -> {
                if (!(caller.data() instanceof Wasi)) {
                    return Errno.INVAL;
                }
                caller.memory("memory").writeLong(Integer.toUnsignedLong(at), System.nanoTime());
                return Errno.SUCCESS;
            });
            ClockTimeGet clock = linker.instantiate(store, module).func("clock_time_get").typed(ClockTimeGet.class);
            return bytesPerCall(() -> clock.call(WasiAbi.CLOCK_MONOTONIC, 1, (int) OUT));
        }
    }

    /** The fewest bytes a call of {@code call} (which must answer errno 0) allocated, over a few rounds. */
    private static long bytesPerCall(IntSupplier call) throws JMException {
        for (int i = 0; i < WARM_UP; i++) {
            assertEquals(0, call.getAsInt());
        }
        long fewest = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            long before = allocatedBytes();
            int errors = 0;
            for (int i = 0; i < CALLS; i++) {
                errors |= call.getAsInt();
            }
            fewest = Math.min(fewest, (allocatedBytes() - before) / CALLS);
            assertEquals(0, errors);
        }
        return fewest;
    }

    /**
     * The bytes this thread has allocated, through the platform MBean server (the module does not
     * read jdk.management, whose ThreadMXBean has the method).
     */
    private static long allocatedBytes() throws JMException {
        return (Long) ManagementFactory.getPlatformMBeanServer()
                .getAttribute(new ObjectName("java.lang:type=Threading"), "CurrentThreadAllocatedBytes");
    }
}
