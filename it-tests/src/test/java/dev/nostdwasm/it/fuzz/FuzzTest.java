package dev.nostdwasm.it.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.nostdwasm.api.Architecture;
import dev.nostdwasm.it.support.Artifacts;
import dev.nostdwasm.it.support.CrashReports;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link FuzzMain} in a forked JVM (this JVM's {@code java}, with the test class path) once per
 * provider, {@code ffm} and then {@code jni} (the latter with {@code -Xcheck:jni}), each with
 * {@code -Dfuzz.count} inputs (default {@value #DEFAULT_COUNT}) from seed {@code -Dfuzz.seed}
 * (default {@value #DEFAULT_SEED}). A JVM crash is caught here: the test fails naming the seed,
 * the input the child was at ({@code current.txt}), the tail of its output and its hs_err report.
 *
 * <p>Each fork writes its reports to {@code target/fuzz/<provider>/}; this test then writes the
 * run's {@code target/fuzz/summary.tsv}: the header {@code inputs typed_errors successes crashes}
 * and ONE row, the sum of both forks (a crashed fork adds one crash), and {@code
 * target/fuzz/failures.txt}, both forks' untyped inputs. It passes when {@code crashes} is 0,
 * {@code typed_errors + successes == inputs} and there were at least 10,000 inputs.
 *
 * <p>Reproduce a run with {@code -Dfuzz.seed=<seed>}, or one input in a shell with {@code java
 * --enable-native-access=ALL-UNNAMED -XX:-OmitStackTraceInFastThrow -Dnsw.it.artifacts=target/artifacts -Dfuzz.only=<part>:<index>
 * -cp <test class path> dev.nostdwasm.it.fuzz.FuzzMain <provider> <seed> <count> /tmp/out}.
 */
class FuzzTest {

    static final long DEFAULT_SEED = 0x5EED_2025L;
    static final int DEFAULT_COUNT = 10_000;
    static final int MIN_INPUTS = 10_000;
    /** Only against hangs: a fork normally takes well under a minute. */
    static final long TIMEOUT_MINUTES = 15;
    static final List<String> PROVIDERS = List.of("ffm", "jni");

    @Test
    void everyInputEndsInATypedExceptionOrSuccess() throws Exception {
        long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        int count = Integer.getInteger("fuzz.count", DEFAULT_COUNT);
        Path artifacts = Artifacts.dir().toAbsolutePath().normalize();
        Path target = artifacts.getParent(); // it-tests/target
        Path moduleDir = target.getParent(); // it-tests
        Path fuzzDir = target.resolve("fuzz");
        Files.createDirectories(fuzzDir);
        Path precompiler = moduleDir.getParent().resolve(Paths.get("rust-nostd", "target", "native",
                "linux-" + Architecture.current().id(), "nsw-precompile"));
        Path wat = moduleDir.resolve(Paths.get("src", "test", "wat"));

        long[] total = new long[4];
        List<String> failures = new ArrayList<>();
        List<String> crashes = new ArrayList<>();
        for (String provider : PROVIDERS) {
            if (provider.equals("ffm") && Runtime.version().feature() < 22) {
                continue; // the ffm provider needs Java 22+
            }
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

    /** Runs one fork; returns null when it exited normally (0, or 1 with untyped inputs), else why it crashed. */
    private static String fork(String provider, long seed, int count, Path out, Path artifacts, Path precompiler,
            Path wat) throws Exception {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        Path errorDir = Files.createTempDirectory("nsw-fuzz-");
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        if (provider.equals("jni")) {
            command.add("-Xcheck:jni");
        }
        command.add("-Xmx1g");
        // every exception keeps its stack trace and message (classifying a NullPointerException needs them)
        command.add("-XX:-OmitStackTraceInFastThrow");
        command.add("-XX:ErrorFile=" + errorDir.resolve("hs_err_pid%p.log"));
        command.add("-D" + Artifacts.DIR_PROPERTY + "=" + artifacts);
        if (Files.isExecutable(precompiler)) {
            command.add("-Dfuzz.precompiler=" + precompiler);
            command.add("-Dfuzz.wat=" + wat);
        } else {
            System.out.println("fuzz: no " + precompiler + ": the precompiler part is skipped");
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(FuzzMain.class.getName());
        command.add(provider);
        command.add(Long.toString(seed));
        command.add(Integer.toString(count));
        command.add(out.toString());

        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("_JAVA_OPTIONS");
        Path log = out.resolve("output.log");
        builder.redirectOutput(log.toFile());
        long started = System.nanoTime();
        Process process = builder.start();
        boolean exited = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!exited) {
            process.destroyForcibly().waitFor();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        String output = Files.readString(log, StandardCharsets.ISO_8859_1);
        String reports = CrashReports.collect(errorDir);
        System.out.println("[fuzz " + provider + ", " + millis + " ms]\n" + tail(output, 40));
        String current = readCurrent(out);
        String how = String.join(" ", command);
        if (!exited) {
            return "the " + provider + " fork (seed " + seed + ") did not finish in " + TIMEOUT_MINUTES
                    + " minutes (hang?) at input: " + current + "\n" + how + "\n--- output tail ---\n" + tail(output, 60);
        }
        int exit = process.exitValue();
        if ((exit != 0 && exit != 1) || !reports.isEmpty() || output.contains("A fatal error has been detected")) {
            return "the " + provider + " fork (seed " + seed + ") crashed with exit " + exit
                    + (exit > 128 ? " (signal " + (exit - 128) + ")" : "") + " at input: " + current + "\n" + how
                    + "\n--- output tail ---\n" + tail(output, 60) + "\n--- hs_err (head) ---\n" + head(reports, 120);
        }
        if (!Files.isRegularFile(out.resolve("summary.tsv"))) {
            return "the " + provider + " fork (seed " + seed + ") exited with " + exit + " without a summary:\n"
                    + tail(output, 60);
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

    private static String head(String text, int lines) {
        return text.lines().limit(lines).collect(Collectors.joining("\n"));
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
        assertTrue(!Files.exists(dir) || new File(dir.toString()).list().length == 0);
    }
}
