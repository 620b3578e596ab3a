package dev.nostdwasm.api.runtime;

import dev.nostdwasm.api.Caller;
import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.HostFunction;
import dev.nostdwasm.api.Val;
import dev.nostdwasm.api.ValType;
import dev.nostdwasm.api.abi.NativeAbi;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;

/**
 * Host functions as wasm sees them: each registered function has an id (the {@code env} of the
 * C callback), and the provider's stubs call {@link #hostCall} with it. Nothing thrown here may
 * reach the stub: a failure becomes an {@code nsw_error_t*}, and the exception is kept for the
 * Java caller of the wasm function to get as the cause of its {@code WasmTrapException}.
 *
 * <p>A function is untyped (a {@link HostFunction} of {@link Val}s) or typed: a method handle
 * that reads its arguments from the slots and writes its result there ({@link SlotHandles}),
 * so that its calls allocate nothing.
 */
final class HostCalls implements NativeAbi.Upcalls {

    /** One registered function: {@code function} is null for a typed one, {@code typed} otherwise. */
    private record Binding(String name, ExternType.Func type, HostFunction function, MethodHandle typed) {
    }

    private final NativeRuntime rt;
    // Bindings by id, copied on every change so that host calls read them without a lock or a
    // boxed key. Ids of finalized functions are reused, which keeps the array as long as the
    // most functions alive at once.
    private volatile Binding[] bindings = new Binding[16];
    private final ArrayDeque<Integer> freeIds = new ArrayDeque<>();
    private int nextId = 1;
    private final ThreadLocal<Throwable> failure = new ThreadLocal<>();
    // The store of the last host call. A store closed since stays reachable from here until a
    // host call of another store; its id is never reused, so it is never mistaken for a live one.
    private volatile StoreImpl lastStore;

    HostCalls(NativeRuntime rt) {
        this.rt = rt;
    }

    long register(String name, ExternType.Func type, HostFunction function) {
        return register(new Binding(name, type, function, null));
    }

    /** Registers {@code call}, a {@link SlotHandles#hostCall} handle of a method of {@code signature}. */
    long registerTyped(String name, JavaSignature signature, MethodHandle call) {
        return register(new Binding(name, signature.wasmType(), null, call));
    }

    private synchronized long register(Binding binding) {
        int id = freeIds.isEmpty() ? nextId++ : freeIds.pop();
        Binding[] next = Arrays.copyOf(bindings, id < bindings.length ? bindings.length : bindings.length * 2);
        next[id] = binding;
        bindings = next;
        return id;
    }

    private Binding binding(long id) {
        Binding[] all = bindings;
        return id > 0 && id < all.length ? all[(int) id] : null;
    }

    /** The exception of the last host function that failed on this thread, once. */
    Throwable takeFailure() {
        Throwable t = failure.get();
        failure.remove();
        return t;
    }

    @Override
    public long hostCall(long env, long caller, long storeId, long slots, long slotsLen) {
        try {
            Binding b = binding(env);
            if (b == null) {
                return error("host function " + env + " is gone");
            }
            StoreImpl store = storeOf(storeId);
            if (store == null) {
                return error("host function " + b.name + " was called from a store this runtime does not know");
            }
            return call(b, store, caller, store.confinement.hostSlots(slots, slotsLen));
        } catch (Throwable t) {
            failure.set(t);
            return error("host function failed: " + t);
        }
    }

    /**
     * The store behind a caller context. Host calls tend to come from the store of the last one,
     * so that is checked first (one read) before the runtime's map of stores (a lookup of a boxed
     * id); a racy read is harmless, as the id decides.
     */
    private StoreImpl storeOf(long id) {
        StoreImpl last = lastStore;
        if (last != null && last.id == id) {
            return last;
        }
        StoreImpl store = rt.storeById(id);
        lastStore = store;
        return store;
    }

    private long call(Binding b, StoreImpl store, long caller, ByteBuffer slots) throws Exception {
        if (b.typed != null) {
            return callTyped(b, store, caller, slots);
        }
        CallerImpl c = store.enterHostCall(caller);
        try {
            store.state.views.revalidate(caller); // wasm may have moved a memory Java holds views of
            List<ValType> params = b.type.params();
            Val[] args = new Val[params.size()];
            for (int i = 0; i < args.length; i++) {
                args[i] = Values.read(store, slots, i, params.get(i));
            }
            Val[] results;
            try {
                results = b.function.call(c, args);
            } catch (Throwable t) {
                failure.set(t);
                return error("host function " + b.name + " threw " + t);
            }
            List<ValType> types = b.type.results();
            if (results == null && types.isEmpty()) {
                return 0;
            }
            if (results == null || !Values.matches(types, results)) {
                IllegalStateException e = new IllegalStateException("host function " + b.name + " returned ("
                        + (results == null ? "null" : Values.names(results)) + "), but its type "
                        + Types.describe(b.type) + " declares (" + Types.names(types) + ")");
                failure.set(e);
                return error(e.getMessage());
            }
            // The ids of reference results stay registered: Wasmtime reads them after we return,
            // and the native side releases them then (host_func.rs).
            int mark = store.refs.tempMark();
            try {
                for (int i = 0; i < results.length; i++) {
                    Values.write(store, slots, i, results[i]);
                }
            } catch (RuntimeException | Error e) {
                store.refs.releaseTemps(mark);
                throw e;
            }
            store.refs.handOverTemps(mark);
            return 0;
        } finally {
            store.exitHostCall();
        }
    }

    private long callTyped(Binding b, StoreImpl store, long caller, ByteBuffer slots) {
        CallerImpl c = store.enterHostCall(caller);
        try {
            store.state.views.revalidate(caller); // wasm may have moved a memory Java holds views of
            b.typed.invokeExact((Caller) c, slots);
            return 0;
        } catch (Throwable t) {
            failure.set(t);
            return error("host function " + b.name + " threw " + t);
        } finally {
            store.exitHostCall();
        }
    }

    private long error(String message) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        try (Scratch s = rt.scratch()) {
            return rt.abi.nsw_error_new(s.bytes(bytes), bytes.length);
        }
    }

    @Override
    public synchronized void finalize(long env) {
        if (binding(env) != null) {
            Binding[] next = bindings.clone();
            next[(int) env] = null;
            bindings = next;
            freeIds.push((int) env);
        }
    }
}
