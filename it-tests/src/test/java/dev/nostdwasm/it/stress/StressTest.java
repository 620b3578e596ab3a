package dev.nostdwasm.it.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.nostdwasm.api.Engine;
import dev.nostdwasm.api.EngineConfig;
import dev.nostdwasm.api.Func;
import dev.nostdwasm.api.Linker;
import dev.nostdwasm.api.WasmModule;
import dev.nostdwasm.api.NoStdRuntime;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.Store;
import dev.nostdwasm.it.support.Artifacts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared-engine stress run: one {@link Engine} and one {@link WasmModule} ({@code add.wat}) shared by
 * {@value #CALLER_THREADS} threads, each with its own {@link Store}, {@link Linker} and instance,
 * each making {@code -Dnostdwasm.stress.calls} (default {@value #DEFAULT_CALLS}) {@code callI32} calls whose
 * every result is checked (and their sum compared exactly); at the same time
 * {@value #CHURN_THREADS} threads each create a store, instantiate the shared module in it, call
 * once and close it, {@code -Dnostdwasm.stress.instantiations} (default {@value #DEFAULT_INSTANTIATIONS})
 * times (the shared module instantiated concurrently). All threads start behind one gate.
 *
 * <p>Runs for every provider ({@code ffm} on Java 22+, {@code jni}) and the profiles
 * {@code -Dnostdwasm.stress.profiles} names (comma-separated, or {@code all}: every profile of
 * {@code runtime.profiles()}; default {@value #DEFAULT_PROFILES}). The Maven profile {@code stress}
 * sets 1,000,000 calls per thread and every profile:
 * {@code ./mvnw -pl it-tests verify -Pstress -Dtest=StressTest}. Counts are fixed; the time limit
 * below only keeps a hang from hanging the build.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StressTest {
    static final int CALLER_THREADS = 16;
    static final int CHURN_THREADS = 4;
    static final int DEFAULT_CALLS = 20_000;
    static final int DEFAULT_INSTANTIATIONS = 500;
    static final String DEFAULT_PROFILES = "all";
    /** Only so that a hang (deadlock) cannot hang the build; a healthy run takes seconds. */
    private static final long HANG_MINUTES = 30;

    private final Map<String, NoStdRuntime> runtimes = new LinkedHashMap<>();

    static int calls() {
        return Integer.getInteger("nostdwasm.stress.calls", DEFAULT_CALLS);
    }

    static int instantiations() {
        return Integer.getInteger("nostdwasm.stress.instantiations", DEFAULT_INSTANTIATIONS);
    }

    @BeforeAll
    void header() {
        SummaryFile.reset("1-stress", "StressTest: " + CALLER_THREADS + " caller threads x " + calls()
                + " callI32 calls on one shared Engine + WasmModule (add.wat), " + CHURN_THREADS + " churn threads x "
                + instantiations() + " store+instantiate+call+close; Java " + Runtime.version() + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs");
    }

    Stream<Arguments> cases() {
        List<String> providers = new ArrayList<>();
        if (Runtime.version().feature() >= 22) {
            providers.add("ffm");
        }
        providers.add("jni");
        String wanted = System.getProperty("nostdwasm.stress.profiles", DEFAULT_PROFILES).trim();
        List<Arguments> cases = new ArrayList<>();
        for (String provider : providers) {
            NoStdRuntime runtime = runtimes.computeIfAbsent(provider, NoStdRuntime::load);
            Set<Profile> supported = runtime.profiles();
            List<Profile> profiles = wanted.equals("all")
                    ? supported.stream().sorted(Comparator.comparingInt(Profile::id)).collect(Collectors.toList())
                    : Arrays.stream(wanted.split(",")).map(String::trim).map(Profile::fromCliName)
                            .collect(Collectors.toList());
            for (Profile p : profiles) {
                if (!supported.contains(p)) {
                    throw new IllegalArgumentException("-Dnostdwasm.stress.profiles names " + p.cliName() + ", which the "
                            + provider + " provider does not support here (it supports " + supported + ")");
                }
            }
            for (Profile p : profiles) {
                cases.add(Arguments.argumentSet(provider + " · " + p.cliName(), provider, p));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{argumentSetName}")
    @MethodSource("cases")
    void sharedEngineAndModuleManyThreads(String provider, Profile profile) throws Exception {
        NoStdRuntime runtime = runtimes.computeIfAbsent(provider, NoStdRuntime::load);
        int calls = calls();
        int instantiations = instantiations();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        long[] sums = new long[CALLER_THREADS];
        long[] mismatches = new long[CALLER_THREADS];
        AtomicLong churned = new AtomicLong();
        long started;
        long millis;

        try (Engine engine = runtime.newEngine(EngineConfig.of(profile).allowUnsignedArtifacts());
             WasmModule module = engine.load(Artifacts.bytes("add", profile))) {
            CountDownLatch gate = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < CALLER_THREADS; t++) {
                final int id = t;
                threads.add(new Thread(() -> {
                    try (Store store = engine.newStore(); Linker linker = engine.newLinker()) {
                        Func add = linker.instantiate(store, module).func("add");
                        int b = id * 1_000_003; // a different second operand per thread
                        gate.await();
                        long sum = 0;
                        long bad = 0;
                        for (int i = 0; i < calls; i++) {
                            int r = add.callI32(i, b);
                            if (r != i + b) {
                                bad++;
                            }
                            sum += r;
                        }
                        sums[id] = sum;
                        mismatches[id] = bad;
                    } catch (Throwable e) {
                        failures.add(new AssertionError("caller thread " + id + " failed", e));
                    }
                }, "stress-caller-" + t));
            }
            for (int t = 0; t < CHURN_THREADS; t++) {
                final int id = t;
                threads.add(new Thread(() -> {
                    try (Linker linker = engine.newLinker()) {
                        gate.await();
                        for (int i = 0; i < instantiations; i++) {
                            try (Store store = engine.newStore()) {
                                int r = linker.instantiate(store, module).func("add").callI32(i, id);
                                if (r != i + id) {
                                    throw new AssertionError("churn thread " + id + ": add(" + i + ", " + id
                                            + ") = " + r);
                                }
                            }
                            churned.incrementAndGet();
                        }
                    } catch (Throwable e) {
                        failures.add(new AssertionError("churn thread " + id + " failed", e));
                    }
                }, "stress-churn-" + t));
            }
            threads.forEach(Thread::start);
            started = System.nanoTime();
            gate.countDown();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(HANG_MINUTES);
            for (Thread thread : threads) {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                if (thread.isAlive()) {
                    fail(thread.getName() + " did not finish in " + HANG_MINUTES + " minutes (hang?)");
                }
            }
            millis = (System.nanoTime() - started) / 1_000_000;
        }

        if (!failures.isEmpty()) {
            AssertionError all = new AssertionError(failures.size() + " thread(s) failed; first: " + failures.peek());
            failures.forEach(all::addSuppressed);
            throw all;
        }
        long totalCalls = (long) CALLER_THREADS * calls;
        String line = String.format("stress: %-22s %d threads x %,d calls = %,d calls + %d x %,d instantiations in %,d ms"
                        + " (%,.0f calls/s)", provider + " · " + profile.cliName(), CALLER_THREADS, calls, totalCalls,
                CHURN_THREADS, instantiations, millis, totalCalls * 1000.0 / Math.max(1, millis));
        System.out.println(line);
        SummaryFile.append("1-stress", line);

        for (int t = 0; t < CALLER_THREADS; t++) {
            long b = t * 1_000_003;
            long expected = 0;
            for (int i = 0; i < calls; i++) {
                expected += (int) (i + b);
            }
            assertEquals(0, mismatches[t], "wrong results on caller thread " + t);
            assertEquals(expected, sums[t], "sum of caller thread " + t);
        }
        assertEquals((long) CHURN_THREADS * instantiations, churned.get(), "instantiations done");
    }
}
