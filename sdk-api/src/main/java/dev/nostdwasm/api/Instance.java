package dev.nostdwasm.api;

import java.util.Optional;

/**
 * An instantiated module; lives as long as its store.
 *
 * <p>Exports are looked up by name and kind: a name that is not an export of that kind throws
 * {@link ExportNotFoundException}, whose message lists the exports there are ({@link Caller}
 * looks up its exports the same way). To ask without throwing, use {@link #exportType}.
 */
public interface Instance {

    /**
     * The function export {@code name}. Asking again returns the same {@link Func}.
     *
     * @param name the export's name
     * @return the function
     * @throws ExportNotFoundException when there is no function export of that name
     */
    Func func(String name);

    /**
     * The memory export {@code name}. Asking again returns the same {@link Memory}.
     *
     * @param name the export's name
     * @return the memory
     * @throws ExportNotFoundException when there is no memory export of that name
     */
    Memory memory(String name);

    /**
     * The global export {@code name}. Asking again returns the same {@link Global}.
     *
     * @param name the export's name
     * @return the global
     * @throws ExportNotFoundException when there is no global export of that name
     */
    Global global(String name);

    /**
     * The table export {@code name}. Asking again returns the same {@link Table}.
     *
     * @param name the export's name
     * @return the table
     * @throws ExportNotFoundException when there is no table export of that name
     */
    Table table(String name);

    /**
     * The type of export {@code name}, if there is one.
     *
     * @param name the export's name
     * @return its type, or empty when the instance has no export of that name
     */
    Optional<ExternType> exportType(String name);

    /**
     * An implementation of {@code exportsInterface} that calls this instance's function exports:
     * each abstract method calls the export of its name, or of the name its {@link WasmExport}
     * gives, with the Java types {@link Func#typed(Class)} maps. Every method is checked against
     * its export here, once; calls then allocate nothing. Binding the same interface again
     * returns the same object.
     *
     * @param <T> the interface's type
     * @param exportsInterface the interface to implement
     * @return the implementation, bound to this instance
     * @throws ExportNotFoundException when one of its methods names no function export (the
     *     message names the method and lists the function exports)
     * @throws IllegalArgumentException when {@code exportsInterface} is not a public interface, or
     *     one of its methods has a signature other than its export's type (the message names the
     *     method, the export and both signatures)
     */
    <T> T bind(Class<T> exportsInterface);
}
