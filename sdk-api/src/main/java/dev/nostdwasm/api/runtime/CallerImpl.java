package dev.nostdwasm.api.runtime;

import dev.nostdwasm.api.Caller;
import dev.nostdwasm.api.Memory;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

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
    public Optional<Memory> memory(String name) {
        Objects.requireNonNull(name, "name");
        enter();
        NativeRuntime rt = store.rt;
        try (Scratch s = rt.scratch()) {
            byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
            long err = rt.abi.nsw_context_caller_export(ctx, s.bytes(bytes), bytes.length, s.out(0));
            if (err != 0) {
                rt.abi.nsw_error_delete(err);
                return Optional.empty();
            }
            return Optional.ofNullable(store.refs.canonical(s.outLong(0), MemoryImpl.class));
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
