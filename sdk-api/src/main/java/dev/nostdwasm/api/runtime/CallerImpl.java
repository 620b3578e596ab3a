package dev.nostdwasm.api.runtime;

import dev.nostdwasm.api.Caller;
import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.Memory;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/** The calling instance of one host call; refuses use once the call returned. */
final class CallerImpl implements Caller {

    private final StoreImpl store;
    private final long ctx;
    private boolean valid = true;

    CallerImpl(StoreImpl store, long ctx) {
        this.store = store;
        this.ctx = ctx;
    }

    void invalidate() {
        valid = false;
    }

    private void check() {
        if (!valid) {
            throw new IllegalStateException("a Caller is valid only during the host call it was given to");
        }
    }

    @Override
    public Optional<Memory> memory(String name) {
        Objects.requireNonNull(name, "name");
        check();
        NativeRuntime rt = store.rt;
        try (Scratch s = rt.scratch()) {
            byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
            long err = rt.abi.nsw_context_caller_export(ctx, s.bytes(bytes), bytes.length, s.out(0));
            if (err != 0) {
                rt.abi.nsw_error_delete(err);
                return Optional.empty();
            }
            MemoryImpl memory = new MemoryImpl(store, store.ownExtern(s.outLong(0)));
            return memory.externType instanceof ExternType.Memory ? Optional.of(memory) : Optional.empty();
        }
    }

    @Override
    public long fuel() {
        check();
        return store.fuel();
    }
}
