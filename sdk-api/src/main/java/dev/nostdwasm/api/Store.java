package dev.nostdwasm.api;

/**
 * Owns instances and their memories, tables, globals and functions. Used by one thread at a
 * time: a second thread using it while another is inside gets an {@link
 * IllegalStateException}. Closing it frees everything made in it.
 */
public interface Store extends AutoCloseable {

    /**
     * The object this store was made with ({@link Engine#newStore(Object)}); host functions get it
     * from {@link Caller#data()}. Unlike the store's other methods it may be called from any thread.
     *
     * @return the store's data, or null for a store made with {@link Engine#newStore()}
     * @throws ClosedException when the store is closed
     */
    Object data();

    /**
     * The object this store was made with, as a {@code type}: {@code store.data(Tenant.class)}.
     *
     * @param <T> the type of the data
     * @param type the class the data is an instance of (or a superclass or interface of it)
     * @return the data
     * @throws IllegalStateException when the store was made without data
     * @throws ClassCastException when the data is not a {@code type}; the message names both classes
     * @throws ClosedException when the store is closed
     */
    <T> T data(Class<T> type);

    /**
     * Replaces the store's limits (every store starts with {@link StoreLimits#DEFAULT}).
     *
     * @param limits the new limits
     * @throws IllegalStateException inside a host function of this store
     */
    void setLimits(StoreLimits limits);

    /**
     * Sets the fuel left (engines with fuel).
     *
     * @param fuel the fuel, {@code >= 0}
     * @throws IllegalStateException when the engine was made without fuel
     */
    void setFuel(long fuel);

    /**
     * The fuel left (engines with fuel).
     *
     * @return the fuel left
     * @throws IllegalStateException when the engine was made without fuel
     */
    long fuel();

    /**
     * Traps with {@link TrapCode#INTERRUPT} {@code ticks} epoch increments from now (engines with epochs).
     *
     * @param ticks how many increments of the engine's epoch wasm may run for
     * @throws IllegalStateException when the engine was made without epoch interruption
     */
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
     * @param timeout how long wasm may run, {@code >= 0}
     * @throws IllegalStateException when the engine was made without epoch interruption
     * @throws IllegalArgumentException when {@code timeout} is negative
     * @throws ClosedException when this store or its engine is closed (the ticker stops with the engine)
     */
    void setDeadline(java.time.Duration timeout);

    /**
     * A new memory of {@code minimum} 64 KiB pages, growable to {@code maximum} pages if given.
     *
     * @param minimum its size in pages now
     * @param maximum the most pages it may grow to, or empty for no maximum
     * @return the memory
     * @throws ResourceLimitException past a store limit
     */
    Memory newMemory(int minimum, java.util.OptionalInt maximum);

    /**
     * A new global holding {@code initial}.
     *
     * @param initial its value, which gives its type
     * @param mutable whether {@link Global#set} may change it
     * @return the global
     */
    Global newGlobal(Val initial, boolean mutable);

    /**
     * A new table of funcref or externref {@code element}s filled with {@code init}.
     *
     * @param element {@link ValType#FUNCREF} or {@link ValType#EXTERNREF}
     * @param minimum its size in elements now
     * @param maximum the most elements it may grow to, or empty for no maximum
     * @param init the value of every element; null means the null reference
     * @return the table
     * @throws TypeMismatchException when {@code init} is not an {@code element}
     * @throws ResourceLimitException past a store limit
     */
    Table newTable(ValType element, int minimum, java.util.OptionalInt maximum, Val init);

    /**
     * A host function owned by this store (for tables, globals and funcref values).
     *
     * @param type its parameter and result types
     * @param function what it runs
     * @return the function
     */
    Func newFunc(ExternType.Func type, HostFunction function);

    /**
     * A host function owned by this store, typed as {@link Linker#define(String, String, Class,
     * Object)} types one: its wasm type comes from {@code type}'s one abstract method, which may
     * take a {@link Caller} first, and wasm calls it without allocating.
     *
     * @param <F> the interface
     * @param type a public interface with exactly one abstract method, such as {@code IntBinaryOperator}
     * @param function what it runs, a lambda or method reference of {@code type}
     * @return the function
     * @throws IllegalArgumentException when {@code type} is not a public interface with exactly
     *     one abstract method, or that method has another type than {@code Linker.define} takes
     *     (for those, use a {@link HostFunction})
     */
    <F> Func newFunc(Class<F> type, F function);

    /** Frees the store and everything made in it; using them afterwards throws {@link ClosedException}. */
    @Override
    void close();
}
