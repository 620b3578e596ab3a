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
 * The calling instance of one host call. Each method enters the store, so another thread is
 * refused while the store is in use, and then checks that this call is still the innermost one
 * running: its native caller is gone once the call returned, and unusable while a nested host
 * call runs.
 */
final class CallerImpl implements Caller {

    private final StoreImpl store;
    private final long ctx;
    // Written by the thread that owns the store before it releases it, read after entering it:
    // entering acquires what releasing published, so no other synchronization is needed.
    private boolean returned;

    CallerImpl(StoreImpl store, long ctx) {
        this.store = store;
        this.ctx = ctx;
    }

    /** Called by the host call before it returns, while it still holds the store. */
    void invalidate() {
        returned = true;
    }

    /** Enters the store and checks this caller is usable; pair with {@code store.exit()}. */
    private void enter() {
        store.enter();
        if (returned || store.ctx != ctx) {
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
        NativeRuntime rt = store.rt;
        try (Scratch s = rt.scratch()) {
            byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
            long err = rt.abi.nsw_context_caller_export(ctx, s.bytes(bytes), bytes.length, s.out(0));
            if (err != 0) {
                rt.abi.nsw_error_delete(err);
                throw new ExportNotFoundException("the calling instance has no export '" + name + "': check the "
                        + "name against the exports of every module that imports this host function");
            }
            T export = store.refs.canonical(s.outLong(0), impl);
            if (export == null) {
                throw new ExportNotFoundException("the calling instance's export '" + name + "' is not "
                        + InstanceImpl.article(impl) + ": ask for it with the Caller method of its kind");
            }
            return export;
        } finally {
            store.exit();
        }
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
