package dev.nostdwasm.api.runtime;

import dev.nostdwasm.api.OpaqueRef;
import dev.nostdwasm.api.Store;

/** An externref wasm made from its own reference, held by its registered ref id. */
final class OpaqueRefImpl implements OpaqueRef {
    private final StoreImpl store;
    private final long refId;

    OpaqueRefImpl(StoreImpl store, long refId) {
        this.store = store;
        this.refId = refId;
    }

    @Override
    public Store store() {
        return store;
    }

    /** The ref id to hand to wasm in {@code target}; only its own store can take it. */
    long refId(StoreImpl target) {
        if (target != store) {
            throw new IllegalArgumentException("this OpaqueRef belongs to another store; wasm references "
                    + "cannot move between stores");
        }
        return refId;
    }

    @Override
    public String toString() {
        return "OpaqueRef[wasm reference " + refId + "]";
    }
}
