package dev.nostdwasm.api.runtime;

import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.Func;
import dev.nostdwasm.api.ResourceLimitException;
import dev.nostdwasm.api.abi.NswConstants;
import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A store's references as the C ABI passes them: funcref and externref values cross as ref ids
 * that the native side registers per store. This table makes ids for values going into wasm
 * (released once the call that takes them returns: {@link #tempMark()} and
 * {@link #releaseTemps(int)}, or by the native side for a host function's results:
 * {@link #handOverTemps(int)}), turns ids coming out of wasm back into Java objects, and keeps
 * the Java objects behind externrefs, one id per object.
 *
 * <p>Nothing here grows with the number of calls: functions, memories, globals and tables coming
 * out of wasm are kept once per distinct object ({@link #canonical}); an {@link OpaqueRefImpl}'s id is released
 * once the object is unreachable; and every registry is capped by the store's references limit.
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
    // Externs handed out from wasm, by the native identity key of their object.
    private final Map<Long, ExternImpl> byKey = new HashMap<>();
    // Ids of OpaqueRefs: released, on this store's thread, once their OpaqueRef is collected.
    private final ReferenceQueue<OpaqueRefImpl> collected = new ReferenceQueue<>();
    private final Set<OpaqueId> opaqueIds = new HashSet<>();
    private long cap = -1;

    /** The id of an {@link OpaqueRefImpl}, to release when the object is gone. */
    private static final class OpaqueId extends PhantomReference<OpaqueRefImpl> {
        final long refId;

        OpaqueId(OpaqueRefImpl ref, long refId, ReferenceQueue<OpaqueRefImpl> queue) {
            super(ref, queue);
            this.refId = refId;
        }
    }

    RefTable(StoreImpl store) {
        this.store = store;
        this.rt = store.rt;
    }

    /** Caps the externref objects and the OpaqueRef ids this table keeps; -1 for none. */
    void setCap(long references) {
        cap = references;
    }

    private void requireRoom(Map<?, ?> registry, String what) {
        // OpaqueRef ids need no check here: each is a live native ref id, which the native side caps.
        if (cap >= 0 && registry.size() >= cap) {
            throw new ResourceLimitException("store limit on references reached: the store holds " + registry.size()
                    + " " + what + "; raise StoreLimits.references with Store.setLimits, or use fewer");
        }
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

    /**
     * Forgets the ids made since {@code mark} without releasing them: a host function's results,
     * which the native side releases once it has read them.
     */
    void handOverTemps(int mark) {
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
            requireRoom(objects, "Java objects passed to wasm as externrefs (each is kept until the store closes)");
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
            return canonical(s.outLong(0), FuncImpl.class);
        } finally {
            rt.abi.nsw_context_ref_release(store.ctx, refId);
        }
    }

    /**
     * The one object of {@code type} for the function, memory, global or table behind {@code
     * handle}, a new extern handle this method takes over: kept if its object is new, deleted
     * otherwise. Null if the extern is not of that kind (the object is kept all the same, as
     * what its kind is, for when it is asked for as that).
     */
    <T extends ExternImpl> T canonical(long handle, Class<T> type) {
        ExternImpl known;
        try (Scratch s = rt.scratch()) {
            long key;
            try {
                rt.check(rt.abi.nsw_context_extern_key(store.ctx, handle, s.out(0)));
                key = s.outLong(0);
            } catch (RuntimeException | Error e) {
                rt.abi.nsw_extern_delete(handle);
                throw e;
            }
            known = byKey.get(key);
            if (known != null) {
                rt.abi.nsw_extern_delete(handle);
            } else {
                try {
                    requireRoom(byKey, "functions, memories, globals and tables handed to the host");
                    rt.check(rt.abi.nsw_extern_type(handle, s.address + Scratch.TYPE));
                    known = InstanceImpl.wrap(store, handle, implOf(Types.read(rt, s)));
                } catch (RuntimeException | Error e) {
                    rt.abi.nsw_extern_delete(handle);
                    throw e;
                }
                store.ownExtern(handle);
                byKey.put(key, known);
            }
        }
        return type.isInstance(known) ? type.cast(known) : null;
    }

    private static Class<? extends ExternImpl> implOf(ExternType t) {
        if (t instanceof ExternType.Func) {
            return FuncImpl.class;
        } else if (t instanceof ExternType.Memory) {
            return MemoryImpl.class;
        } else if (t instanceof ExternType.Global) {
            return GlobalImpl.class;
        }
        return TableImpl.class;
    }

    Object objectOfRef(long refId) {
        if (refId == 0) {
            return null;
        }
        releaseCollected();
        boolean keep = false;
        try (Scratch s = rt.scratch()) {
            rt.check(rt.abi.nsw_context_externref_host_id(store.ctx, refId, s.out(0)));
            long hostId = s.outLong(0);
            if (hostId == HOST_ID_NONE) {
                // Wasm's own reference: the id stays registered while the OpaqueRef is reachable,
                // so that it can go back into wasm.
                OpaqueRefImpl ref = new OpaqueRefImpl(store, refId);
                opaqueIds.add(new OpaqueId(ref, refId, collected));
                keep = true;
                return ref;
            }
            return objects.get(hostId);
        } finally {
            if (!keep) {
                rt.abi.nsw_context_ref_release(store.ctx, refId);
            }
        }
    }

    /** Releases the ids of OpaqueRefs collected since the last call (the store is entered). */
    private void releaseCollected() {
        for (Reference<? extends OpaqueRefImpl> r; (r = collected.poll()) != null; ) {
            OpaqueId id = (OpaqueId) r;
            if (opaqueIds.remove(id)) {
                rt.abi.nsw_context_ref_release(store.ctx, id.refId);
            }
        }
    }
}
