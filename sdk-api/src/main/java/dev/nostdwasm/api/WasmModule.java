package dev.nostdwasm.api;

import java.util.List;

/** A loaded module. Thread-safe; instantiate it in any number of stores. */
public interface WasmModule extends AutoCloseable {

    /** {@return what the module imports, in its import order (unmodifiable)} */
    List<ImportType> imports();

    /** {@return what the module exports, in its export order (unmodifiable)} */
    List<ExportType> exports();

    @Override
    void close();
}
