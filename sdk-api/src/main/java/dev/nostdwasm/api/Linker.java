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
     * Instantiates {@code module} in {@code store}.
     *
     * @throws LinkException for an unresolved or mistyped import
     * @throws WasmTrapException when the start function traps
     * @throws ResourceLimitException when the store's limits refuse it
     */
    Instance instantiate(Store store, Module module);

    @Override
    void close();
}
