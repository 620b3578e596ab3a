package dev.nostdwasm.api.runtime;

import dev.nostdwasm.api.ClosedException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Which thread may use a store now, and the native slot buffers of its calls. Every operation
 * on a store or on what it owns {@linkplain #enter() enters} it; a second thread entering while
 * the first is inside is refused. Nested entries from the same thread (a host function calling
 * wasm) are allowed and counted: the count is the call depth, and the slot buffers are kept per
 * depth so that nested calls never share one.
 */
final class Confinement {

    private static final VarHandle OWNER;
    private static final int SLOTS = 8;
    private static final int VIEWS_PER_DEPTH = 8;

    static {
        try {
            OWNER = MethodHandles.lookup().findVarHandle(Confinement.class, "owner", Thread.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final NativeRuntime rt;
    private final StoreState state;
    private volatile Thread owner;
    private int depth;
    // Slot buffers by call depth.
    private ByteBuffer[] slotBuffers = new ByteBuffer[2];
    private long[] slotAddresses = new long[2];
    // Views of host callbacks' slots, VIEWS_PER_DEPTH per call depth (see hostSlots).
    private ByteBuffer[] hostViews = new ByteBuffer[2 * VIEWS_PER_DEPTH];
    private long[] hostViewAddresses = new long[2 * VIEWS_PER_DEPTH];
    private int[] nextHostView = new int[2];

    Confinement(NativeRuntime rt, StoreState state) {
        this.rt = rt;
        this.state = state;
    }

    void enter() {
        Thread me = Thread.currentThread();
        if (owner == me) {
            depth++;
            return;
        }
        if (!OWNER.compareAndSet(this, null, me)) {
            throw busy();
        }
        if (state.freed) {
            owner = null;
            throw new ClosedException("store");
        }
        depth = 1;
    }

    void exit() {
        if (--depth == 0) {
            // A release store is all that handing the store over needs (the next owner's CAS
            // acquires): on x86 it is a plain store, where a volatile write adds a full fence
            // to every call.
            OWNER.setRelease(this, null);
        }
    }

    /**
     * Runs {@code action} as the only user of the store, from outside any call into it: what
     * closing needs, so that no other thread is inside while the native store is freed.
     */
    void runOutside(Runnable action) {
        Thread me = Thread.currentThread();
        if (owner == me) {
            throw new IllegalStateException("a store cannot be closed from inside a call into it (a host "
                    + "function): close it once the call returned");
        }
        if (!OWNER.compareAndSet(this, null, me)) {
            throw busy();
        }
        try {
            action.run();
        } finally {
            owner = null;
        }
    }

    private IllegalStateException busy() {
        Thread other = owner;
        return new IllegalStateException("this store is in use by thread '" + (other == null ? "?" : other.getName())
                + "': a store and everything made in it are used by one thread at a time; give each thread its "
                + "own store (engines and modules may be shared)");
    }

    /** The slot buffer for a call at the current depth, with room for {@code count} slots. */
    ByteBuffer slots(int count) {
        int d = depth;
        if (d >= slotBuffers.length) {
            slotBuffers = Arrays.copyOf(slotBuffers, d * 2);
            slotAddresses = Arrays.copyOf(slotAddresses, d * 2);
        }
        ByteBuffer b = slotBuffers[d];
        if (b == null || b.capacity() < count * Values.SLOT) {
            b = ByteBuffer.allocateDirect(Math.max(count, SLOTS) * Values.SLOT).order(ByteOrder.LITTLE_ENDIAN);
            slotBuffers[d] = b;
            slotAddresses[d] = rt.abi.address(b);
        }
        return b;
    }

    /** The address of the buffer {@link #slots(int)} returned last at this depth. */
    long slotsAddress() {
        return slotAddresses[depth];
    }

    /**
     * A little-endian view of the {@code count} slots at {@code address} that a host callback was
     * given. Wasmtime passes the same stack address to every host call made from the same place,
     * so the views of the last {@value #VIEWS_PER_DEPTH} places at this depth are kept and reused:
     * making one is an allocation (FFM) or a native call (JNI) on every host call otherwise, and
     * a loop calling a few imports alternates between their places.
     */
    ByteBuffer hostSlots(long address, long count) {
        int d = depth;
        if ((d + 1) * VIEWS_PER_DEPTH > hostViews.length) {
            hostViews = Arrays.copyOf(hostViews, (d * 2 + 1) * VIEWS_PER_DEPTH);
            hostViewAddresses = Arrays.copyOf(hostViewAddresses, (d * 2 + 1) * VIEWS_PER_DEPTH);
            nextHostView = Arrays.copyOf(nextHostView, d * 2 + 1);
        }
        long bytes = count * Values.SLOT;
        int first = d * VIEWS_PER_DEPTH;
        for (int i = first; i < first + VIEWS_PER_DEPTH; i++) {
            ByteBuffer b = hostViews[i];
            if (b != null && hostViewAddresses[i] == address && b.capacity() == bytes) {
                return b;
            }
        }
        int replaced = first + nextHostView[d]; // the oldest, round robin
        nextHostView[d] = (nextHostView[d] + 1) % VIEWS_PER_DEPTH;
        ByteBuffer b = rt.abi.view(address, bytes).order(ByteOrder.LITTLE_ENDIAN);
        hostViews[replaced] = b;
        hostViewAddresses[replaced] = address;
        return b;
    }
}
