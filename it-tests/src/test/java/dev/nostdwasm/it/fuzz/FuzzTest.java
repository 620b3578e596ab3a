package dev.nostdwasm.it.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nostdwasm.api.Architecture;
import dev.nostdwasm.it.support.Artifacts;
import dev.nostdwasm.it.support.ForkedJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link FuzzMain} in a forked JVM (this JVM's {@code java}, with the test class path) once per
 * provider, {@code ffm} and then {@code jni} (the latter with {@code -Xcheck:jni}), each with
 * {@code -Dnostdwasm.fuzz.count} inputs (default {@value #DEFAULT_COUNT}) from seed {@code -Dnostdwasm.fuzz.seed}
 * (default {@value #DEFAULT_SEED}). A JVM crash is caught here: the test fails naming the seed,
 * the input the child was at ({@code current.txt}), the tail of its output and its hs_err report.
 *
 * <p>Each fork writes its reports to {@code target/fuzz/<provider>/}; this test then writes the
 * run's {@code target/fuzz/summary.tsv}: the header {@code inputs typed_errors successes crashes}
 * and ONE row, the sum of both forks (a crashed fork adds one crash), and {@code
 * target/fuzz/failures.txt}, both forks' untyped inputs. It passes when {@code crashes} is 0,
 * {@code typed_errors + successes == inputs} and there were at least 10,000 inputs.
 *
 * <p>Reproduce a run with {@code -Dnostdwasm.fuzz.seed=<seed>}, or one input in a shell with {@code java
 * --enable-native-access=ALL-UNNAMED -XX:-OmitStackTraceInFastThrow -Dnostdwasm.it.artifacts=target/artifacts -Dnostdwasm.fuzz.only=<part>:<index>
 * -cp <test class path> dev.nostdwasm.it.fuzz.FuzzMain <provider> <seed> <count> /tmp/out}.
 */
class FuzzTest {

    static final long DEFAULT_SEED = 0x5EED_2025L;
    static final int DEFAULT_COUNT = 10_000;
    static final int MIN_INPUTS = 10_000;
    /** Only against hangs: a fork normally takes well under a minute. */
    static final Duration TIMEOUT = Duration.ofMinutes(15);
    static final List<String> PROVIDERS = List.of("ffm", "jni");

    @Test
    void everyInputEndsInATypedExceptionOrSuccess() throws Exception {
        long seed = Long.getLong("nostdwasm.fuzz.seed", DEFAULT_SEED);
        int count = Integer.getInteger("nostdwasm.fuzz.count", DEFAULT_COUNT);
        Path artifacts = Artifacts.dir().toAbsolutePath().normalize();
        Path target = artifacts.getParent(); // it-tests/target
        Path moduleDir = target.getParent(); // it-tests
        Path fuzzDir = target.resolve("fuzz");
        Files.createDirectories(fuzzDir);
        Path precompiler = moduleDir.getParent().resolve(Paths.get("rust-nostd", "target", "native",
                "linux-" + Architecture.current().id(), "nsw-precompile"));
        assertTrue(Files.isExecutable(precompiler), () -> "the precompiler part needs " + precompiler
                + ", which the rust-nostd build makes (it-tests/README.md, Running)");
        Path wat = moduleDir.resolve(Paths.get("src", "test", "wat"));

        long[] total = new long[4];
        List<String> failures = new ArrayList<>();
        List<String> crashes = new ArrayList<>();
        // Runs in the default-test execution (Java 22+); -Dtest also reaches the Java 17 ones.
        assumeTrue(Runtime.version().feature() >= 22, () -> "FuzzTest forks this JVM's Java for both providers,"
                + " and the ffm provider needs Java 22 or newer; this JVM is " + Runtime.version());
        for (String provider : PROVIDERS) {
            Path out = fuzzDir.resolve(provider);
            deleteTree(out);
            Files.createDirectories(out);
            String crash = fork(provider, seed, count, out, artifacts, precompiler, wat);
            Path summary = out.resolve("summary.tsv");
            if (crash != null) {
                crashes.add(crash);
                total[3]++;
            }
            if (Files.isRegularFile(summary)) {
                String[] row = Files.readAllLines(summary).get(1).split("\t");
                for (int i = 0; i < 4; i++) {
                    total[i] += Long.parseLong(row[i]);
                }
            }
            Path f = out.resolve("failures.txt");
            if (Files.isRegularFile(f) && Files.size(f) > 0) {
                failures.add(Files.readString(f));
            }
        }
        Files.writeString(fuzzDir.resolve("summary.tsv"), "inputs\ttyped_errors\tsuccesses\tcrashes\n" + total[0] + "\t"
                + total[1] + "\t" + total[2] + "\t" + total[3] + "\n");
        Files.writeString(fuzzDir.resolve("failures.txt"), String.join("\n", failures) + String.join("\n", crashes));
        System.out.println("fuzz: seed " + seed + ": inputs " + total[0] + ", typed_errors " + total[1] + ", successes "
                + total[2] + ", crashes " + total[3] + " (" + fuzzDir.resolve("summary.tsv") + ")");

        if (!crashes.isEmpty()) {
            fail(String.join("\n\n", crashes));
        }
        assertEquals(0, total[3], () -> "untyped outcomes (seed " + seed + "), see " + fuzzDir.resolve("failures.txt")
                + ":\n" + String.join("\n", failures));
        assertEquals(total[0], total[1] + total[2], "typed_errors + successes == inputs");
        assertTrue(total[0] >= MIN_INPUTS, () -> "at least " + MIN_INPUTS + " inputs, not " + total[0]);
    }

    /** Runs one fork; returns null when it exited normally (0, or 1 with untyped inputs), else why it failed. */
    private static String fork(String provider, long seed, int count, Path out, Path artifacts, Path precompiler,
            Path wat) throws Exception {
        ForkedJvm jvm = ForkedJvm.current();
        if (provider.equals("jni")) {
            jvm.option("-Xcheck:jni");
        }
        // every exception keeps its stack trace and message (classifying a NullPointerException needs them)
        jvm.option("-Xmx1g", "-XX:-OmitStackTraceInFastThrow")
                .property(Artifacts.DIR_PROPERTY, artifacts.toString())
                .property("nostdwasm.fuzz.precompiler", precompiler.toString())
                .property("nostdwasm.fuzz.wat", wat.toString())
                .outputTo(out.resolve("output.log"));
        ForkedJvm.Result result = jvm.run(FuzzMain.class,
                List.of(provider, Long.toString(seed), Integer.toString(count), out.toString()), TIMEOUT);
        System.out.println("[fuzz " + provider + ", " + result.elapsed().toMillis() + " ms]\n"
                + tail(result.output(), 40));
        if (!result.exitedWith(0) && !result.exitedWith(1)) {
            return "the " + provider + " fork (seed " + seed + ") failed at input " + readCurrent(out) + ": "
                    + result.report();
        }
        if (!Files.isRegularFile(out.resolve("summary.tsv"))) {
            return "the " + provider + " fork (seed " + seed + ") exited with " + result.exitCode()
                    + " without a summary: " + result.report();
        }
        return null;
    }

    private static String readCurrent(Path out) {
        try {
            return Files.readString(out.resolve("current.txt"), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "(unknown: " + e + ")";
        }
    }

    private static String tail(String text, int lines) {
        List<String> all = text.lines().collect(Collectors.toList());
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        }
    }
}
