package dev.nostdwasm.api.runtime;

import dev.nostdwasm.api.Caller;
import dev.nostdwasm.api.ExportNotFoundException;
import dev.nostdwasm.api.Func;
import dev.nostdwasm.api.Global;
import dev.nostdwasm.api.Memory;
import dev.nostdwasm.api.Table;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The Caller of the host calls at one call depth of one store ({@link StoreImpl#enterHostCall}):
 * made the first time a host call runs at that depth and reused by every later one, so a host
 * call allocates nothing for it. Each method enters the store, so another thread is refused
 * while the store is in use, and then checks that a host call at its depth is the innermost one
 * running: outside any host call, or while a nested host call runs, it is refused. Being one
 * object per depth, a Caller kept past its call serves the next host call at that depth of the
 * same store on the same thread, which {@link Caller} documents.
 */
final class CallerImpl implements Caller {

    private final StoreImpl store;
    // The store's host-call depth whose calls this serves: 1 for a host call made from a call
    // into wasm, 2 for one made from wasm that host call called, and so on.
    private final int depth;
    // The caller context of the host call this serves now, or of the last one at its depth.
    long ctx;
    // The last name asked for and its UTF-8 bytes: host functions ask for the same export (say
    // "memory") on every call, and encoding it would allocate every time.
    private String lastName;
    private byte[] lastNameBytes;

    CallerImpl(StoreImpl store, int depth) {
        this.store = store;
        this.depth = depth;
    }

    /** Enters the store and checks this caller is usable; pair with {@code store.exit()}. */
    private void enter() {
        store.enter();
        if (store.hostCallDepth() != depth) {
            store.exit();
            throw new IllegalStateException("a Caller is valid only during the host call it was given to, on the "
                    + "thread that made it, and not inside a nested host call; use the Caller of the current call");
        }
    }

    @Override
    public Func func(String name) {
        return export(name, FuncImpl.class);
    }

    @Override
    public Memory memory(String name) {
        return export(name, MemoryImpl.class);
    }

    @Override
    public Global global(String name) {
        return export(name, GlobalImpl.class);
    }

    @Override
    public Table table(String name) {
        return export(name, TableImpl.class);
    }

    /** The caller's export {@code name} as the one object of the store for it, or a clear error. */
    private <T extends ExternImpl> T export(String name, Class<T> impl) {
        Objects.requireNonNull(name, "name");
        enter();
        try {
            NativeRuntime rt = store.rt;
            byte[] bytes = utf8(name);
            long handle;
            // The scratch is given back before canonical borrows one: a second borrow at once
            // would allocate a fresh scratch.
            try (Scratch s = rt.scratch()) {
                long err = rt.abi.nsw_context_caller_export(ctx, s.bytes(bytes), bytes.length, s.out(0));
                if (err != 0) {
                    rt.abi.nsw_error_delete(err);
                    throw new ExportNotFoundException("the calling instance has no export '" + name + "': check the "
                            + "name against the exports of every module that imports this host function");
                }
                handle = s.outLong(0);
            }
            T export = store.refs.canonical(handle, impl);
            if (export == null) {
                throw new ExportNotFoundException("the calling instance's export '" + name + "' is not "
                        + InstanceImpl.article(impl) + ": ask for it with the Caller method of its kind");
            }
            return export;
        } finally {
            store.exit();
        }
    }

    private byte[] utf8(String name) {
        if (!name.equals(lastName)) {
            lastNameBytes = name.getBytes(StandardCharsets.UTF_8);
            lastName = name;
        }
        return lastNameBytes;
    }

    @Override
    public Object data() {
        enter();
        try {
            return store.data;
        } finally {
            store.exit();
        }
    }

    @Override
    public <T> T data(Class<T> type) {
        enter();
        try {
            return store.data(type);
        } finally {
            store.exit();
        }
    }

    @Override
    public long fuel() {
        enter();
        try {
            return store.fuel();
        } finally {
            store.exit();
        }
    }
}
