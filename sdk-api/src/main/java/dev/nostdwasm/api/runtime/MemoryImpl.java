package dev.nostdwasm.api.runtime;

import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.Memory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * A linear memory. Its base address moves when it grows, so every access asks for the current
 * base and size first; Java-side accesses are bounds-checked against that size.
 */
final class MemoryImpl extends ExternImpl implements Memory {

    // The buffer checked() uses for memories up to 2 GiB, and the base it was made at; like
    // everything of a store, used by one thread at a time. It never leaves this class, and it is
    // used only inside an operation, after checking that the memory is still at that base with
    // that size, so it cannot be used stale: it is not a view the store has to revoke.
    private ByteBuffer whole;
    private long wholeBase;
    private int checkedIndex;

    MemoryImpl(StoreImpl store, long handle) {
        super(store, handle);
    }

    @Override
    public ExternType.Memory type() {
        return (ExternType.Memory) externType;
    }

    @Override
    public long byteSize() {
        enter();
        try (Scratch s = rt.scratch()) {
            data(s);
            return s.outLong(1);
        } finally {
            exit();
        }
    }

    /** Writes the base to out slot 0 and the size to out slot 1. */
    private void data(Scratch s) {
        rt.check(rt.abi.nsw_memory_data(store.ctx, handle, s.out(0), s.out(1)));
    }

    @Override
    public long pages() {
        enter();
        try (Scratch s = rt.scratch()) {
            rt.check(rt.abi.nsw_memory_size(store.ctx, handle, s.out(0)));
            return s.outLong(0);
        } finally {
            exit();
        }
    }

    @Override
    public long grow(long pages) {
        if (pages < 0) {
            throw new IllegalArgumentException("a memory grows by >= 0 pages, not " + pages);
        }
        enter();
        try (Scratch s = rt.scratch()) {
            rt.check(rt.abi.nsw_memory_grow(store.ctx, handle, pages, s.out(0)));
            long previous = s.outLong(0);
            // Of every memory: another extern (say, a Caller's) may name this one.
            store.state.views.revalidate(store.ctx);
            return previous;
        } finally {
            exit();
        }
    }

    @Override
    public void read(long offset, byte[] dst, int dstOffset, int length) {
        Objects.checkFromIndexSize(dstOffset, length, Objects.requireNonNull(dst, "dst").length);
        enter();
        try {
            checked(offset, length).get(checkedIndex, dst, dstOffset, length);
        } finally {
            exit();
        }
    }

    @Override
    public void write(long offset, byte[] src, int srcOffset, int length) {
        Objects.checkFromIndexSize(srcOffset, length, Objects.requireNonNull(src, "src").length);
        enter();
        try {
            checked(offset, length).put(checkedIndex, src, srcOffset, length);
        } finally {
            exit();
        }
    }

    /**
     * Checks {@code length} bytes at {@code offset} against the current size, before leaving the
     * store (nothing can grow the memory meanwhile), and returns a buffer over them starting at
     * index {@link #checkedIndex}. That is one view of the whole memory, reused until the memory
     * moves or grows: a buffer per access cost more than copying a few KiB (with JNI it is a
     * native call).
     */
    private ByteBuffer checked(long offset, int length) {
        try (Scratch s = rt.scratch()) {
            data(s);
            long base = s.outLong(0);
            long size = s.outLong(1);
            if (offset < 0 || offset > size - length) {
                throw new IndexOutOfBoundsException("bytes " + offset + ".." + (offset + length) + " are outside "
                        + "this memory of " + size + " bytes");
            }
            if (size > Integer.MAX_VALUE) {
                checkedIndex = 0;
                return rt.abi.view(base + offset, length);
            }
            if (whole == null || wholeBase != base || whole.capacity() != size) {
                whole = rt.abi.view(base, size);
                wholeBase = base;
            }
            checkedIndex = (int) offset;
            return whole;
        }
    }

    /** A buffer of a scope {@link MemoryViews} revokes when this memory moves or its store goes. */
    @Override
    public ByteBuffer view() {
        enter();
        try (Scratch s = rt.scratch()) {
            data(s);
            long size = s.outLong(1);
            if (size > Integer.MAX_VALUE) {
                throw new UnsupportedOperationException("this memory has " + size + " bytes, more than a ByteBuffer "
                        + "can view: use read and write");
            }
            ByteBuffer view = store.state.views.view(handle, s.outLong(0), size);
            if (view == null) {
                throw new UnsupportedOperationException("the " + rt.provider() + " provider cannot revoke a "
                        + "ByteBuffer, so a view could outlive its memory: use Memory.read and Memory.write, or "
                        + "the ffm provider (Java 22+) for views");
            }
            return view.order(ByteOrder.LITTLE_ENDIAN);
        } finally {
            exit();
        }
    }

    @Override
    public String toString() {
        return "Memory" + type();
    }
}
