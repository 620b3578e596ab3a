package dev.nostdwasm.it.fuzz.stateful;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one run of the stateful API fuzzer does, from system properties {@code nostdwasm.fuzz.*}
 * (the JUnit test passes each it was given on to its forked JVMs):
 *
 * <ul>
 *   <li>{@code seed} (default {@value #DEFAULT_SEED}) and {@code operations} (default {@value
 *       #DEFAULT_OPERATIONS}, per provider): with {@code threads}, they fix every thread's
 *       operation sequence;
 *   <li>{@code threads} (default {@value #DEFAULT_THREADS}); {@code thread}: run only that
 *       thread's sequence, alone (replays a failure without the other threads' interleaving);
 *   <li>{@code families}, {@code exclude}: see {@link Family};
 *   <li>{@code phase} (default {@value #DEFAULT_PHASE}): operations per thread between two points
 *       where every thread closes everything it made and the resident size is compared;
 *   <li>{@code rssAllowanceMiB} (default {@value #DEFAULT_RSS_ALLOWANCE_MIB}): what the process
 *       may hold besides its live stores' limits, above what it held after warm-up (see {@link
 *       ResidentMemory});
 *   <li>{@code phaseAllowanceMiB} (default {@value #DEFAULT_PHASE_ALLOWANCE_MIB}): what the process
 *       may hold at a phase end above what it held at the first phase end;
 *   <li>{@code injectLeakMiB} (default 0): at every phase end each thread leaves one store open
 *       for good, with a memory of that many MiB it wrote all over: a leak on purpose, which the
 *       leak checks must report (only {@code StatefulApiFuzzTest}'s check of those checks sets it);
 *   <li>{@code hangSeconds} (default {@value #DEFAULT_HANG_SECONDS}): no thread finishing an
 *       operation for that long is a hang;
 *   <li>{@code providers} (test only, default {@code ffm,jni}).
 * </ul>
 */
record FuzzOptions(long seed, long operations, int threads, int onlyThread, Set<Family> families, int phase,
        long rssAllowanceMiB, long phaseAllowanceMiB, int injectLeakMiB, int hangSeconds) {

    static final String PREFIX = "nostdwasm.fuzz.";
    static final long DEFAULT_SEED = 0x5EED_2026L;
    static final long DEFAULT_OPERATIONS = 100_000;
    static final int DEFAULT_THREADS = 4;
    static final int DEFAULT_PHASE = 2_000;
    static final long DEFAULT_RSS_ALLOWANCE_MIB = 384;
    /** Above the spread of what the process holds at phase ends once the cleaner freed the dropped stores. */
    static final long DEFAULT_PHASE_ALLOWANCE_MIB = 96;
    static final int DEFAULT_HANG_SECONDS = 60;

    static FuzzOptions fromSystemProperties() {
        int threads = Integer.getInteger(PREFIX + "threads", DEFAULT_THREADS);
        int only = Integer.getInteger(PREFIX + "thread", -1);
        if (threads < 1 || only >= threads) {
            throw new IllegalArgumentException("-D" + PREFIX + "threads must be >= 1 and -D" + PREFIX
                    + "thread below it (or unset); they are " + threads + " and " + only);
        }
        return new FuzzOptions(Long.getLong(PREFIX + "seed", DEFAULT_SEED),
                Long.getLong(PREFIX + "operations", DEFAULT_OPERATIONS), threads, only,
                Family.select(System.getProperty(PREFIX + "families", "all"),
                        System.getProperty(PREFIX + "exclude", "")),
                Integer.getInteger(PREFIX + "phase", DEFAULT_PHASE),
                Long.getLong(PREFIX + "rssAllowanceMiB", DEFAULT_RSS_ALLOWANCE_MIB),
                Long.getLong(PREFIX + "phaseAllowanceMiB", DEFAULT_PHASE_ALLOWANCE_MIB),
                Integer.getInteger(PREFIX + "injectLeakMiB", 0),
                Integer.getInteger(PREFIX + "hangSeconds", DEFAULT_HANG_SECONDS));
    }

    /** Every {@code nostdwasm.fuzz.*} system property of this JVM, to hand on to a forked one. */
    static List<Map.Entry<String, String>> passedOn() {
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith(PREFIX)) {
                entries.add(Map.entry(name, System.getProperty(name)));
            }
        }
        return entries;
    }

    /** How many operations thread {@code thread} runs: an equal share, the first threads taking the rest. */
    long operationsOf(int thread) {
        return operations / threads + (thread < operations % threads ? 1 : 0);
    }

    /** How many operations the run counts: every thread's, or the one thread's when only one runs. */
    long expectedOperations() {
        return onlyThread < 0 ? operations : operationsOf(onlyThread);
    }

    /** The seed of thread {@code thread}'s random sequence. */
    long seedOf(int thread) {
        return seed * 0x9E37_79B9_7F4A_7C15L + thread;
    }

    /** The {@code -D} switches that replay this run for {@code provider}, optionally one thread alone. */
    String replay(String provider, int thread) {
        return "-Dtest=StatefulApiFuzzTest -D" + PREFIX + "providers=" + provider + " -D" + PREFIX + "seed=" + seed
                + " -D" + PREFIX + "operations=" + operations + " -D" + PREFIX + "threads=" + threads
                + (thread < 0 ? "" : " -D" + PREFIX + "thread=" + thread)
                + (families.size() == Family.values().length ? "" : " -D" + PREFIX + "families=" + keys(families));
    }

    private static String keys(Set<Family> families) {
        StringBuilder s = new StringBuilder();
        for (Family f : families) {
            s.append(s.length() == 0 ? "" : ",").append(f.key());
        }
        return s.toString();
    }
}
