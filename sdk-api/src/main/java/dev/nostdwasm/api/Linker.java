package dev.nostdwasm.api;

/** Resolves a module's imports by name. */
public interface Linker extends AutoCloseable {

    /**
     * Defines {@code module}.{@code name} as a host function of {@code type}.
     *
     * @throws LinkException when the name is already defined
     */
    Linker define(String module, String name, ExternType.Func type, HostFunction function);

    /**
     * Defines {@code module}.{@code name} as {@code value}, an extern of {@code store} (a function,
     * memory, global or table made in it or exported by one of its instances). The linker can then
     * only instantiate in that store.
     *
     * @throws LinkException when the name is already defined
     * @throws IllegalArgumentException when {@code value} belongs to another store
     */
    Linker define(Store store, String module, String name, Extern value);

    /**
     * Defines every export of {@code instance} under module name {@code module}.
     *
     * @throws LinkException when a name is already defined
     */
    Linker defineInstance(Store store, String module, Instance instance);

    /**
     * Instantiates {@code module} in {@code store}.
     *
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
