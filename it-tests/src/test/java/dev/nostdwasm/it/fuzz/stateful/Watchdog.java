package dev.nostdwasm.it.fuzz.stateful;

import java.util.Map;

/**
 * Declares a hang when no fuzz thread finished an operation for {@code hangSeconds}: prints every
 * thread's stack (the JVM's threads, with their states and the locks they wait on) and the fuzz
 * threads' recent operations, then runs {@code onHang} (which writes the summary and halts the JVM).
 */
final class Watchdog extends Thread {
    private final Tally tally;
    private final Trail trail;
    private final int threads;
    private final long hangNanos;
    private final java.util.function.Consumer<String> onHang;

    Watchdog(Tally tally, Trail trail, int threads, int hangSeconds, java.util.function.Consumer<String> onHang) {
        super("fuzz-watchdog");
        setDaemon(true);
        this.tally = tally;
        this.trail = trail;
        this.threads = threads;
        this.hangNanos = hangSeconds * 1_000_000_000L;
        this.onHang = onHang;
    }

    @Override
    public void run() {
        while (true) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            if (System.nanoTime() - tally.lastProgressNanos > hangNanos) {
                onHang.accept(dump());
                return;
            }
        }
    }

    private String dump() {
        StringBuilder s = new StringBuilder("no fuzz thread finished an operation for " + hangNanos / 1_000_000_000L
                + " s: a deadlock or a hang. Threads:\n");
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            Thread t = e.getKey();
            s.append('"').append(t.getName()).append("\" ").append(t.getState()).append('\n');
            for (StackTraceElement frame : e.getValue()) {
                s.append("    at ").append(frame).append('\n');
            }
        }
        for (int i = 0; i < threads; i++) {
            s.append("recent operations of fuzz thread ").append(i).append(":\n");
            for (String line : trail.tail(i)) {
                s.append("    ").append(line).append('\n');
            }
        }
        return s.toString();
    }
}
