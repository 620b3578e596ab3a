package dev.nostdwasm.api.runtime;

import dev.nostdwasm.api.ClosedException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * When a native object shared across threads (engine, module, linker) may be freed: only once
 * it is closed and no call that entered it is still running. Without this, closing a module on
 * one thread while another instantiates it would free memory under the second thread.
 */
final class Lifetime {

    private static final int CLOSED = 1;
    private static final int USER = 2;

    private final String what;
    private final Runnable free;
    // Users times USER, plus CLOSED once closed.
    private final AtomicInteger state = new AtomicInteger();

    Lifetime(String what, Runnable free) {
        this.what = what;
        this.free = free;
    }

    /** Marks a use; pair with {@link #exit()} in a finally block. */
    void enter() {
        while (true) {
            int s = state.get();
            if ((s & CLOSED) != 0) {
                throw new ClosedException(what);
            }
            if (state.compareAndSet(s, s + USER)) {
                return;
            }
        }
    }

    void exit() {
        if (state.addAndGet(-USER) == CLOSED) {
            free.run();
        }
    }

    /** Closes; frees now, or when the last running use exits. Idempotent. */
    void close() {
        while (true) {
            int s = state.get();
            if ((s & CLOSED) != 0) {
                return;
            }
            if (state.compareAndSet(s, s | CLOSED)) {
                if (s == 0) {
                    free.run();
                }
                return;
            }
        }
    }

    boolean isClosed() {
        return (state.get() & CLOSED) != 0;
    }

    String what() {
        return what;
    }
}
