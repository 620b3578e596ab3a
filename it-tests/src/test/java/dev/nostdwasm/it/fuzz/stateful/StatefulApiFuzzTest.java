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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the stateful API fuzzer ({@link StatefulApiFuzz}) in a forked JVM per provider and writes
 * {@code target/fuzz/api-summary.tsv}: the header {@value StatefulApiFuzz#HEADER} and one row per
 * provider. A JVM crash of the fork adds one crash to the operations it had counted at its last
 * phase end; a hang its watchdog caught, or the fork outliving {@link #BACKSTOP}, one deadlock.
 * {@code noCrashNoDeadlock} fails when a row has crashes or deadlocks, {@code noLeak} when it has leaks
 * (skipped with its reports while that bug is open: see {@link #noLeak}); each message holds the failure reports
 * (each with the seed, thread, step, the thread's recent operations and the {@code -D} switches that
 * replay it). Each fork's files are in {@code target/fuzz/api/<provider>/}.
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
        Path artifacts = Artifacts.dir().toAbsolutePath().normalize();
        Path fuzzDir = artifacts.getParent().resolve("fuzz");
        List<String> rows = new ArrayList<>();
        for (String provider : System.getProperty(FuzzOptions.PREFIX + "providers", "ffm,jni").split(",")) {
            Path out = fuzzDir.resolve("api").resolve(provider.strip());
            Files.createDirectories(out);
            Files.deleteIfExists(out.resolve("result.tsv"));
            Files.deleteIfExists(out.resolve("failures.txt"));
            String row = fork(provider.strip(), out, artifacts, options, CRASHES_AND_DEADLOCKS);
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

    /**
     * Resident memory must come back when everything closes. It does not yet (an open bug, listed
     * in docs/SECURITY.md): unless {@value #ENFORCE_LEAKS} is true, leaks make this test skipped
     * with the reports as its reason, so the summary line shows it, rather than failed.
     */
    @Test
    void noLeak() {
        if (!LEAKS.isEmpty() && !Boolean.getBoolean(ENFORCE_LEAKS)) {
            Assumptions.abort("known open bug, not enforced without -D" + ENFORCE_LEAKS + "=true: resident memory"
                    + " grows across phases that close everything\n" + String.join("\n\n", LEAKS));
        }
        assertTrue(LEAKS.isEmpty(), () -> String.join("\n\n", LEAKS));
    }

    static final String ENFORCE_LEAKS = "nostdwasm.fuzz.enforceLeaks";

    /** Runs one provider's fork; returns its row of the summary. */
    private static String fork(String provider, Path out, Path artifacts, FuzzOptions options, List<String> problems)
            throws IOException, InterruptedException {
        ForkedJvm jvm = ForkedJvm.current();
        if (provider.equals("jni")) {
            jvm.option("-Xcheck:jni");
        }
        // A heap that is resident from the start, so that the resident size measures native memory.
        jvm.option("-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch", "-XX:-OmitStackTraceInFastThrow")
                .property(Artifacts.DIR_PROPERTY, artifacts.toString())
                .outputTo(out.resolve("output.log"));
        for (Map.Entry<String, String> p : FuzzOptions.passedOn()) {
            jvm.property(p.getKey(), p.getValue());
        }
        ForkedJvm.Result result = jvm.run(StatefulApiFuzz.class, List.of(provider, out.toString()), BACKSTOP);
        System.out.println("[stateful fuzz " + provider + ", " + result.elapsed().toSeconds() + " s]\n"
                + tail(result.output(), 20));
        Path resultFile = out.resolve("result.tsv");
        String[] cells = Files.isRegularFile(resultFile)
                ? Files.readAllLines(resultFile).get(1).split("\t")
                : new String[] {provider, "0", "0", "0", "0", "0"};
        if (result.exitedWith(0) || result.exitedWith(StatefulApiFuzz.HANG_STATUS)) {
            if (result.exitedWith(0) && Long.parseLong(cells[1]) != options.expectedOperations()) {
                problems.add(provider + ": the fork ran " + cells[1] + " operations, not " + options.expectedOperations());
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
                + "replay: ./mvnw -B -ntp -pl it-tests verify " + options.replay(provider, -1));
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
