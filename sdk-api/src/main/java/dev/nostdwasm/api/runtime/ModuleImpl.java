package dev.nostdwasm.api.runtime;

import dev.nostdwasm.api.ExportType;
import dev.nostdwasm.api.ImportType;
import dev.nostdwasm.api.WasmModule;
import java.util.ArrayList;
import java.util.List;

/** A loaded module; shared across threads. Its imports and exports are read once, at load. */
final class ModuleImpl implements WasmModule {

    final EngineImpl engine;
    final long handle;
    final Lifetime lifetime;
    private final List<ImportType> imports;
    private final List<ExportType> exports;

    ModuleImpl(NativeRuntime rt, EngineImpl engine, long handle) {
        this.engine = engine;
        this.handle = handle;
        var abi = rt.abi;
        this.lifetime = new Lifetime("module", () -> abi.nsw_module_delete(handle));
        NativeRuntime.CLEANER.register(this, lifetime::close);
        try (Scratch s = rt.scratch()) {
            int count = Math.toIntExact(abi.nsw_module_import_count(handle));
            List<ImportType> in = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                rt.check(abi.nsw_module_import(handle, i, s.out(0), s.out(1), s.out(2), s.out(3),
                        s.address + Scratch.TYPE));
                in.add(new ImportType(rt.string(s.outLong(0), s.outLong(1)), rt.string(s.outLong(2), s.outLong(3)),
                        Types.read(rt, s)));
            }
            count = Math.toIntExact(abi.nsw_module_export_count(handle));
            List<ExportType> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                rt.check(abi.nsw_module_export(handle, i, s.out(0), s.out(1), s.address + Scratch.TYPE));
                out.add(new ExportType(rt.string(s.outLong(0), s.outLong(1)), Types.read(rt, s)));
            }
            this.imports = List.copyOf(in);
            this.exports = List.copyOf(out);
        }
    }

    @Override
    public List<ImportType> imports() {
        check();
        return imports;
    }

    @Override
    public List<ExportType> exports() {
        check();
        return exports;
    }

    private void check() {
        lifetime.enter();
        lifetime.exit();
    }

    @Override
    public void close() {
        lifetime.close();
    }

    @Override
    public String toString() {
        return "WasmModule[" + imports.size() + " imports, " + exports.size() + " exports]";
    }
}
