package dev.nostdwasm.api.runtime;

import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.Table;
import dev.nostdwasm.api.Val;
import dev.nostdwasm.api.TypeMismatchException;
import dev.nostdwasm.api.WasmException;
import java.nio.ByteBuffer;

/** A table of references; elements cross as reference ids. */
final class TableImpl extends ExternImpl implements Table {

    TableImpl(StoreImpl store, long handle) {
        super(store, handle);
    }

    @Override
    public ExternType.Table type() {
        return (ExternType.Table) externType;
    }

    @Override
    public long size() {
        enter();
        try {
            return currentSize();
        } finally {
            exit();
        }
    }

    private long currentSize() {
        try (Scratch s = rt.scratch()) {
            rt.check(rt.abi.nsw_table_size(store.ctx, handle, s.out(0)));
            return s.outLong(0);
        }
    }

    private void checkIndex(long index) {
        long size = currentSize();
        if (index < 0 || index >= size) {
            throw new WasmException("index " + index + " is outside this table of " + size + " elements");
        }
    }

    @Override
    public Val get(long index) {
        enter();
        try {
            checkIndex(index);
            ByteBuffer slot = store.confinement.slots(1);
            rt.check(rt.abi.nsw_table_get(store.ctx, handle, index, store.confinement.slotsAddress()));
            return Values.read(store, slot, 0, type().element());
        } finally {
            exit();
        }
    }

    @Override
    public void set(long index, Val value) {
        Val v = element(value);
        enter();
        int mark = store.refs.tempMark();
        try {
            checkIndex(index);
            ByteBuffer slot = store.confinement.slots(1);
            Values.write(store, slot, 0, v);
            rt.check(rt.abi.nsw_table_set(store.ctx, handle, index, store.confinement.slotsAddress()));
        } finally {
            store.refs.releaseTemps(mark);
            exit();
        }
    }

    @Override
    public long grow(long delta, Val init) {
        if (delta < 0) {
            throw new IllegalArgumentException("a table grows by >= 0 elements, not " + delta);
        }
        Val v = element(init);
        enter();
        int mark = store.refs.tempMark();
        try (Scratch s = rt.scratch()) {
            ByteBuffer slot = store.confinement.slots(1);
            Values.write(store, slot, 0, v);
            rt.check(rt.abi.nsw_table_grow(store.ctx, handle, delta, store.confinement.slotsAddress(), s.out(0)));
            return s.outLong(0);
        } finally {
            store.refs.releaseTemps(mark);
            exit();
        }
    }

    /** {@code value} checked against the element type; null means the null reference. */
    private Val element(Val value) {
        Val v = value == null ? StoreImpl.nullOf(type().element()) : value;
        if (v.type() != type().element()) {
            throw new TypeMismatchException("this table holds " + type().element() + ", not " + v.type());
        }
        return v;
    }

    @Override
    public String toString() {
        return "Table" + type();
    }
}
