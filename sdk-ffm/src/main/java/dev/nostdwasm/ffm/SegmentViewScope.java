package dev.nostdwasm.ffm;

import dev.nostdwasm.api.abi.NativeGlue;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;

/**
 * Buffers over native memory that a shared {@link Arena} owns: closing the arena makes every
 * access through them throw {@link IllegalStateException}, on every thread, instead of reaching
 * memory that was unmapped or handed to someone else.
 *
 * <p>The buffers share one segment, held here only weakly: a buffer keeps its segment reachable,
 * so once the segment is gone no buffer is left to revoke, and {@link #hasViews()} lets the
 * runtime forget this scope without the cost of closing a shared arena (a handshake with every
 * thread).
 */
final class SegmentViewScope implements NativeGlue.ViewScope {

    private final Arena arena = Arena.ofShared();
    private final long address;
    private final long length;
    private WeakReference<MemorySegment> segment = new WeakReference<>(null);

    SegmentViewScope(long address, long length) {
        this.address = address;
        this.length = length;
    }

    @Override
    public synchronized ByteBuffer newView() {
        MemorySegment s = segment.get();
        if (s == null) {
            // reinterpret throws IllegalStateException when the arena is closed already
            s = MemorySegment.ofAddress(address).reinterpret(length, arena, null);
            segment = new WeakReference<>(s);
        }
        return s.asByteBuffer();
    }

    @Override
    public synchronized boolean hasViews() {
        return segment.get() != null;
    }

    @Override
    public synchronized void close() {
        while (arena.scope().isAlive()) {
            try {
                arena.close();
            } catch (IllegalStateException inUse) {
                // Another thread holds the arena: it is inside one get or put of a buffer (Java
                // 22 refuses to close then), or it handed a buffer to an I/O operation, which
                // keeps the arena until the operation ends. The memory must stay mapped until
                // then, so wait for it.
                Thread.yield();
            }
        }
    }
}
