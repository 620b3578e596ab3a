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

    /**
     * Lets wasm in this store run for about {@code timeout} from now: then a call into it traps
     * with {@link TrapCode#INTERRUPT} (engines with {@linkplain EngineConfig#withEpochInterruption
     * epoch interruption}). The deadline is {@code ceil(timeout / tick)} (at least 1) ticks of the
     * engine's {@linkplain EngineConfig#withEpochTick epoch tick} counted by the engine's ticker
     * thread, which the first call starts; so it fires between one tick before {@code timeout}
     * and however late the ticker thread is scheduled after it. The deadline belongs to this
     * store: other stores of the engine keep theirs. It replaces any earlier deadline (also one
     * set with {@link #setEpochDeadline}) and stays until replaced, so set it again before each
     * call that should get a fresh budget. Mixing it with manual {@link Engine#incrementEpoch()}
     * calls makes deadlines fire earlier.
     *
     * @throws IllegalStateException when the engine was made without epoch interruption
     * @throws IllegalArgumentException when {@code timeout} is negative
     * @throws ClosedException when this store or its engine is closed (the ticker stops with the engine)
     */
    void setDeadline(java.time.Duration timeout);

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
