package dev.nostdwasm.api;

import java.util.Optional;

/** An instantiated module; lives as long as its store. */
public interface Instance {

    /** @throws WasmException when there is no function export of that name */
    Func func(String name);

    /** @throws WasmException when there is no memory export of that name */
    Memory memory(String name);

    /** @throws WasmException when there is no global export of that name */
    Global global(String name);

    /** @throws WasmException when there is no table export of that name */
    Table table(String name);

    /** The export's type, if there is an export of that name. */
    Optional<ExternType> exportType(String name);

    /**
     * An implementation of {@code exportsInterface} that calls this instance's function exports:
     * each abstract method calls the export of its name, or of the name its {@link WasmExport}
     * gives, with the Java types {@link Func#typed(Class)} maps. Every method is checked against
     * its export here, once; calls then allocate nothing. Binding the same interface again
     * returns the same object.
     *
     * @throws IllegalArgumentException when {@code exportsInterface} is not a public interface,
     *     or one of its methods has no function export of its name or a signature other than the
     *     export's type (the message names the method, the export and both signatures)
     */
    <T> T bind(Class<T> exportsInterface);
}
