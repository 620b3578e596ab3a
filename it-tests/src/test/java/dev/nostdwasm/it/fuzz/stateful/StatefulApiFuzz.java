package dev.nostdwasm.it.fuzz.stateful;

import dev.nostdwasm.api.NoStdRuntime;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.it.support.Artifacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Phaser;

/**
 * The stateful API fuzzer in its own JVM (forked by {@link StatefulApiFuzzTest}):
 * {@code StatefulApiFuzz <provider> <out dir>}, options from {@link FuzzOptions}. It starts the
 * {@link Worker} threads (or the one of {@code -Dnostdwasm.fuzz.thread}) and a {@link Watchdog},
 * and writes {@code <out dir>/result.tsv} (the provider's row of {@code api-summary.tsv}, header
 * included), {@code failures.txt} (one report per failure) and {@code trail.txt} (every thread's
 * last operations, kept even when the JVM crashes). Exit status 0 when it ran to the end (whatever
 * it found), {@value #HANG_STATUS} after a hang, 2 on a usage error.
 */
public final class StatefulApiFuzz {
    static final int HANG_STATUS = 3;
    static final String HEADER = "provider\toperations\ttyped_errors\tcrashes\tdeadlocks\tleaks";
    /** The worker threads' stack: the JVM's default on Linux, stated so that nested-store runs do not depend on it. */
    private static final long STACK_BYTES = 1L << 20;

    private StatefulApiFuzz() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: StatefulApiFuzz <provider> <out dir>");
            System.exit(2);
        }
        String provider = args[0];
        Path out = Paths.get(args[1]);
        Files.createDirectories(out);
        FuzzOptions options = FuzzOptions.fromSystemProperties();
        NoStdRuntime runtime = NoStdRuntime.load(provider);
        List<Profile> profiles = new ArrayList<>(runtime.profiles());
        profiles.sort(Comparator.comparingInt(Profile::id));
        Map<Profile, byte[]> api = new EnumMap<>(Profile.class);
        Map<Profile, byte[]> start = new EnumMap<>(Profile.class);
        for (Profile p : profiles) {
            api.put(p, Artifacts.bytes("fuzz_api", p));
            start.put(p, Artifacts.bytes("fuzz_start", p));
        }
        Trail trail = new Trail(out.resolve("trail.txt"), options.threads());
        ResidentMemory memory = new ResidentMemory(options.rssAllowanceMiB(), options.phaseAllowanceMiB());
        FuzzRun run = new FuzzRun(provider, options, runtime, profiles, api, start, trail, memory);
        System.out.println("fuzz: stateful API fuzzer, provider " + provider + " (Wasmtime " + runtime.wasmtimeVersion()
                + "), profiles " + profiles + ", seed " + options.seed() + ", " + options.operations()
                + " operations on " + options.threads() + " threads" + (options.onlyThread() < 0 ? ""
                        : " (only thread " + options.onlyThread() + ")") + ", families " + options.families());

        memory.warmedUp();
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < options.threads(); i++) {
            if (options.onlyThread() < 0 || options.onlyThread() == i) {
                indexes.add(i);
            }
        }
        Phaser phases = new Phaser(indexes.size()) {
            @Override
            protected boolean onAdvance(int phase, int parties) {
                if (parties == 0) {
                    return true;
                }
                // The stores dropped during the phase just ended are found unreachable by this
                // collection, and the SDK's cleaner thread frees them while this thread measures:
                // they stay registered until the next phase end, by when it has freed them.
                System.gc();
                run.collected.forEach(memory::unregister);
                run.collected.clear();
                run.collected.addAll(run.dropped);
                run.dropped.clear();
                String leak = memory.phaseEnd(phase);
                if (leak != null) {
                    run.tally.fail(Tally.Column.LEAKS, leak + "\n  replay: ./mvnw -B -ntp -pl it-tests verify "
                            + options.replay(provider, -1) + "\n");
                }
                run.tally.progress();
                try {
                    writeResults(out, run, 0); // what a JVM crash later leaves for the test to count
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return false;
            }
        };
        long started = System.nanoTime();
        Watchdog watchdog = new Watchdog(run.tally, trail, options.threads(), options.hangSeconds(), dump -> {
            System.out.println("fuzz: HANG " + dump);
            try {
                Files.writeString(out.resolve("hang.txt"), dump);
                writeResults(out, run, 1);
            } catch (IOException e) {
                e.printStackTrace();
            }
            System.out.flush();
            Runtime.getRuntime().halt(HANG_STATUS);
        });
        List<Thread> threads = new ArrayList<>();
        for (int i : indexes) {
            Thread t = new Thread(null, new Worker(i, run, phases), "fuzz-" + i, STACK_BYTES);
            threads.add(t);
        }
        watchdog.start();
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        watchdog.interrupt();
        writeResults(out, run, 0);
        System.out.println("fuzz: done in " + (System.nanoTime() - started) / 1_000_000 + " ms: " + HEADER + "\nfuzz: "
                + run.tally.row(provider, 0));
        System.exit(0);
    }

    private static void writeResults(Path out, FuzzRun run, long deadlocks) throws IOException {
        Files.writeString(out.resolve("result.tsv"), HEADER + "\n" + run.tally.row(run.provider, deadlocks) + "\n");
        Files.writeString(out.resolve("failures.txt"), String.join("\n", run.tally.reports()));
    }
}
