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

    /** A new memory of {@code minimum} 64 KiB pages, growable to {@code maximum} pages if given. */
    Memory newMemory(int minimum, java.util.OptionalInt maximum);

    /** A new global holding {@code initial}. */
    Global newGlobal(Val initial, boolean mutable);

    /** A new table of funcref or externref {@code element}s filled with {@code init} (a null ref or a value). */
    Table newTable(ValType element, int minimum, java.util.OptionalInt maximum, Val init);

    /** A host function owned by this store (for tables, globals and funcref values). */
    Func newFunc(ExternType.Func type, HostFunction function);

    @Override
    void close();
}
