package dev.nostdwasm.ffm;

import dev.nostdwasm.api.abi.NativeAbi;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@link NativeAbi} over FFM: the downcalls are generated from {@code nsw.h} ({@link
 * FfmDowncalls}); this class adds the upcall stubs, buffer addresses and the symbol binding.
 *
 * <p>{@code Linker.Option.critical} (no thread-state transition) only for the calls in {@link
 * #CRITICAL}, which read a few fields and can neither upcall nor block. Anything that may run
 * wasm, and so upcall into a host function, is an ordinary downcall.
 */
final class FfmAbi extends FfmDowncalls {

    /**
     * The downcalls made with {@code Linker.Option.critical(false)}: {@code nsw_context_store_id}
     * (once per host call), {@code nsw_memory_data} and {@code nsw_memory_size} (once per memory
     * access from Java), {@code nsw_store_context}.
     */
    static final Set<String> CRITICAL =
            Set.of("nsw_context_store_id", "nsw_memory_data", "nsw_memory_size", "nsw_store_context");

    private static final Linker LINKER = Linker.nativeLinker();

    // The embedding the downcalls bind to; set once, before FfmDowncalls.Handles is initialised.
    private static SymbolLookup embedding; // guarded by FfmAbi.class

    // Stubs already made, per Upcalls instance: each is made once and lives as long as the process.
    private final Map<Upcalls, Long> hostCallbackStubs = new IdentityHashMap<>();
    private final Map<Upcalls, Long> finalizerStubs = new IdentityHashMap<>();

    /**
     * Binds every downcall to {@code library} now, so that a library which does not match the
     * header fails here, when the provider opens, rather than at some later call. Once per
     * process: the handles are constants.
     *
     * @throws UnsatisfiedLinkError when the library lacks a function of the header
     * @throws IllegalStateException when called a second time, or when {@link #CRITICAL} names
     *     a function the header does not declare
     */
    static synchronized FfmAbi bind(SymbolLookup library) {
        Objects.requireNonNull(library, "library");
        if (embedding != null) {
            throw new IllegalStateException("FfmAbi is bound already: the downcall handles are per process");
        }
        if (!FUNCTIONS.containsAll(CRITICAL)) {
            List<String> unknown = new ArrayList<>(CRITICAL);
            unknown.removeAll(FUNCTIONS);
            throw new IllegalStateException("FfmAbi.CRITICAL names " + unknown
                    + ", which nsw.h does not declare: remove them from the list");
        }
        List<String> missing = new ArrayList<>();
        for (String name : FUNCTIONS) {
            if (library.find(name).isEmpty()) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new UnsatisfiedLinkError("no symbol " + String.join(", ", missing));
        }
        embedding = library;
        try {
            MethodHandles.lookup().ensureInitialized(Handles.class);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        } catch (ExceptionInInitializerError e) {
            throw e.getCause() instanceof Error cause ? cause : e;
        }
        return new FfmAbi();
    }

    private FfmAbi() {
    }

    /**
     * The downcall handle of C function {@code name} with descriptor {@code desc} (pointers as
     * {@code JAVA_LONG}); critical when {@link #CRITICAL} names it. Called by {@link
     * FfmDowncalls.Handles}.
     */
    static MethodHandle downcall(String name, FunctionDescriptor desc) {
        MemorySegment symbol = embedding.find(name).orElseThrow(() -> new UnsatisfiedLinkError("no symbol " + name));
        return CRITICAL.contains(name)
                ? LINKER.downcallHandle(symbol, desc, Linker.Option.critical(false))
                : LINKER.downcallHandle(symbol, desc);
    }

    // ---------------------------------------------------------------- upcalls

    @Override
    public synchronized long hostCallbackStub(Upcalls upcalls) {
        Objects.requireNonNull(upcalls, "upcalls");
        return hostCallbackStubs.computeIfAbsent(upcalls, u -> upcallStub(
                Upcall.HOST_CALL.bindTo(new HostCall(u)), NSW_HOST_CALLBACK_T));
    }

    @Override
    public synchronized long finalizerStub(Upcalls upcalls) {
        Objects.requireNonNull(upcalls, "upcalls");
        return finalizerStubs.computeIfAbsent(upcalls, u -> upcallStub(
                Upcall.FINALIZE.bindTo(new Finalize(u)), NSW_FINALIZER_T));
    }

    private static long upcallStub(MethodHandle target, FunctionDescriptor desc) {
        // Arena.global(): the embedding may call a stub until the process ends (a finalizer
        // runs whenever the last store using its host function goes).
        return LINKER.upcallStub(target, desc, Arena.global()).address();
    }

    /** The {@code nsw_host_callback_t} adapter. An exception escaping an upcall would end the JVM. */
    private record HostCall(Upcalls upcalls) {
        long call(long env, long caller, long slots, long slotsLen) {
            try {
                return upcalls.hostCall(env, caller, (long) Handles.nsw_context_store_id.invokeExact(caller), slots, slotsLen);
            } catch (Throwable t) {
                return Upcall.errorFor(t);
            }
        }
    }

    /** The {@code nsw_finalizer_t} adapter: a finalizer has no way to report a failure. */
    private record Finalize(Upcalls upcalls) {
        void call(long env) {
            try {
                upcalls.finalize(env);
            } catch (Throwable t) {
                // ignored: the host function is gone either way, and the JVM must not end
            }
        }
    }

    private static final class Upcall {
        static final MethodHandle HOST_CALL = find(HostCall.class, "call",
                MethodType.methodType(long.class, long.class, long.class, long.class, long.class));
        static final MethodHandle FINALIZE = find(Finalize.class, "call", MethodType.methodType(void.class, long.class));

        // For when even the message of a failure cannot be made (no heap, no stack left).
        private static final MemorySegment FALLBACK_MESSAGE = Arena.global().allocateFrom(
                "a host function failed and its exception could not be reported");

        private Upcall() {
        }

        private static MethodHandle find(Class<?> type, String name, MethodType methodType) {
            try {
                return MethodHandles.lookup().findVirtual(type, name, methodType);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }

        /** A new {@code nsw_error_t*} (kind host) whose message is {@code t.toString()}. */
        static long errorFor(Throwable t) {
            try (Arena arena = Arena.ofConfined()) {
                byte[] text = String.valueOf(t).getBytes(StandardCharsets.UTF_8);
                MemorySegment message = arena.allocate(Math.max(1, text.length));
                MemorySegment.copy(text, 0, message, ValueLayout.JAVA_BYTE, 0, text.length);
                return (long) Handles.nsw_error_new.invokeExact(message.address(), (long) text.length);
            } catch (Throwable again) {
                try {
                    // byteSize() - 1: without the NUL allocateFrom added
                    return (long) Handles.nsw_error_new.invokeExact(FALLBACK_MESSAGE.address(), FALLBACK_MESSAGE.byteSize() - 1);
                } catch (Throwable lost) {
                    return 0; // only with a broken library; returning keeps the JVM alive at least
                }
            }
        }
    }

    // ---------------------------------------------------------------- memory

    /**
     * The address of the buffer's element 0 whatever its position, as JNI's
     * {@code GetDirectBufferAddress} gives it ({@code MemorySegment.ofBuffer} starts at the
     * position, hence the subtraction).
     */
    @Override
    public long address(ByteBuffer direct) {
        Objects.requireNonNull(direct, "direct");
        if (!direct.isDirect()) {
            throw new IllegalArgumentException("not a direct buffer: " + direct);
        }
        return MemorySegment.ofBuffer(direct).address() - direct.position();
    }

    /** A big-endian buffer (as every new {@link ByteBuffer}, and as JNI's) over memory the caller keeps alive. */
    @Override
    public ByteBuffer view(long address, long length) {
        return MemorySegment.ofAddress(address).reinterpret(length).asByteBuffer();
    }

    /** Buffers of a shared arena, which the runtime closes when the memory moves or goes. */
    @Override
    public ViewScope openViewScope(long address, long length) {
        return new SegmentViewScope(address, length);
    }
}
