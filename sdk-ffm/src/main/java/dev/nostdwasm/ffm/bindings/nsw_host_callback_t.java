package dev.nostdwasm.ffm.bindings;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The function-pointer type {@code nsw_host_callback_t}, in jextract's shape: implement
 * {@link #apply}, then {@link #allocate} an upcall stub to pass as {@code callback} to
 * {@code nsw_linker_define_func} or {@code nsw_func_new}.
 *
 * {@snippet lang=c :
 * typedef struct nsw_error_t *(*nsw_host_callback_t)(void *env,
 *                                                    struct nsw_context_t *caller,
 *                                                    union nsw_val_raw_t *slots,
 *                                                    size_t slots_len);
 * }
 *
 * <p>{@code slots} holds the parameters on entry and receives the results in
 * {@code slots[0..results]}; {@code slotsLen} is max(params, results). The pointer segments
 * arrive with length zero: reinterpret {@code slots} to {@code slotsLen * nsw_val_raw_t.sizeof()}.
 * Return {@link MemorySegment#NULL} on success or an error from {@code nsw_error_new}.
 * {@code caller} is valid only during the call, which may run on any thread that runs the store.
 *
 * <p>An exception escaping {@link #apply} ends the JVM (that is how upcalls fail): the provider
 * must catch everything and turn it into an {@code nsw_error_t}.
 */
@FunctionalInterface
public interface nsw_host_callback_t {

    /** The callback. See the class comment for the contract. */
    MemorySegment apply(MemorySegment env, MemorySegment caller, MemorySegment slots, long slotsLen);

    /** {@code struct nsw_error_t *(void *, struct nsw_context_t *, union nsw_val_raw_t *, size_t)}. */
    static FunctionDescriptor descriptor() {
        return Holder.DESC;
    }

    /**
     * Makes a native function pointer that calls {@code fi}, valid while {@code arena} is alive
     * (keep it alive until the function's finalizer ran). A restricted operation.
     */
    static MemorySegment allocate(nsw_host_callback_t fi, Arena arena) {
        return nsw_h.LINKER.upcallStub(Holder.upcall().bindTo(fi), Holder.DESC, arena);
    }

    /** Calls a native {@code nsw_host_callback_t} through its pointer. */
    static MemorySegment invoke(MemorySegment funcPtr, MemorySegment env, MemorySegment caller,
                                MemorySegment slots, long slotsLen) {
        try {
            return (MemorySegment) Holder.downcall().invokeExact(funcPtr, env, caller, slots, slotsLen);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    /** Descriptor and handles, made on first use (not part of the API). */
    final class Holder {
        private Holder() {
        }

        private static final FunctionDescriptor DESC = FunctionDescriptor.of(
                nsw_h.C_POINTER, nsw_h.C_POINTER, nsw_h.C_POINTER, nsw_h.C_POINTER, nsw_h.size_t);

        private static MethodHandle upcall() {
            return Upcall.HANDLE;
        }

        private static MethodHandle downcall() {
            return Downcall.HANDLE;
        }

        private static final class Upcall {
            static final MethodHandle HANDLE = nsw_h.upcallHandle(nsw_host_callback_t.class, "apply", DESC);
        }

        private static final class Downcall {
            static final MethodHandle HANDLE = nsw_h.LINKER.downcallHandle(DESC);
        }
    }
}
