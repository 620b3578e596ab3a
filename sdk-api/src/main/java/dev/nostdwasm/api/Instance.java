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
}
