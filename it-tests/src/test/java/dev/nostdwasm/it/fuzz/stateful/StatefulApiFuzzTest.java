package dev.nostdwasm.it.fuzz.stateful;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nostdwasm.it.support.Artifacts;
import dev.nostdwasm.it.support.ForkedJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the stateful API fuzzer ({@link StatefulApiFuzz}) in a forked JVM per provider and writes
 * {@code target/fuzz/api-summary.tsv}: the header {@value StatefulApiFuzz#HEADER} and one row per
 * provider. A JVM crash of the fork adds one crash to the operations it had counted at its last
 * phase end; a hang its watchdog caught, or the fork outliving {@link #BACKSTOP}, one deadlock.
 * {@code noCrashNoDeadlock} fails when a row has crashes or deadlocks, {@code noLeak} when it has leaks;
 * each message holds the failure reports (each with the seed, thread, step, the thread's recent
 * operations and the {@code -D} switches that replay it). Each fork's files are in {@code
 * target/fuzz/api/<provider>/}. {@code anInjectedLeakIsReported} shows that the leak checks can
 * fail: a short run that leaks on purpose ({@link FuzzOptions#injectLeakMiB}) must count leaks.
 *
 * <p>Switches: the {@code nostdwasm.fuzz.*} properties of {@link FuzzOptions} (given to Maven with
 * {@code -D}, handed on to the forks), and {@code -Dnostdwasm.fuzz.providers=ffm}.
 */
class StatefulApiFuzzTest {
    /** Only against a fork whose watchdog cannot act (the JVM itself stuck); the watchdog's limit is far lower. */
    static final Duration BACKSTOP = Duration.ofMinutes(30);

    /** Set once the forks ran: crash and deadlock reports, and leak reports, per provider. */
    private static final List<String> CRASHES_AND_DEADLOCKS = new ArrayList<>();
    private static final List<String> LEAKS = new ArrayList<>();

    @BeforeAll
    static void runTheForks() throws Exception {
        assumeTrue(Runtime.version().feature() >= 22, () -> "StatefulApiFuzzTest forks this JVM's Java for both"
                + " providers, and the ffm provider needs Java 22 or newer; this JVM is " + Runtime.version());
        FuzzOptions options = FuzzOptions.fromSystemProperties();
        Path fuzzDir = Artifacts.dir().toAbsolutePath().normalize().getParent().resolve("fuzz");
        List<String> rows = new ArrayList<>();
        for (String provider : System.getProperty(FuzzOptions.PREFIX + "providers", "ffm,jni").split(",")) {
            Path out = fuzzDir.resolve("api").resolve(provider.strip());
            Files.createDirectories(out);
            Files.deleteIfExists(out.resolve("result.tsv"));
            Files.deleteIfExists(out.resolve("failures.txt"));
            Map<String, String> properties = new TreeMap<>();
            FuzzOptions.passedOn().forEach(p -> properties.put(p.getKey(), p.getValue()));
            String row = fork(provider.strip(), out, properties, options.expectedOperations(),
                    "replay: ./mvnw -B -ntp -pl it-tests verify " + options.replay(provider.strip(), -1),
                    CRASHES_AND_DEADLOCKS);
            rows.add(row);
            String[] cells = row.split("\t");
            Path failures = out.resolve("failures.txt");
            String report = provider + ": " + row.replace('\t', ' ') + " (" + StatefulApiFuzz.HEADER.replace('\t', ' ')
                    + ")\n" + (Files.isRegularFile(failures) ? head(Files.readString(failures), 150) : "");
            if (!cells[3].equals("0") || !cells[4].equals("0")) {
                CRASHES_AND_DEADLOCKS.add(report);
            } else if (!cells[5].equals("0")) {
                LEAKS.add(report);
            }
        }
        Files.writeString(fuzzDir.resolve("api-summary.tsv"), StatefulApiFuzz.HEADER + "\n" + String.join("\n", rows)
                + "\n");
        System.out.println("fuzz: " + fuzzDir.resolve("api-summary.tsv") + ":\n" + StatefulApiFuzz.HEADER + "\n"
                + String.join("\n", rows));
    }

    @Test
    void noCrashNoDeadlock() {
        assertTrue(CRASHES_AND_DEADLOCKS.isEmpty(), () -> String.join("\n\n", CRASHES_AND_DEADLOCKS));
    }

    /** What the process holds must come back when everything closes (see {@link ResidentMemory}). */
    @Test
    void noLeak() {
        assertTrue(LEAKS.isEmpty(), () -> String.join("\n\n", LEAKS));
    }

    /**
     * The leak checks can fail: a short run in which every thread leaves a store with 32 MiB of
     * written memory open at every phase end, far above the phase allowance after a few phases,
     * counts leaks, and the phase-end check is among the reports.
     */
    @Test
    void anInjectedLeakIsReported() throws Exception {
        Path out = Artifacts.dir().toAbsolutePath().normalize().getParent().resolve("fuzz").resolve("api-injected-leak");
        Files.createDirectories(out);
        Files.deleteIfExists(out.resolve("result.tsv"));
        Map<String, String> properties = new TreeMap<>();
        properties.put(FuzzOptions.PREFIX + "threads", "2");
        properties.put(FuzzOptions.PREFIX + "operations", "4000");
        properties.put(FuzzOptions.PREFIX + "phase", "250");
        properties.put(FuzzOptions.PREFIX + "injectLeakMiB", "32");
        List<String> problems = new ArrayList<>();
        String[] cells = fork("ffm", out, properties, 4000, "", problems).split("\t");
        assertTrue(problems.isEmpty(), () -> String.join("\n\n", problems));
        String failures = Files.readString(out.resolve("failures.txt"));
        assertTrue(Long.parseLong(cells[5]) > 0 && failures.contains("resident size after phase"),
                () -> "a run leaking 64 MiB per phase counted " + cells[5] + " leaks; its reports:\n" + head(failures, 60));
    }

    /**
     * Runs one provider's fork of the fuzzer with the fuzzer options {@code properties}; returns
     * its row of the summary, adding to {@code problems} when the fork crashed, hung or ran
     * another number of operations than {@code expectedOperations} (a crash's report ends with
     * {@code replay}).
     */
    private static String fork(String provider, Path out, Map<String, String> properties, long expectedOperations,
            String replay, List<String> problems) throws IOException, InterruptedException {
        Path artifacts = Artifacts.dir().toAbsolutePath().normalize();
        ForkedJvm jvm = ForkedJvm.current();
        if (provider.equals("jni")) {
            jvm.option("-Xcheck:jni");
        }
        // A heap that is resident from the start, so that the resident size measures native memory.
        jvm.option("-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch", "-XX:-OmitStackTraceInFastThrow")
                .property(Artifacts.DIR_PROPERTY, artifacts.toString())
                .outputTo(out.resolve("output.log"));
        properties.forEach(jvm::property);
        ForkedJvm.Result result = jvm.run(StatefulApiFuzz.class, List.of(provider, out.toString()), BACKSTOP);
        System.out.println("[stateful fuzz " + provider + ", " + result.elapsed().toSeconds() + " s]\n"
                + tail(result.output(), 20));
        Path resultFile = out.resolve("result.tsv");
        String[] cells = Files.isRegularFile(resultFile)
                ? Files.readAllLines(resultFile).get(1).split("\t")
                : new String[] {provider, "0", "0", "0", "0", "0"};
        if (result.exitedWith(0) || result.exitedWith(StatefulApiFuzz.HANG_STATUS)) {
            if (result.exitedWith(0) && Long.parseLong(cells[1]) != expectedOperations) {
                problems.add(provider + ": the fork ran " + cells[1] + " operations, not " + expectedOperations);
            }
            return String.join("\t", cells);
        }
        if (result.timedOutAfter() != null) {
            cells[4] = Long.toString(Long.parseLong(cells[4]) + 1);
        } else {
            cells[3] = Long.toString(Long.parseLong(cells[3]) + 1);
        }
        String trail = Files.isRegularFile(out.resolve("trail.txt")) ? Files.readString(out.resolve("trail.txt")) : "";
        problems.add(provider + ": " + result.report() + "\n--- what every fuzz thread was doing (oldest first per"
                + " thread, ring order) ---\n" + trail.lines().filter(l -> !l.isBlank()).reduce("", (a, b) -> a + b + "\n")
                + replay);
        return String.join("\t", cells);
    }

    private static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static String head(String text, int lines) {
        return String.join("\n", text.lines().limit(lines).toList());
    }
}
