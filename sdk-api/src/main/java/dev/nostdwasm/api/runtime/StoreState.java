package dev.nostdwasm.api.runtime;

import dev.nostdwasm.api.ResourceLimitException;

/**
 * The native side of a store, apart from {@link StoreImpl} so that the cleaner can free it
 * without keeping the store reachable: the store handle, every extern and instance handle
 * made in it, and the memory views handed out over its memories (revoked before it is freed).
 */
final class StoreState {

    private final NativeRuntime rt;
    final long handle;
    private final long id;
    private long[] externs = new long[16];
    private int externCount;
    private long[] instances = new long[4];
    private int instanceCount;
    volatile boolean freed;
    private long externCap = -1;
    final MemoryViews views;

    StoreState(NativeRuntime rt, long handle, long id) {
        this.rt = rt;
        this.handle = handle;
        this.id = id;
        this.views = new MemoryViews(rt);
    }

    /**
     * Remembers handle {@code h}. Extern handles are capped by the store's references limit
     * ({@link #setExternCap}): past it the handle is deleted and the request refused.
     */
    synchronized void own(long h, boolean instance) {
        if (!instance && externCap >= 0 && externCount >= externCap) {
            rt.abi.nsw_extern_delete(h);
            throw new ResourceLimitException("store limit on references reached: the store holds " + externCount
                    + " function, memory, table and global handles; raise StoreLimits.references with "
                    + "Store.setLimits, or make fewer functions and globals in it");
        }
        if (instance) {
            if (instanceCount == instances.length) {
                instances = java.util.Arrays.copyOf(instances, instanceCount * 2);
            }
            instances[instanceCount++] = h;
        } else {
            if (externCount == externs.length) {
                externs = java.util.Arrays.copyOf(externs, externCount * 2);
            }
            externs[externCount++] = h;
        }
    }

    synchronized void setExternCap(long cap) {
        externCap = cap;
    }

    /** Deletes the handles, then the store. Runs once (by close or by the cleaner). */
    synchronized void free() {
        if (freed) {
            return;
        }
        freed = true;
        // First: a view still reachable (the store need not be) must throw, not read freed memory.
        views.closeAll();
        rt.unregister(id);
        for (int i = 0; i < externCount; i++) {
            rt.abi.nsw_extern_delete(externs[i]);
        }
        for (int i = 0; i < instanceCount; i++) {
            rt.abi.nsw_instance_delete(instances[i]);
        }
        rt.abi.nsw_store_delete(handle);
        externs = null;
        instances = null;
    }
}
