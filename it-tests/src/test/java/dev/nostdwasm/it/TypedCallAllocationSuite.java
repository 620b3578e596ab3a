package dev.nostdwasm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.nostdwasm.api.Func;
import dev.nostdwasm.api.Instance;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.it.support.ProfileTest;
import dev.nostdwasm.it.support.ProviderSuite;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.function.IntBinaryOperator;
import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * The typed paths allocate nothing per call: after warming up, {@value #CALLS} calls together
 * allocate less than {@value #MEASURING} bytes, a fixed allowance for the measuring itself, not
 * per call (the thread's allocation counter, not a timing). The JIT may still be installing code
 * during a round, so a test gets {@value #ROUNDS} rounds; allocating per call fails every one. Typed exports ({@code callI32},
 * {@code Func.typed}, {@code Instance.bind}) and typed host functions called from wasm, also one
 * that takes a {@code Caller} and reads the caller's memory through it.
 */
abstract class TypedCallAllocationSuite extends ProviderSuite {

    private static final int WARM_UP = 50_000;
    private static final int CALLS = 100_000;
    private static final long MEASURING = 1024;
    private static final int ROUNDS = 3;

    /** typed_exports.wat's numeric exports, for bind. */
    public interface Exports {
        long add64(long a, long b);

        float half(float x);

        double hypot(double a, double b);

        void remember(int value);
    }

    @ProfileTest
    void callI32AllocatesNothingPerCall(Profile profile) {
        Func add = session(profile).instantiate("add").func("add");
        assertAllocatesNothing("callI32(int, int)", i -> add.callI32(i, 1));
    }

    @ProfileTest
    void typedExportAllocatesNothingPerCall(Profile profile) {
        IntBinaryOperator add = session(profile).instantiate("add").func("add").typed(IntBinaryOperator.class);
        assertAllocatesNothing("Func.typed(IntBinaryOperator.class)", i -> add.applyAsInt(i, 1));
    }

    @ProfileTest
    void boundExportsAllocateNothingPerCall(Profile profile) {
        Exports exports = session(profile).instantiate("typed_exports").bind(Exports.class);
        assertAllocatesNothing("Instance.bind", i -> {
            exports.remember(i);
            return (int) (exports.add64(i, 1) + exports.half(2f * i) + exports.hypot(i, 0) - 2L * i);
        });
    }

    @ProfileTest
    void typedHostFunctionsAllocateNothingPerCall(Profile profile) {
        var s = session(profile);
        s.linker.define("env", "mul", IntBinaryOperator.class, (a, b) -> a * b)
                .define("env", "scale", TypedHostFunctionsSuite.Scale.class, (factor, value) -> factor * value)
                .define("env", "wide", LongUnaryOperator.class, v -> v + 1)
                .define("env", "note", IntConsumer.class, v -> { })
                .define("env", "peek", TypedHostFunctionsSuite.Peek.class, (caller, address) -> address);
        Instance instance = s.instantiate("typed_host");
        IntBinaryOperator mul = instance.func("mul").typed(IntBinaryOperator.class);
        LongUnaryOperator wide = instance.func("wide").typed(LongUnaryOperator.class);
        assertAllocatesNothing("typed host functions", i -> mul.applyAsInt(i, 1) + (int) wide.applyAsLong(1) - 1);
    }

    @ProfileTest
    void typedHostFunctionTakingACallerAllocatesNothingPerCall(Profile profile) {
        var s = session(profile);
        s.linker.define("env", "mul", IntBinaryOperator.class, (a, b) -> a * b)
                .define("env", "scale", TypedHostFunctionsSuite.Scale.class, (factor, value) -> factor * value)
                .define("env", "wide", LongUnaryOperator.class, v -> v + 1)
                .define("env", "note", IntConsumer.class, v -> { })
                .define("env", "peek", TypedHostFunctionsSuite.Peek.class,
                        (caller, address) -> caller.memory("memory").readByte(address));
        IntUnaryOperator peek = s.instantiate("typed_host").func("peek").typed(IntUnaryOperator.class);
        // typed_host.wat's data segment puts 42 at 16.
        assertAllocatesNothing("a typed host function reading memory through its Caller",
                i -> peek.applyAsInt(16) - 42 + i + 1);
    }

    /**
     * Runs {@code call} (which must return {@code i + 1}) {@value #WARM_UP} times, then
     * {@value #CALLS} times counting the bytes this thread allocates.
     */
    private void assertAllocatesNothing(String what, IntUnaryOperator call) {
        var threads = ManagementFactory.getThreadMXBean();
        assertTrue(threads instanceof com.sun.management.ThreadMXBean t && t.isThreadAllocatedMemorySupported(),
                "this JVM does not count allocated bytes per thread, which this test measures (HotSpot does)");
        var counter = (com.sun.management.ThreadMXBean) threads;
        long sum = 0;
        for (int i = 0; i < WARM_UP; i++) {
            sum += call.applyAsInt(i);
        }
        assertEquals(expectedSum(WARM_UP), sum, what + " computed something else");
        long thread = Thread.currentThread().getId();
        long[] allocated = new long[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            sum = 0;
            long before = counter.getThreadAllocatedBytes(thread);
            for (int i = 0; i < CALLS; i++) {
                sum += call.applyAsInt(i);
            }
            allocated[round] = counter.getThreadAllocatedBytes(thread) - before;
            assertEquals(expectedSum(CALLS), sum, what + " computed something else");
            if (allocated[round] < MEASURING) {
                return;
            }
        }
        fail(provider() + " allocated " + Arrays.toString(allocated) + " bytes in rounds of " + CALLS + " calls of "
                + what + ": the typed paths must not allocate per call");
    }

    private static long expectedSum(int calls) {
        long sum = 0;
        for (int i = 0; i < calls; i++) {
            sum += i + 1;
        }
        return sum;
    }
}
