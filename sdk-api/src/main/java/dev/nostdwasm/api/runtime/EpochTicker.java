package dev.nostdwasm.api.runtime;

import dev.nostdwasm.api.ClosedException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The thread that advances one engine's epoch every tick, for {@code Store.setDeadline}: a daemon
 * named {@code nostdwasm-epoch-ticker-<n>}, started by the first {@link #start()}, stopped and
 * joined by {@link #stop()} when the engine closes (or is cleaned). Each increment is a use of the
 * engine's {@link Lifetime}, so the thread never calls into a freed engine even if the engine is
 * closed between two ticks. It holds no reference to the engine object, so a forgotten engine can
 * still be cleaned (and its cleaning action stops the ticker).
 */
final class EpochTicker {

    static final String NAME_PREFIX = "nostdwasm-epoch-ticker-";
    private static final AtomicInteger NEXT = new AtomicInteger(1);

    private final Lifetime lifetime;
    private final Runnable increment;
    private final long tickNanos;
    private Thread thread; // guarded by this
    private boolean stopped; // guarded by this
    private volatile boolean running = true;

    EpochTicker(Lifetime lifetime, Runnable increment, long tickNanos) {
        this.lifetime = lifetime;
        this.increment = increment;
        this.tickNanos = tickNanos;
    }

    /**
     * Starts the thread unless it runs already.
     *
     * @throws ClosedException when the engine is closed (the ticker was stopped)
     */
    synchronized void start() {
        if (stopped || lifetime.isClosed()) {
            throw new ClosedException(lifetime.what() + " (its epoch ticker stopped with it, so deadlines cannot be set)");
        }
        if (thread == null) {
            Thread t = new Thread(null, this::run, NAME_PREFIX + NEXT.getAndIncrement());
            t.setDaemon(true);
            thread = t;
            t.start();
        }
    }

    /** Stops the thread and waits until it ended; idempotent, and safe from any thread but the ticker's. */
    void stop() {
        Thread t;
        synchronized (this) {
            stopped = true;
            running = false;
            t = thread;
        }
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        LockSupport.unpark(t);
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    synchronized boolean started() {
        return thread != null;
    }

    private void run() {
        long next = System.nanoTime() + tickNanos;
        while (running) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(this, wait);
                continue; // woken early (stop, or spuriously): check again
            }
            // Keep the rhythm, but never try to catch up on ticks missed while descheduled.
            next = Math.max(next + tickNanos, System.nanoTime() + tickNanos / 2);
            try {
                lifetime.enter();
            } catch (ClosedException e) {
                return; // the engine was closed (or cleaned) between two ticks
            }
            try {
                increment.run();
            } finally {
                lifetime.exit();
            }
        }
    }
}
