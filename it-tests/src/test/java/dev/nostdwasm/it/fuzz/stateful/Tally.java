package dev.nostdwasm.it.fuzz.stateful;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a run counted, shared by its threads: operations, typed errors, and failures by column of
 * {@code api-summary.tsv}. {@code crashes} holds the invariant breaches that stand for one: an
 * exception outside the typed set and a cross-store read (a JVM crash is counted by the test,
 * which sees the process die); {@code leaks} holds memory beyond a store's limits and resident
 * size beyond its bound or growing across phases.
 */
final class Tally {
    enum Column { CRASHES, LEAKS }

    /** Reports kept in full; the rest are only counted. */
    static final int KEPT_REPORTS = 40;

    final AtomicLong operations = new AtomicLong();
    final AtomicLong typedErrors = new AtomicLong();
    private final AtomicLong crashes = new AtomicLong();
    private final AtomicLong leaks = new AtomicLong();
    private final List<String> reports = new ArrayList<>();
    /** When any thread last finished an operation (the watchdog reads it). */
    volatile long lastProgressNanos = System.nanoTime();

    void progress() {
        lastProgressNanos = System.nanoTime();
    }

    void fail(Column column, String report) {
        (column == Column.CRASHES ? crashes : leaks).incrementAndGet();
        synchronized (reports) {
            if (reports.size() < KEPT_REPORTS) {
                reports.add(report);
                System.out.println("fuzz: FAILURE " + report);
            }
        }
    }

    long crashes() {
        return crashes.get();
    }

    long leaks() {
        return leaks.get();
    }

    List<String> reports() {
        synchronized (reports) {
            return List.copyOf(reports);
        }
    }

    /** The row of {@code api-summary.tsv} for {@code provider}. */
    String row(String provider, long deadlocks) {
        return provider + "\t" + operations.get() + "\t" + typedErrors.get() + "\t" + crashes.get() + "\t" + deadlocks
                + "\t" + leaks.get();
    }
}
