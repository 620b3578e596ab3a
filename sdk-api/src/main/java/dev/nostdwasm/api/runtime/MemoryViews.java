package dev.nostdwasm.api.runtime;

import dev.nostdwasm.api.abi.NativeGlue.ViewScope;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The buffers {@link MemoryImpl#view()} handed out in one store, as one {@link ViewScope} per
 * memory and mapping (base and size). A scope is closed, so that its buffers throw instead of
 * reaching memory that is gone or someone else's, when
 * <ul>
 *   <li>the store is freed, by {@code close()} or by its cleaner ({@link #closeAll()}, before the
 *       native store is deleted);
 *   <li>its memory moved or changed size ({@link #revalidate}): after {@code Memory.grow}, after
 *       every return from wasm and at the start of every host call, the only points where Java
 *       gets control after wasm could have grown a memory. That is one {@code nsw_memory_data}
 *       per live scope; with no live scope it is one field read.
 * </ul>
 * Held by {@link StoreState}, never by the store's objects: a buffer reaches its scope, not the
 * store, so a store whose buffers are still reachable is collected, and its cleaner revokes them.
 */
final class MemoryViews {

    private record Entry(long memory, long base, long size, ViewScope scope) {
    }

    private final NativeRuntime rt;
    private final List<Entry> entries = new ArrayList<>();
    // entries.size(), readable without the lock: written under it, read by the thread that owns
    // the store (which also is the only one adding entries).
    private volatile int live;
    private boolean closed;

    MemoryViews(NativeRuntime rt) {
        this.rt = rt;
    }

    /**
     * A new buffer over memory extern {@code memory}, now at {@code base} with {@code size}
     * bytes, or null when the provider cannot revoke buffers.
     */
    synchronized ByteBuffer view(long memory, long base, long size) {
        if (closed) {
            throw new IllegalStateException("the store of this memory is freed");
        }
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (e.memory == memory) {
                if (e.base == base && e.size == size) {
                    return e.scope.newView();
                }
                e.scope.close(); // moved or resized since: revalidate was not called yet
                remove(i);
                break;
            }
        }
        ViewScope scope = rt.abi.openViewScope(base, size);
        if (scope == null) {
            return null;
        }
        entries.add(new Entry(memory, base, size, scope));
        live = entries.size();
        return scope.newView();
    }

    /**
     * Closes the scopes whose memory is no longer where and as large as it was when the scope was
     * opened, asking through context {@code ctx} (the one valid now); forgets scopes whose buffers
     * are all unreachable. Without live scopes, a field read: it is on the call paths.
     */
    void revalidate(long ctx) {
        if (live != 0) {
            revalidateScopes(ctx);
        }
    }

    private synchronized void revalidateScopes(long ctx) {
        try (Scratch s = rt.scratch()) {
            for (int i = entries.size() - 1; i >= 0; i--) {
                Entry e = entries.get(i);
                if (!e.scope.hasViews()) {
                    remove(i); // nothing left to revoke: no need to close (closing costs a handshake)
                    continue;
                }
                long err = rt.abi.nsw_memory_data(ctx, e.memory, s.out(0), s.out(1));
                if (err != 0) {
                    rt.abi.nsw_error_delete(err);
                } else if (s.outLong(0) == e.base && s.outLong(1) == e.size) {
                    continue;
                }
                e.scope.close();
                remove(i);
            }
        }
    }

    /** Revokes every buffer: called once, before the native store is deleted. */
    synchronized void closeAll() {
        closed = true;
        for (Entry e : entries) {
            if (e.scope.hasViews()) {
                e.scope.close();
            }
        }
        entries.clear();
        live = 0;
    }

    private void remove(int i) {
        entries.remove(i);
        live = entries.size();
    }
}
