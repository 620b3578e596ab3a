package dev.nostdwasm.api.runtime;

import dev.nostdwasm.api.abi.NativeAbi;
import dev.nostdwasm.api.abi.NswConstants;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Native memory for out-pointers and input bytes of one C call. Each thread reuses one buffer;
 * a call made while it is borrowed (from a host function, say) gets a fresh one, so nested
 * calls never overwrite each other's results.
 *
 * <p>Layout: eight 8-byte out slots at {@link #out(int)}, an {@code nsw_extern_type_t}
 * at {@link #TYPE}, then room for input bytes.
 */
final class Scratch implements AutoCloseable {

    static final int TYPE = 8 * 8;
    private static final int BYTES = TYPE + NswConstants.SIZEOF_NSW_EXTERN_TYPE_T;
    private static final int SIZE = 4096;

    private final NativeAbi abi;
    final ByteBuffer buffer;
    final long address;
    private boolean borrowed;
    private int used;
    // Inputs too big for the buffer; kept reachable until the call returns.
    private ByteBuffer[] extra;

    private Scratch(NativeAbi abi) {
        this.abi = abi;
        this.buffer = ByteBuffer.allocateDirect(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        this.address = abi.address(buffer);
    }

    static ThreadLocal<Scratch> perThread(NativeAbi abi) {
        return ThreadLocal.withInitial(() -> new Scratch(abi));
    }

    static Scratch acquire(ThreadLocal<Scratch> perThread, NativeAbi abi) {
        Scratch s = perThread.get();
        if (s.borrowed) {
            s = new Scratch(abi);
        }
        s.borrowed = true;
        s.used = BYTES;
        return s;
    }

    /** The address of out slot {@code i} (zeroed). */
    long out(int i) {
        buffer.putLong(i * 8, 0);
        return address + i * 8L;
    }

    long outLong(int i) {
        return buffer.getLong(i * 8);
    }

    int outInt(int i) {
        return buffer.getInt(i * 8);
    }

    boolean outBool(int i) {
        return buffer.get(i * 8) != 0;
    }

    /** Copies {@code bytes} into native memory and returns their address. */
    long bytes(byte[] bytes) {
        if (bytes.length <= SIZE - used) {
            buffer.put(used, bytes);
            long at = address + used;
            used += (bytes.length + 7) & ~7;
            return at;
        }
        ByteBuffer big = ByteBuffer.allocateDirect(Math.max(bytes.length, 1));
        big.put(0, bytes);
        extra = extra == null ? new ByteBuffer[] {big} : append(extra, big);
        return abi.address(big);
    }

    private static ByteBuffer[] append(ByteBuffer[] a, ByteBuffer b) {
        ByteBuffer[] r = java.util.Arrays.copyOf(a, a.length + 1);
        r[a.length] = b;
        return r;
    }

    @Override
    public void close() {
        borrowed = false;
        extra = null;
    }
}
