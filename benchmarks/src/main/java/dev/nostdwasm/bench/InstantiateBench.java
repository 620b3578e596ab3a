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

/**
 * Instantiation of a module already loaded: a fresh store (Chicory: a fresh instance), the
 * instance, and closing both. {@code data1m} has a 1 MiB data segment.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class InstantiateBench {

    @Param({"ffm:native", "ffm:native-signals", "ffm:pulley", "jni:native", "jni:native-signals", "jni:pulley",
            "chicory:interpreter", "chicory:compiler"})
    public String subject;

    private Subject s;

    @Setup
    public void setup() {
        s = Subjects.open(subject);
    }

    @TearDown
    public void tearDown() {
        s.close();
    }

    @Benchmark
    public void small() {
        s.instantiateSmall();
    }

    @Benchmark
    public void data1m() {
        s.instantiateData1m();
    }
}
