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

/** A 4 KiB read of linear memory into a Java array. {@code ffm-bare} copies from a native buffer. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class MemoryBench {

    @Param({"ffm:native", "ffm:native-signals", "ffm:pulley", "jni:native", "jni:native-signals", "jni:pulley",
            "chicory:interpreter", "chicory:compiler", "ffm-bare"})
    public String subject;

    private Subject s;
    private int page;
    private final byte[] buffer = new byte[Workloads.PAGE_BYTES];

    @Setup
    public void setup() {
        s = Subjects.open(subject);
        page = s.pageFill(Workloads.PAGE_SEED);
    }

    @TearDown
    public void tearDown() {
        s.close();
    }

    @Benchmark
    public byte[] read4k() {
        s.read(page, buffer);
        return buffer;
    }
}
