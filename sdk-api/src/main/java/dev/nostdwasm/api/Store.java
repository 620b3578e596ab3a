package dev.nostdwasm.api;

/**
 * Owns instances and their memories, tables, globals and functions. Used by one thread at a
 * time: a second thread using it while another is inside gets an {@link
 * IllegalStateException}. Closing it frees everything made in it.
 */
public interface Store extends AutoCloseable {

    void setLimits(StoreLimits limits);

    /** Sets the fuel left (engines with fuel). */
    void setFuel(long fuel);

    /** The fuel left (engines with fuel). */
    long fuel();

    /** Traps with {@link TrapCode#INTERRUPT} {@code ticks} epoch increments from now (engines with epochs). */
    void setEpochDeadline(long ticks);

    @Override
    void close();
}
