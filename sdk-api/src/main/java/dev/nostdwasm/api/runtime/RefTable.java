package dev.nostdwasm.api.runtime;

import dev.nostdwasm.api.Func;
import dev.nostdwasm.api.abi.NswConstants;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A store's references as the C ABI passes them: funcref and externref values cross as ref ids
 * that the native side registers per store. This table makes ids for values going into wasm
 * (released once the call that takes them returns: {@link #tempMark()} and
 * {@link #releaseTemps(int)}), turns ids coming out of wasm back into Java objects, and keeps
 * the Java objects behind externrefs, one id per object.
 */
final class RefTable {

    // An externref that wasm made from one of its own references.
    private static final long HOST_ID_NONE = NswConstants.NSW_HOST_ID_NONE;

    private final StoreImpl store;
    private final NativeRuntime rt;
    // externref host values: id -> object, and the reverse so one object keeps one id.
    private final Map<Long, Object> objects = new HashMap<>();
    private final Map<Object, Long> objectIds = new IdentityHashMap<>();
    private long nextObjectId;
    // Reference ids made for values in flight, released once the call that takes them returns.
    private long[] temps = new long[8];
    private int tempCount;

    RefTable(StoreImpl store) {
        this.store = store;
        this.rt = store.rt;
    }

    int tempMark() {
        return tempCount;
    }

    void releaseTemps(int mark) {
        for (int i = mark; i < tempCount; i++) {
            rt.abi.nsw_context_ref_release(store.ctx, temps[i]);
        }
        tempCount = mark;
    }

    private long temp(long refId) {
        if (tempCount == temps.length) {
            temps = Arrays.copyOf(temps, tempCount * 2);
        }
        temps[tempCount++] = refId;
        return refId;
    }

    long funcRefId(Func func) {
        if (func == null) {
            return 0;
        }
        FuncImpl f = store.owned(func, FuncImpl.class, "function");
        try (Scratch s = rt.scratch()) {
            rt.check(rt.abi.nsw_context_funcref_new(store.ctx, f.handle, s.out(0)));
            return temp(s.outLong(0));
        }
    }

    long externRefId(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof OpaqueRefImpl opaque) {
            return opaque.refId(store);
        }
        Long objectId = objectIds.get(value);
        if (objectId == null) {
            objectId = ++nextObjectId;
            objects.put(objectId, value);
            objectIds.put(value, objectId);
        }
        try (Scratch s = rt.scratch()) {
            rt.check(rt.abi.nsw_context_externref_new(store.ctx, objectId, s.out(0)));
            return temp(s.outLong(0));
        }
    }

    FuncImpl funcOfRef(long refId) {
        if (refId == 0) {
            return null;
        }
        try (Scratch s = rt.scratch()) {
            rt.check(rt.abi.nsw_context_funcref_get(store.ctx, refId, s.out(0)));
            return new FuncImpl(store, store.ownExtern(s.outLong(0)));
        } finally {
            rt.abi.nsw_context_ref_release(store.ctx, refId);
        }
    }

    Object objectOfRef(long refId) {
        if (refId == 0) {
            return null;
        }
        boolean keep = false;
        try (Scratch s = rt.scratch()) {
            rt.check(rt.abi.nsw_context_externref_host_id(store.ctx, refId, s.out(0)));
            long hostId = s.outLong(0);
            if (hostId == HOST_ID_NONE) {
                // Wasm's own reference: the id stays registered (until the store closes) so that
                // the OpaqueRef can go back into wasm.
                keep = true;
                return new OpaqueRefImpl(store, refId);
            }
            return objects.get(hostId);
        } finally {
            if (!keep) {
                rt.abi.nsw_context_ref_release(store.ctx, refId);
            }
        }
    }
}
