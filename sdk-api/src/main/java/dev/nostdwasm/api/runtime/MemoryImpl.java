package dev.nostdwasm.api.runtime;

import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.Memory;
import dev.nostdwasm.api.MemoryAccessException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;
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
    private long checkedSize;

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
    public void read(long address, byte[] dst, int dstOffset, int length) {
        Objects.checkFromIndexSize(dstOffset, length, Objects.requireNonNull(dst, "dst").length);
        enter();
        try {
            checked(address, length).get(checkedIndex, dst, dstOffset, length);
        } finally {
            exit();
        }
    }

    @Override
    public void write(long address, byte[] src, int srcOffset, int length) {
        Objects.checkFromIndexSize(srcOffset, length, Objects.requireNonNull(src, "src").length);
        enter();
        try {
            checked(address, length).put(checkedIndex, src, srcOffset, length);
        } finally {
            exit();
        }
    }

    @Override
    public void read(long address, ByteBuffer dst) {
        if (Objects.requireNonNull(dst, "dst").isReadOnly()) {
            throw new ReadOnlyBufferException();
        }
        int length = dst.remaining();
        enter();
        try {
            dst.put(dst.position(), checked(address, length), checkedIndex, length);
            dst.position(dst.position() + length);
        } finally {
            exit();
        }
    }

    @Override
    public void write(long address, ByteBuffer src) {
        int length = Objects.requireNonNull(src, "src").remaining();
        enter();
        try {
            checked(address, length).put(checkedIndex, src, src.position(), length);
            src.position(src.position() + length);
        } finally {
            exit();
        }
    }

    @Override
    public void read(long address, short[] dst, int dstOffset, int length) {
        Objects.checkFromIndexSize(dstOffset, length, Objects.requireNonNull(dst, "dst").length);
        enter();
        try {
            ByteBuffer b = checked(address, (long) length * Short.BYTES);
            for (int i = 0, at = checkedIndex; i < length; i++, at += Short.BYTES) {
                dst[dstOffset + i] = b.getShort(at);
            }
        } finally {
            exit();
        }
    }

    @Override
    public void write(long address, short[] src, int srcOffset, int length) {
        Objects.checkFromIndexSize(srcOffset, length, Objects.requireNonNull(src, "src").length);
        enter();
        try {
            ByteBuffer b = checked(address, (long) length * Short.BYTES);
            for (int i = 0, at = checkedIndex; i < length; i++, at += Short.BYTES) {
                b.putShort(at, src[srcOffset + i]);
            }
        } finally {
            exit();
        }
    }

    @Override
    public void read(long address, int[] dst, int dstOffset, int length) {
        Objects.checkFromIndexSize(dstOffset, length, Objects.requireNonNull(dst, "dst").length);
        enter();
        try {
            ByteBuffer b = checked(address, (long) length * Integer.BYTES);
            for (int i = 0, at = checkedIndex; i < length; i++, at += Integer.BYTES) {
                dst[dstOffset + i] = b.getInt(at);
            }
        } finally {
            exit();
        }
    }

    @Override
    public void write(long address, int[] src, int srcOffset, int length) {
        Objects.checkFromIndexSize(srcOffset, length, Objects.requireNonNull(src, "src").length);
        enter();
        try {
            ByteBuffer b = checked(address, (long) length * Integer.BYTES);
            for (int i = 0, at = checkedIndex; i < length; i++, at += Integer.BYTES) {
                b.putInt(at, src[srcOffset + i]);
            }
        } finally {
            exit();
        }
    }

    @Override
    public void read(long address, long[] dst, int dstOffset, int length) {
        Objects.checkFromIndexSize(dstOffset, length, Objects.requireNonNull(dst, "dst").length);
        enter();
        try {
            ByteBuffer b = checked(address, (long) length * Long.BYTES);
            for (int i = 0, at = checkedIndex; i < length; i++, at += Long.BYTES) {
                dst[dstOffset + i] = b.getLong(at);
            }
        } finally {
            exit();
        }
    }

    @Override
    public void write(long address, long[] src, int srcOffset, int length) {
        Objects.checkFromIndexSize(srcOffset, length, Objects.requireNonNull(src, "src").length);
        enter();
        try {
            ByteBuffer b = checked(address, (long) length * Long.BYTES);
            for (int i = 0, at = checkedIndex; i < length; i++, at += Long.BYTES) {
                b.putLong(at, src[srcOffset + i]);
            }
        } finally {
            exit();
        }
    }

    @Override
    public void read(long address, float[] dst, int dstOffset, int length) {
        Objects.checkFromIndexSize(dstOffset, length, Objects.requireNonNull(dst, "dst").length);
        enter();
        try {
            ByteBuffer b = checked(address, (long) length * Float.BYTES);
            for (int i = 0, at = checkedIndex; i < length; i++, at += Float.BYTES) {
                dst[dstOffset + i] = b.getFloat(at);
            }
        } finally {
            exit();
        }
    }

    @Override
    public void write(long address, float[] src, int srcOffset, int length) {
        Objects.checkFromIndexSize(srcOffset, length, Objects.requireNonNull(src, "src").length);
        enter();
        try {
            ByteBuffer b = checked(address, (long) length * Float.BYTES);
            for (int i = 0, at = checkedIndex; i < length; i++, at += Float.BYTES) {
                b.putFloat(at, src[srcOffset + i]);
            }
        } finally {
            exit();
        }
    }

    @Override
    public void read(long address, double[] dst, int dstOffset, int length) {
        Objects.checkFromIndexSize(dstOffset, length, Objects.requireNonNull(dst, "dst").length);
        enter();
        try {
            ByteBuffer b = checked(address, (long) length * Double.BYTES);
            for (int i = 0, at = checkedIndex; i < length; i++, at += Double.BYTES) {
                dst[dstOffset + i] = b.getDouble(at);
            }
        } finally {
            exit();
        }
    }

    @Override
    public void write(long address, double[] src, int srcOffset, int length) {
        Objects.checkFromIndexSize(srcOffset, length, Objects.requireNonNull(src, "src").length);
        enter();
        try {
            ByteBuffer b = checked(address, (long) length * Double.BYTES);
            for (int i = 0, at = checkedIndex; i < length; i++, at += Double.BYTES) {
                b.putDouble(at, src[srcOffset + i]);
            }
        } finally {
            exit();
        }
    }

    @Override
    public byte readByte(long address) {
        enter();
        try {
            return checked(address, Byte.BYTES).get(checkedIndex);
        } finally {
            exit();
        }
    }

    @Override
    public void writeByte(long address, byte value) {
        enter();
        try {
            checked(address, Byte.BYTES).put(checkedIndex, value);
        } finally {
            exit();
        }
    }

    @Override
    public short readShort(long address) {
        enter();
        try {
            return checked(address, Short.BYTES).getShort(checkedIndex);
        } finally {
            exit();
        }
    }

    @Override
    public void writeShort(long address, short value) {
        enter();
        try {
            checked(address, Short.BYTES).putShort(checkedIndex, value);
        } finally {
            exit();
        }
    }

    @Override
    public int readInt(long address) {
        enter();
        try {
            return checked(address, Integer.BYTES).getInt(checkedIndex);
        } finally {
            exit();
        }
    }

    @Override
    public void writeInt(long address, int value) {
        enter();
        try {
            checked(address, Integer.BYTES).putInt(checkedIndex, value);
        } finally {
            exit();
        }
    }

    @Override
    public long readLong(long address) {
        enter();
        try {
            return checked(address, Long.BYTES).getLong(checkedIndex);
        } finally {
            exit();
        }
    }

    @Override
    public void writeLong(long address, long value) {
        enter();
        try {
            checked(address, Long.BYTES).putLong(checkedIndex, value);
        } finally {
            exit();
        }
    }

    @Override
    public float readFloat(long address) {
        enter();
        try {
            return checked(address, Float.BYTES).getFloat(checkedIndex);
        } finally {
            exit();
        }
    }

    @Override
    public void writeFloat(long address, float value) {
        enter();
        try {
            checked(address, Float.BYTES).putFloat(checkedIndex, value);
        } finally {
            exit();
        }
    }

    @Override
    public double readDouble(long address) {
        enter();
        try {
            return checked(address, Double.BYTES).getDouble(checkedIndex);
        } finally {
            exit();
        }
    }

    @Override
    public void writeDouble(long address, double value) {
        enter();
        try {
            checked(address, Double.BYTES).putDouble(checkedIndex, value);
        } finally {
            exit();
        }
    }

    @Override
    public String readString(long address, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("a string's length is >= 0 bytes, not " + length);
        }
        byte[] bytes = new byte[length];
        read(address, bytes, 0, length);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public String readCString(long address, int maxLength) {
        if (maxLength < 0) {
            throw new IllegalArgumentException("a string's maximum length is >= 0 bytes, not " + maxLength);
        }
        enter();
        try {
            checked(address, 0);
            // Its NUL may be the byte after maxLength bytes.
            long scan = Math.min(maxLength + 1L, checkedSize - address);
            ByteBuffer b = checked(address, scan);
            int from = checkedIndex;
            for (int at = from, end = (int) (from + scan); at < end; at++) {
                if (b.get(at) == 0) {
                    byte[] bytes = new byte[at - from];
                    b.get(from, bytes);
                    return new String(bytes, StandardCharsets.UTF_8);
                }
            }
            String problem = scan > maxLength
                    ? "has no NUL within " + maxLength + " bytes: pass a larger maxLength if the string may be longer, "
                            + "or check that the guest terminates it"
                    : "runs to the end of this memory of " + checkedSize + " bytes without a NUL: check the "
                            + "address, and that the guest terminates the string";
            throw new MemoryAccessException("the string at address " + address + " " + problem, address, maxLength,
                    checkedSize);
        } finally {
            exit();
        }
    }

    @Override
    public int writeString(long address, String value) {
        return encode(address, Objects.requireNonNull(value, "value"), false);
    }

    @Override
    public int writeCString(long address, String value) {
        int nul = Objects.requireNonNull(value, "value").indexOf('\0');
        if (nul >= 0) {
            throw new IllegalArgumentException("this string has a NUL character at index " + nul + ", where a "
                    + "reader of the C string would stop: remove it, or write the string with writeString and its length");
        }
        return encode(address, value, true);
    }

    /** Writes {@code value} as UTF-8 (then a NUL if {@code terminate}) and returns the bytes written. */
    private int encode(long address, String value, boolean terminate) {
        long length = Utf8.length(value) + (terminate ? 1 : 0);
        if (length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("this string has " + length + " bytes in UTF-8, more than one "
                    + "write takes (" + Integer.MAX_VALUE + "): write it in parts");
        }
        enter();
        try {
            ByteBuffer b = checked(address, length);
            Utf8.encode(value, b, checkedIndex);
            if (terminate) {
                b.put((int) (checkedIndex + length - 1), (byte) 0);
            }
            return (int) length;
        } finally {
            exit();
        }
    }

    /**
     * Checks {@code length} bytes at {@code address} against the current size, before leaving the
     * store (nothing can grow the memory meanwhile), and returns a little-endian buffer over them
     * starting at index {@link #checkedIndex}; the size is left in {@link #checkedSize}. That is
     * one view of the whole memory, reused until the memory moves or grows: a buffer per access
     * cost more than copying a few KiB (with JNI it is a native call).
     */
    private ByteBuffer checked(long address, long length) {
        try (Scratch s = rt.scratch()) {
            data(s);
            long base = s.outLong(0);
            long size = s.outLong(1);
            checkedSize = size;
            if (address < 0 || length > size || address > size - length) {
                throw new MemoryAccessException(length + " bytes at address " + address + " are not all inside "
                        + "this memory of " + size + " bytes: pass an address in 0.." + (size - length) + ", or grow "
                        + "the memory first", address, length, size);
            }
            if (size > Integer.MAX_VALUE) {
                checkedIndex = 0;
                return rt.abi.view(base + address, length).order(ByteOrder.LITTLE_ENDIAN);
            }
            if (whole == null || wholeBase != base || whole.capacity() != size) {
                whole = rt.abi.view(base, size).order(ByteOrder.LITTLE_ENDIAN);
                wholeBase = base;
            }
            checkedIndex = (int) address;
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
