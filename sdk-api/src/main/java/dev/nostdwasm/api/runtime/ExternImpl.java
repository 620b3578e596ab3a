package dev.nostdwasm.api.runtime;

import dev.nostdwasm.api.ExternType;

/** What every extern of a store shares: its store, its handle and its type (read once). */
abstract class ExternImpl {

    final StoreImpl store;
    final NativeRuntime rt;
    final long handle;
    final ExternType externType;

    ExternImpl(StoreImpl store, long handle) {
        this.store = store;
        this.rt = store.rt;
        this.handle = handle;
        try (Scratch s = rt.scratch()) {
            rt.check(rt.abi.nsw_extern_type(handle, s.address + Scratch.TYPE));
            this.externType = Types.read(rt, s);
        }
    }

    /** Enters the store (checking it is open and this thread may use it); pair with {@link #exit()}. */
    final void enter() {
        store.enter();
    }

    final void exit() {
        store.exit();
    }
}
