package dev.nostdwasm.api;

/** Resolves a module's imports by name. */
public interface Linker extends AutoCloseable {

    /**
     * Defines {@code module}.{@code name} as a host function of {@code type}.
     *
     * @param module the import's module name
     * @param name the import's name
     * @param type the function's wasm type
     * @param function what runs when wasm calls it
     * @return this linker
     * @throws LinkException when the name is already defined
     */
    Linker define(String module, String name, ExternType.Func type, HostFunction function);

    /**
     * Defines {@code module}.{@code name} as a host function implemented by {@code function}, a
     * lambda or method reference of {@code type}, a public interface with one abstract method.
     * Its wasm type comes from that method: {@code int}, {@code long}, {@code float},
     * {@code double} parameters and result are i32, i64, f32, f64, {@code void} is no result,
     * and a {@link Caller} first parameter receives the calling instance. For example
     * {@code define("env", "mul", IntBinaryOperator.class, (a, b) -> a * b)} defines an
     * {@code (i32, i32) -> i32} function. Wasm calls it without boxing: it allocates nothing per
     * call, with or without a {@code Caller} parameter. An exception it throws traps the wasm
     * call with {@link TrapCode#HOST_EXCEPTION}, that exception as the cause.
     *
     * @param <F> the functional interface
     * @param module the import's module name
     * @param name the import's name
     * @param type the functional interface that gives the wasm type
     * @param function the implementation
     * @return this linker
     * @throws IllegalArgumentException when {@code type} is not a public interface with exactly
     *     one abstract method, or that method has another type than those above or several results
     *     (for those, use a {@link HostFunction})
     * @throws LinkException when the name is already defined
     */
    <F> Linker define(String module, String name, Class<F> type, F function);

    /**
     * Defines a host function under {@code module} for every method of {@code host}'s class (and
     * its superclasses) annotated {@link HostExport}, named by the annotation or else by the
     * method, typed as in {@link #define(String, String, Class, Object)}. Static methods are
     * called without {@code host}. Every method is checked before any is defined.
     *
     * @param module the imports' module name
     * @param host the object whose annotated methods are called
     * @return this linker
     * @throws IllegalArgumentException when there is no such method, two have the same name, one
     *     has a type the typed paths do not carry, or one is not accessible (make it public, or
     *     open its package to {@code dev.nostdwasm.api})
     * @throws LinkException when a name is already defined
     */
    Linker defineAll(String module, Object host);

    /**
     * Defines {@code module}.{@code name} as {@code value}, an extern of {@code store} (a function,
     * memory, global or table made in it or exported by one of its instances). The linker can then
     * only instantiate in that store.
     *
     * @param store the store {@code value} belongs to
     * @param module the import's module name
     * @param name the import's name
     * @param value the function, memory, global or table to import
     * @return this linker
     * @throws LinkException when the name is already defined
     * @throws IllegalArgumentException when {@code value} belongs to another store
     */
    Linker define(Store store, String module, String name, Extern value);

    /**
     * Defines every export of {@code instance} under module name {@code module}.
     *
     * @param store the store {@code instance} belongs to
     * @param module the module name the exports are imported under
     * @param instance the instance whose exports to define
     * @return this linker
     * @throws LinkException when a name is already defined
     */
    Linker defineInstance(Store store, String module, Instance instance);

    /**
     * Instantiates {@code module} in {@code store}.
     *
     * @param store the store the instance lives in
     * @param module the module to instantiate
     * @return the new instance, its start function run
     * @throws LinkException for an unresolved or mistyped import
     * @throws WasmTrapException when the start function traps
     * @throws ResourceLimitException when the store's limits refuse it
     */
    Instance instantiate(Store store, WasmModule module);

    @Override
    void close();

    /**
     * Whether a definition may replace an earlier one of the same module and name (off by
     * default: defining a name twice throws {@link LinkException}). With shadowing on, the later
     * definition wins for instantiations from then on; instances made earlier keep what they got.
     *
     * @param allow true to let later definitions replace earlier ones
     * @return this linker
     * @throws ClosedException when this linker is closed
     */
    Linker allowShadowing(boolean allow);
}
