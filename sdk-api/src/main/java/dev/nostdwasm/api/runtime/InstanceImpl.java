package dev.nostdwasm.api.runtime;

import dev.nostdwasm.api.ExportNotFoundException;
import dev.nostdwasm.api.ExportType;
import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.Func;
import dev.nostdwasm.api.Global;
import dev.nostdwasm.api.Instance;
import dev.nostdwasm.api.Memory;
import dev.nostdwasm.api.Table;
import dev.nostdwasm.api.WasmExport;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** An instance; each export is looked up once and kept (its handle lives as long as the store). */
final class InstanceImpl implements Instance {

    final StoreImpl store;
    final long handle;
    private final List<ExportType> exports;
    private final Map<String, ExternImpl> cache = new HashMap<>();
    // bind(Class) by interface, made once (used inside the store only, like cache).
    private final Map<Class<?>, Object> bound = new HashMap<>();

    InstanceImpl(StoreImpl store, long handle, List<ExportType> exports) {
        this.store = store;
        this.handle = handle;
        this.exports = exports;
    }

    @Override
    public Func func(String name) {
        return export(name, ExternType.Func.class, FuncImpl.class);
    }

    @Override
    public Memory memory(String name) {
        return export(name, ExternType.Memory.class, MemoryImpl.class);
    }

    @Override
    public Global global(String name) {
        return export(name, ExternType.Global.class, GlobalImpl.class);
    }

    @Override
    public Table table(String name) {
        return export(name, ExternType.Table.class, TableImpl.class);
    }

    @Override
    public Optional<ExternType> exportType(String name) {
        Objects.requireNonNull(name, "name");
        store.checkOpen();
        return exports.stream().filter(e -> e.name().equals(name)).map(ExportType::type).findFirst();
    }

    @Override
    public <T> T bind(Class<T> exportsInterface) {
        Objects.requireNonNull(exportsInterface, "exportsInterface");
        store.enter();
        try {
            Object b = bound.get(exportsInterface);
            if (b == null) {
                List<Method> methods = JavaSignature.abstractMethods(exportsInterface);
                List<MethodHandle> calls = new ArrayList<>();
                for (Method m : methods) {
                    calls.add(exportCall(m));
                }
                b = HandleProxy.implement(exportsInterface, methods, calls);
                bound.put(exportsInterface, b);
            }
            return exportsInterface.cast(b);
        } finally {
            store.exit();
        }
    }

    /** The typed call of the export {@code method} is bound to, checked against its type. */
    private MethodHandle exportCall(Method method) {
        WasmExport rename = method.getAnnotation(WasmExport.class);
        String name = rename == null ? method.getName() : rename.value();
        String fix = rename == null ? "name the export with @WasmExport on the method" : "correct its @WasmExport";
        ExternType type = exportType(name).orElseThrow(() -> new ExportNotFoundException(JavaSignature.describe(method)
                + " calls export '" + name + "', which this instance does not have; its function exports are "
                + exports.stream().filter(x -> x.type() instanceof ExternType.Func)
                        .map(x -> "'" + x.name() + "' " + Types.describe((ExternType.Func) x.type()))
                        .collect(Collectors.joining(", ")) + ": " + fix));
        if (!(type instanceof ExternType.Func)) {
            throw new ExportNotFoundException(JavaSignature.describe(method) + " calls export '" + name + "', which is "
                    + Types.kindName(type) + ", not a function: " + fix);
        }
        return export(name, ExternType.Func.class, FuncImpl.class)
                .typedCall(JavaSignature.of(method, false), "export '" + name + "'");
    }

    private <T extends ExternImpl> T export(String name, Class<? extends ExternType> kind, Class<T> impl) {
        Objects.requireNonNull(name, "name");
        store.enter();
        try {
            ExternType type = exportType(name).orElseThrow(() -> new ExportNotFoundException("this instance has no "
                    + "export '" + name + "'; its exports are " + exports.stream().map(x -> "'" + x.name() + "' ("
                    + Types.kindName(x.type()) + ")").collect(Collectors.joining(", "))));
            if (!kind.isInstance(type)) {
                throw new ExportNotFoundException("export '" + name + "' is " + Types.kindName(type) + ", not "
                        + article(impl) + ": ask for it with the Instance method of its kind");
            }
            ExternImpl e = cache.get(name);
            if (e == null) {
                e = open(store, name, impl);
                cache.put(name, e);
            }
            return impl.cast(e);
        } finally {
            store.exit();
        }
    }

    private <T extends ExternImpl> T open(StoreImpl s, String name, Class<T> impl) {
        NativeRuntime rt = s.rt;
        try (Scratch sc = rt.scratch()) {
            byte[] bytes = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            rt.check(rt.abi.nsw_instance_export_get(s.ctx, handle, sc.bytes(bytes), bytes.length, sc.out(0)));
            return impl.cast(wrap(s, s.ownExtern(sc.outLong(0)), impl));
        }
    }

    static ExternImpl wrap(StoreImpl s, long handle, Class<?> impl) {
        if (impl == FuncImpl.class) {
            return new FuncImpl(s, handle);
        } else if (impl == MemoryImpl.class) {
            return new MemoryImpl(s, handle);
        } else if (impl == GlobalImpl.class) {
            return new GlobalImpl(s, handle);
        }
        return new TableImpl(s, handle);
    }

    static String article(Class<?> impl) {
        return impl == FuncImpl.class ? "a function" : impl == MemoryImpl.class ? "a memory"
                : impl == GlobalImpl.class ? "a global" : "a table";
    }

    @Override
    public String toString() {
        return "Instance[" + exports.size() + " exports]";
    }
}
