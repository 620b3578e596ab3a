package dev.nostdwasm.wasitests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.nostdwasm.api.NoStdRuntime;
import dev.nostdwasm.api.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case under our SDK on each provider and profile, compared with its outcome under the reference
 * (exit code, stdout, stderr, the directory tree afterwards). A difference fails unless
 * known-differences.txt lists it with its reason, and an entry there fails when its case and runner
 * give the reference's outcome, so the list never outlives its differences.
 *
 * <p>The C programs run on every runner; the Go test binaries on the runners of system property
 * {@value #GO_RUNNERS} (pom.xml and README.md say which by default, and why). Writes one row file per
 * runner, {@code <nostdwasm.wasi.results>/<provider>-<profile>.tsv}, for scripts/wasi-report.py.
 */
class SdkDifferentialTest {

    /** {@code all}, {@code none}, or a comma-separated list of runners ({@code ffm/native}) that run the Go cases. */
    static final String GO_RUNNERS = "nostdwasm.wasi.go";

    /** runner name -> rows of its result file. */
    private static final Map<String, List<String>> ROWS = new TreeMap<>();
    /** "runner kind compile|run" -> seconds, summed: printed at the end to size the test command. */
    private static final Map<String, Double> SECONDS = new TreeMap<>();
    /** One reference run per case, shared by the runners. */
    private static final Map<String, Outcome> REFERENCE = new ConcurrentHashMap<>();

    private final WasiCases cases = WasiCases.fromBuild();
    private final WasiRunner reference = new ReferenceRunner(ReferenceRunTest.cliPath());
    private final KnownDifferences known = KnownDifferences.read(Path.of(WasiCases.property("nostdwasm.wasi.knownDifferences")));

    SdkDifferentialTest() throws IOException {
    }

    @TestFactory
    Stream<DynamicContainer> sameOutcomeAsTheReference() throws IOException {
        List<WasiCase> c = cases.c();
        List<WasiCase> go = cases.go();
        Set<String> goRunners = Set.of(System.getProperty(GO_RUNNERS, "all").split(","));
        List<DynamicContainer> containers = new ArrayList<>();
        for (SdkRunner runner : runners()) {
            List<WasiCase> mine = new ArrayList<>(c);
            if (goRunners.contains("all") || goRunners.contains(runner.name())) {
                mine.addAll(go);
            }
            containers.add(DynamicContainer.dynamicContainer(runner.name(),
                    mine.stream().map(one -> DynamicTest.dynamicTest(one.name(), () -> compare(runner, one)))));
        }
        return containers.stream();
    }

    /** Both providers ({@code ffm} needs Java 22+) on every profile this machine runs. */
    private static List<SdkRunner> runners() {
        List<SdkRunner> runners = new ArrayList<>();
        for (String provider : List.of("ffm", "jni")) {
            if (provider.equals("ffm") && Runtime.version().feature() < 22) {
                continue;
            }
            NoStdRuntime runtime = NoStdRuntime.load(provider);
            for (Profile profile : runtime.profiles()) {
                runners.add(new SdkRunner(runtime, profile));
            }
        }
        return runners;
    }

    private void compare(SdkRunner runner, WasiCase c) throws IOException, InterruptedException {
        long start = System.nanoTime();
        runner.compile(c.program());
        double compileSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        Outcome outcome = CaseRun.run(runner, c);
        double runSeconds = (System.nanoTime() - start) / 1e9;
        Outcome expected = REFERENCE.get(c.name());
        if (expected == null) {
            expected = CaseRun.run(reference, c);
            REFERENCE.put(c.name(), expected);
        }
        List<String> differences = outcome.differencesFrom(expected);
        List<String> unexplained = known.unexplained(c.name(), runner.name(), differences);
        boolean listed = known.lists(c.name(), runner.name());
        String verdict = !unexplained.isEmpty() ? "differs"
                : differences.isEmpty() ? "same"
                : known.toFix(c.name(), runner.name()) ? "differs, to fix"
                : "kept difference";
        record(runner, c, ReferenceRunTest.ending(outcome.result()) + ", " + verdict, compileSeconds, runSeconds);

        if (!unexplained.isEmpty()) {
            // Now, in the log as it runs, not only in the report at the end of a long run.
            System.out.println(String.join("\n", unexplained));
        }
        assertEquals(List.of(), unexplained, c.name() + " under " + runner.name() + " (ours vs the reference's);"
                + " a difference kept on purpose goes into known-differences.txt with its reason");
        assertFalse(listed && differences.isEmpty(), c.name() + " under " + runner.name() + " gives the reference's"
                + " outcome, but known-differences.txt lists a difference: remove or narrow the entry");
    }

    private static void record(SdkRunner runner, WasiCase c, String ending, double compileSeconds, double runSeconds) {
        System.out.printf("wasi-diff %s %s: compile %.1f s, run %.1f s, %s%n", runner.name(), c.name(), compileSeconds,
                runSeconds, ending);
        synchronized (ROWS) {
            ROWS.computeIfAbsent(runner.name(), r -> new ArrayList<>())
                    .add(String.join("\t", c.name(), runner.name(), ending, String.format("%.1f", runSeconds)));
            SECONDS.merge(runner.name() + " " + c.kind() + " compile", compileSeconds, Double::sum);
            SECONDS.merge(runner.name() + " " + c.kind() + " run", runSeconds, Double::sum);
        }
    }

    @AfterAll
    static void writeRows() throws IOException {
        Path dir = Path.of(WasiCases.property("nostdwasm.wasi.results"));
        Files.createDirectories(dir);
        synchronized (ROWS) {
            for (Map.Entry<String, List<String>> runner : ROWS.entrySet()) {
                List<String> rows = new ArrayList<>(runner.getValue());
                rows.sort(null);
                Files.write(dir.resolve(runner.getKey().replace('/', '-') + ".tsv"), rows);
            }
            SECONDS.forEach((what, seconds) -> System.out.printf("wasi-diff total %s: %.1f s%n", what, seconds));
        }
    }
}
