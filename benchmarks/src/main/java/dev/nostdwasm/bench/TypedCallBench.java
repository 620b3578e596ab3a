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
 * {@link CallBench}'s measures through the typed paths of our providers: the exports called
 * through an {@code Instance.bind} interface, and the host round trip to a host function defined
 * from a lambda ({@code Linker.define} with {@code IntUnaryOperator}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class TypedCallBench {

    @Param({"ffm:native", "ffm:native-signals", "ffm:pulley", "jni:native", "jni:native-signals", "jni:pulley"})
    public String subject;

    private NswSubject s;
    private TypedExports exports;
    // Changing inputs, so that nothing is folded into a constant.
    private int x;
    private long y;

    @Setup
    public void setup() {
        s = (NswSubject) Subjects.open(subject);
        exports = s.typed();
    }

    @TearDown
    public void tearDown() {
        s.close();
    }

    @Benchmark
    public int i32x2() {
        return x = exports.add(x, 1);
    }

    @Benchmark
    public long i64x4() {
        return y = exports.sum4(y, 1L, 2L, -3L);
    }

    @Benchmark
    @OperationsPerInvocation(Workloads.HOST_CALLS)
    public int host() {
        return x = exports.hostLoop(Workloads.HOST_CALLS, x);
    }
}
