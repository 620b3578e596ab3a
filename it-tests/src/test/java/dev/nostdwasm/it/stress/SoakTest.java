package dev.nostdwasm.it.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nostdwasm.api.NoStdRuntime;
import dev.nostdwasm.it.support.Artifacts;
import dev.nostdwasm.it.support.ForkedJvm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The leak soak: {@link LeakSoakMain} in a forked JVM per provider creates and closes an engine, a
 * module, a linker with a host function, a store and an instance per iteration, and its resident
 * set size may grow by at most {@value #MAX_DRIFT_PERCENT}% between the end of the warm-up and the
 * end of the run.
 *
 * <p>Runs only with {@code -Dnostdwasm.soak.enabled=true}, which the Maven profile {@code stress} sets.
 * Iterations: {@code -Dnostdwasm.soak.iterations} (default {@value #DEFAULT_ITERATIONS}; the Maven profile
 * {@code stress} sets 100,000) after {@code -Dnostdwasm.soak.warmup} (default {@value #DEFAULT_WARMUP})
 * warm-up iterations: RSS climbs by about 50 MB over the first few thousand iterations (one-time
 * growth: the JIT's code, malloc's arenas settling) and is flat after that, so the warm-up must be
 * longer than that climb. {@code -Dnostdwasm.soak.variant} runs one of {@link LeakSoakMain}'s isolating loops
 * instead ({@code engines}, {@code modules}, {@code stores}, {@code instances}, {@code hostfns}).
 *
 * <p>The child's heap is fixed and touched up front ({@code -Xms=-Xmx}, {@code -XX:+AlwaysPreTouch},
 * {@code -Dnostdwasm.soak.heap}, default {@value #DEFAULT_HEAP}) so that Java heap growth neither shows up as
 * drift nor hides native growth. Counts are fixed; the time limit only keeps a hang from hanging
 * the build.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SoakTest {
    static final int DEFAULT_ITERATIONS = 20_000;
    static final int DEFAULT_WARMUP = 10_000;
    static final String DEFAULT_HEAP = "64m";
    static final double MAX_DRIFT_PERCENT = 5.0;
    /** Only so that a hang cannot hang the build. */
    private static final Duration HANG_TIMEOUT = Duration.ofMinutes(30);
    private static final Pattern RESULT = Pattern.compile(
            "soak: (\\S+) (\\S+) (\\d+) iterations, RSS start (\\d+) kB end (\\d+) kB drift (-?[0-9.]+)%.*");

    static int iterations() {
        return Integer.getInteger("nostdwasm.soak.iterations", DEFAULT_ITERATIONS);
    }

    static int warmup() {
        return Integer.getInteger("nostdwasm.soak.warmup", DEFAULT_WARMUP);
    }

    static String variant() {
        return System.getProperty("nostdwasm.soak.variant", "all");
    }

    /** Whether the soak was switched on; off, each case is a skipped test (counted as such, with this reason). */
    private static void assumeEnabled() {
        // RSS on a shared machine swings by a few MB even when nothing leaks: the soak and its 5%
        // limit belong to the stress run (-Pstress), not to every build.
        assumeTrue(Boolean.getBoolean("nostdwasm.soak.enabled"),
                "the soak runs with -Pstress (or -Dnostdwasm.soak.enabled=true): ./mvnw -pl it-tests verify -Pstress -Dtest=SoakTest");
    }

    @BeforeAll
    void header() {
        if (!Boolean.getBoolean("nostdwasm.soak.enabled")) {
            return; // every case is skipped (assumeEnabled): keep the figures of the last soak
        }
        SummaryFile.reset("2-soak", "SoakTest: forked JVM per provider, " + warmup() + " warm-up + " + iterations()
                + " iterations of variant '" + variant() + "', heap " + System.getProperty("nostdwasm.soak.heap", DEFAULT_HEAP)
                + " fixed; RSS = VmRSS after System.gc(), end = minimum of " + LeakSoakMain.END_SAMPLES + " samples;"
                + " limit " + MAX_DRIFT_PERCENT + "%");
    }

    Stream<Arguments> providers() {
        List<Arguments> cases = new ArrayList<>();
        if (Runtime.version().feature() >= 22) {
            cases.add(Arguments.argumentSet("ffm", "ffm"));
        }
        cases.add(Arguments.argumentSet("jni", "jni"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{argumentSetName}")
    @MethodSource("providers")
    void residentSetStaysFlat(String provider) throws Exception {
        assumeEnabled();
        String heap = System.getProperty("nostdwasm.soak.heap", DEFAULT_HEAP);
        ForkedJvm.Result result = ForkedJvm.current()
                .option("-Xms" + heap, "-Xmx" + heap, "-XX:+AlwaysPreTouch", "-XX:+UseSerialGC")
                .property(NoStdRuntime.PROVIDER_PROPERTY, provider)
                .property(Artifacts.DIR_PROPERTY, Artifacts.dir().toAbsolutePath().toString())
                .run(LeakSoakMain.class, List.of(provider, Integer.toString(iterations()), Integer.toString(warmup()),
                        variant()), HANG_TIMEOUT);
        long millis = result.elapsed().toMillis();
        String output = result.output();
        System.out.println("[soak " + provider + "] " + millis + " ms\n" + output);
        if (!result.exitedWith(0)) {
            fail(result.report());
        }
        List<String> results = output.lines().filter(l -> l.startsWith("soak: ")).collect(Collectors.toList());
        assertEquals(1, results.size(), () -> "one 'soak:' line expected in:\n" + output);
        Matcher m = RESULT.matcher(results.get(0));
        assertTrue(m.matches(), () -> "unexpected result line: " + results.get(0));
        long start = Long.parseLong(m.group(4));
        long end = Long.parseLong(m.group(5));
        double drift = 100.0 * (end - start) / start;
        String checkpoints = output.lines().filter(l -> l.startsWith("soak-rss: "))
                .map(l -> l.substring("soak-rss: ".length()).replace(" kB", ""))
                .collect(Collectors.joining(", "));
        SummaryFile.append("2-soak", results.get(0) + String.format(Locale.ROOT, "; forked JVM %,d ms", millis));
        SummaryFile.append("2-soak", "  RSS checkpoints (iteration kB): " + checkpoints);
        assertEquals(iterations(), Integer.parseInt(m.group(3)), "iterations done");
        assertTrue(drift <= MAX_DRIFT_PERCENT, () -> String.format(Locale.ROOT,
                "%s: RSS grew %.2f%% (%d kB -> %d kB) over %d iterations after %d warm-up iterations, more than %.1f%%;"
                        + " checkpoints: %s", provider, drift, start, end, iterations(), warmup(), MAX_DRIFT_PERCENT,
                checkpoints));
    }
}
