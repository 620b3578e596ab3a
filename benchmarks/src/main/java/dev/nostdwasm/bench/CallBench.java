package dev.nostdwasm.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Call overhead: Java -> wasm with (i32, i32) -> i32 and four i64s, and the wasm -> Java host
 * call round trip (one invocation makes {@link Workloads#HOST_CALLS} of them, so the score is
 * per host call). {@code ffm-bare} is the same through FFM to empty C functions.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class CallBench {

    @Param({"ffm:native", "ffm:native-signals", "ffm:pulley", "jni:native", "jni:native-signals", "jni:pulley",
            "chicory:interpreter", "chicory:compiler", "ffm-bare"})
    public String subject;

    private Subject s;
    // Changing inputs, so that nothing is folded into a constant.
    private int x;
    private long y;

    @Setup
    public void setup() {
        s = Subjects.open(subject);
    }

    @TearDown
    public void tearDown() {
        s.close();
    }

    @Benchmark
    public int i32x2() {
        return x = s.add(x, 1);
    }

    @Benchmark
    public long i64x4() {
        return y = s.sum4(y, 1L, 2L, -3L);
    }

    @Benchmark
    @OperationsPerInvocation(Workloads.HOST_CALLS)
    public int host() {
        return x = s.hostLoop(Workloads.HOST_CALLS, x);
    }
}
