package dev.nostdwasm.api.runtime;

import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.Global;
import dev.nostdwasm.api.Val;
import dev.nostdwasm.api.ImmutableGlobalException;
import dev.nostdwasm.api.TypeMismatchException;
import java.nio.ByteBuffer;
import java.util.Objects;

/** A global, read and written through one slot of the store's buffer. */
final class GlobalImpl extends ExternImpl implements Global {

    GlobalImpl(StoreImpl store, long handle) {
        super(store, handle);
    }

    @Override
    public ExternType.Global type() {
        return (ExternType.Global) externType;
    }

    @Override
    public Val get() {
        enter();
        try {
            ByteBuffer slot = store.confinement.slots(1);
            rt.check(rt.abi.nsw_global_get(store.ctx, handle, store.confinement.slotsAddress()));
            return Values.read(store, slot, 0, type().content());
        } finally {
            exit();
        }
    }

    @Override
    public void set(Val value) {
        Objects.requireNonNull(value, "value");
        if (!type().mutable()) {
            throw new ImmutableGlobalException("this global is immutable (declared without mut): WebAssembly lets "
                    + "nobody set it; declare it (mut ...) in the module, or keep the value elsewhere");
        }
        if (value.type() != type().content()) {
            throw new TypeMismatchException("this global holds " + type().content() + ", not " + value.type());
        }
        enter();
        int mark = store.refs.tempMark();
        try {
            ByteBuffer slot = store.confinement.slots(1);
            Values.write(store, slot, 0, value);
            rt.check(rt.abi.nsw_global_set(store.ctx, handle, store.confinement.slotsAddress()));
        } finally {
            store.refs.releaseTemps(mark);
            exit();
        }
    }

    @Override
    public String toString() {
        return "Global" + type();
    }
}
