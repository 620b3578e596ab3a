package dev.nostdwasm.ffm.bindings;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The function-pointer type {@code nsw_finalizer_t}, in jextract's shape: called once with
 * {@code env} when a host function is dropped (when its linker and every store using it are
 * gone, or at once when defining it failed), on whatever thread drops it.
 *
 * {@snippet lang=c :
 * typedef void (*nsw_finalizer_t)(void *env);
 * }
 *
 * <p>An exception escaping {@link #apply} ends the JVM: catch everything.
 */
@FunctionalInterface
public interface nsw_finalizer_t {

    /** The finalizer. */
    void apply(MemorySegment env);

    /** {@code void (void *)}. */
    static FunctionDescriptor descriptor() {
        return Holder.DESC;
    }

    /** Makes a native function pointer that calls {@code fi}, valid while {@code arena} is alive. */
    static MemorySegment allocate(nsw_finalizer_t fi, Arena arena) {
        return nsw_h.LINKER.upcallStub(Holder.upcall().bindTo(fi), Holder.DESC, arena);
    }

    /** Calls a native {@code nsw_finalizer_t} through its pointer. */
    static void invoke(MemorySegment funcPtr, MemorySegment env) {
        try {
            Holder.downcall().invokeExact(funcPtr, env);
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

        private static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(nsw_h.C_POINTER);

        private static MethodHandle upcall() {
            return Upcall.HANDLE;
        }

        private static MethodHandle downcall() {
            return Downcall.HANDLE;
        }

        private static final class Upcall {
            static final MethodHandle HANDLE = nsw_h.upcallHandle(nsw_finalizer_t.class, "apply", DESC);
        }

        private static final class Downcall {
            static final MethodHandle HANDLE = nsw_h.LINKER.downcallHandle(DESC);
        }
    }
}
