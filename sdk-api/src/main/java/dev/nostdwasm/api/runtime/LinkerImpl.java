package dev.nostdwasm.api.runtime;

import dev.nostdwasm.api.Extern;
import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.HostExport;
import dev.nostdwasm.api.HostFunction;
import dev.nostdwasm.api.Instance;
import dev.nostdwasm.api.Linker;
import dev.nostdwasm.api.WasmModule;
import dev.nostdwasm.api.Store;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A linker. Definitions change it and need it alone; instantiations only read it, while they
 * resolve imports, and may run on many threads at once (each in its own store). Guest code (the
 * start function) runs after the lock is released, so its host functions may change the linker.
 */
final class LinkerImpl implements Linker {

    private final NativeRuntime rt;
    private final EngineImpl engine;
    private final long handle;
    private final Lifetime lifetime;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    LinkerImpl(NativeRuntime rt, EngineImpl engine, long handle) {
        this.rt = rt;
        this.engine = engine;
        this.handle = handle;
        var abi = rt.abi;
        this.lifetime = new Lifetime("linker", () -> abi.nsw_linker_delete(handle));
        NativeRuntime.CLEANER.register(this, lifetime::close);
    }

    @Override
    public Linker define(String module, String name, ExternType.Func type, HostFunction function) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(function, "function");
        return defineFunc(module, name, type, () -> rt.hostCalls.register(module + "." + name, type, function));
    }

    @Override
    public <F> Linker define(String module, String name, Class<F> type, F function) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(function, "function");
        JavaSignature signature = JavaSignature.of(JavaSignature.functionalMethod(type), true);
        return defineTyped(module, name, signature, SlotHandles.functionTarget(signature, function));
    }

    @Override
    public Linker defineAll(String module, Object host) {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(host, "host");
        // Everything is checked before anything is defined, so a refusal leaves the linker as it was.
        Map<String, Method> byName = new HashMap<>();
        List<JavaSignature> signatures = new ArrayList<>();
        List<MethodHandle> targets = new ArrayList<>();
        for (Class<?> c = host.getClass(); c != null; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                HostExport export = m.getAnnotation(HostExport.class);
                if (export == null) {
                    continue;
                }
                String name = export.value().isEmpty() ? m.getName() : export.value();
                Method other = byName.putIfAbsent(name, m);
                if (other != null) {
                    throw new IllegalArgumentException(JavaSignature.describe(m) + " and " + JavaSignature.describe(other)
                            + " are both exported as '" + name + "': give one another name with @HostExport(\"...\")");
                }
                signatures.add(JavaSignature.of(m, true));
                targets.add(hostMethod(m, host));
            }
        }
        if (byName.isEmpty()) {
            throw new IllegalArgumentException(host.getClass().getName() + " has no method annotated @HostExport: "
                    + "annotate the methods wasm imports");
        }
        for (int i = 0; i < signatures.size(); i++) {
            Method m = signatures.get(i).method();
            HostExport export = m.getAnnotation(HostExport.class);
            defineTyped(module, export.value().isEmpty() ? m.getName() : export.value(), signatures.get(i), targets.get(i));
        }
        return this;
    }

    /** {@code m} as a handle, bound to {@code host} unless static. */
    private static MethodHandle hostMethod(Method m, Object host) {
        if (!m.trySetAccessible()) {
            throw new IllegalArgumentException(JavaSignature.describe(m) + " is not accessible to dev.nostdwasm.api: "
                    + "make it public in a public class of an exported package, or open its package to "
                    + "dev.nostdwasm.api");
        }
        try {
            MethodHandle h = MethodHandles.lookup().unreflect(m);
            return Modifier.isStatic(m.getModifiers()) ? h : h.bindTo(host);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("accessible, yet not reachable: " + m, e); // trySetAccessible said yes
        }
    }

    private Linker defineTyped(String module, String name, JavaSignature signature, MethodHandle target) {
        MethodHandle call = SlotHandles.hostCall(target, signature);
        return defineFunc(module, name, signature.wasmType(),
                () -> rt.hostCalls.registerTyped(module + "." + name, signature, call));
    }

    /** Defines a host function of {@code type} whose id {@code register} makes. */
    private Linker defineFunc(String module, String name, ExternType.Func type, LongSupplier register) {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(name, "name");
        byte[] params = Types.codes(type.params());
        byte[] results = Types.codes(type.results());
        byte[] m = utf8(module);
        byte[] n = utf8(name);
        changing(() -> {
            try (Scratch s = rt.scratch()) {
                long env = register.getAsLong();
                rt.check(rt.abi.nsw_linker_define_func(handle, s.bytes(m), m.length, s.bytes(n), n.length,
                        s.bytes(params), params.length, s.bytes(results), results.length, rt.callbackStub, env,
                        rt.finalizerStub));
            }
        });
        return this;
    }

    @Override
    public Linker define(Store store, String module, String name, Extern value) {
        StoreImpl st = store(store);
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(name, "name");
        ExternImpl e = st.owned(value, ExternImpl.class, "extern");
        byte[] m = utf8(module);
        byte[] n = utf8(name);
        changing(() -> {
            st.enter();
            try (Scratch s = rt.scratch()) {
                rt.check(rt.abi.nsw_linker_define(handle, st.ctx, s.bytes(m), m.length, s.bytes(n), n.length,
                        e.handle));
            } finally {
                st.exit();
            }
        });
        return this;
    }

    @Override
    public Linker defineInstance(Store store, String module, Instance instance) {
        StoreImpl st = store(store);
        Objects.requireNonNull(module, "module");
        if (!(Objects.requireNonNull(instance, "instance") instanceof InstanceImpl in) || in.store != st) {
            throw new IllegalArgumentException("this instance belongs to another store");
        }
        byte[] m = utf8(module);
        changing(() -> {
            st.enter();
            try (Scratch s = rt.scratch()) {
                rt.check(rt.abi.nsw_linker_define_instance(handle, st.ctx, s.bytes(m), m.length, in.handle));
            } finally {
                st.exit();
            }
        });
        return this;
    }

    @Override
    public Instance instantiate(Store store, WasmModule module) {
        StoreImpl st = store(store);
        if (!(Objects.requireNonNull(module, "module") instanceof ModuleImpl mod)) {
            throw new IllegalArgumentException("this module was not made by this runtime");
        }
        st.enter();
        int mark = st.refs.tempMark();
        try (Scratch s = rt.scratch()) {
            long pre = resolveImports(st, mod, s);
            try {
                // No linker lock from here on: the start function may call host functions that
                // define names on this linker.
                long err = rt.abi.nsw_instance_pre_instantiate(pre, st.ctx, s.out(0));
                if (err != 0) {
                    throw Errors.toException(st, err);
                }
                return new InstanceImpl(st, st.ownInstance(s.outLong(0)), mod.exports());
            } finally {
                rt.abi.nsw_instance_pre_delete(pre);
            }
        } finally {
            st.state.views.revalidate(st.ctx); // the start function may have moved a memory
            st.refs.releaseTemps(mark);
            st.exit();
        }
    }

    /** Resolves the module's imports from this linker as it is now; runs no wasm. */
    private long resolveImports(StoreImpl st, ModuleImpl mod, Scratch s) {
        lifetime.enter();
        lock.readLock().lock();
        try {
            mod.lifetime.enter();
            try {
                rt.check(rt.abi.nsw_linker_instantiate_pre(handle, st.ctx, mod.handle, s.out(0)));
                return s.outLong(0);
            } finally {
                mod.lifetime.exit();
            }
        } finally {
            lock.readLock().unlock();
            lifetime.exit();
        }
    }

    private StoreImpl store(Store store) {
        if (!(Objects.requireNonNull(store, "store") instanceof StoreImpl st) || st.rt != rt) {
            throw new IllegalArgumentException("this store was not made by this runtime");
        }
        return st;
    }

    private void changing(Runnable change) {
        lifetime.enter();
        lock.writeLock().lock();
        try {
            change.run();
        } finally {
            lock.writeLock().unlock();
            lifetime.exit();
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        lifetime.close();
    }

    @Override
    public String toString() {
        return "Linker" + (lifetime.isClosed() ? "[closed]" : "");
    }

    @Override
    public Linker allowShadowing(boolean allow) {
        changing(() -> rt.check(rt.abi.nsw_linker_allow_shadowing(handle, allow)));
        return this;
    }
}
