package dev.nostdwasm.api;

import java.util.List;

/** A loaded module. Thread-safe; instantiate it in any number of stores. */
public interface WasmModule extends AutoCloseable {

    List<ImportType> imports();

    List<ExportType> exports();

    @Override
    void close();
}
