package dev.nostdwasm.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** The compute workloads: one call into wasm that runs for milliseconds. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class ComputeBench {

    @Param({"ffm:native", "ffm:native-signals", "ffm:pulley", "jni:native", "jni:native-signals", "jni:pulley",
            "chicory:interpreter", "chicory:compiler"})
    public String subject;

    private Subject s;

    @Setup
    public void setup() {
        s = Subjects.open(subject);
        s.sha256Fill(Workloads.SHA_SEED);
    }

    @TearDown
    public void tearDown() {
        s.close();
    }

    @Benchmark
    public int sha256() {
        return s.sha256();
    }

    @Benchmark
    public double matmul() {
        return s.matmul();
    }

    @Benchmark
    public int sieve() {
        return s.sieve(Workloads.SIEVE_N);
    }

    @Benchmark
    public int fib() {
        return s.fib(Workloads.FIB_N);
    }

    @Benchmark
    public int sort() {
        return s.sort(Workloads.SORT_N, Workloads.SORT_SEED);
    }
}
