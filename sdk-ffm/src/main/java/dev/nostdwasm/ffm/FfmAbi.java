package dev.nostdwasm.ffm;

import dev.nostdwasm.api.spi.NativeAbi;
import dev.nostdwasm.ffm.bindings.nsw_finalizer_t;
import dev.nostdwasm.ffm.bindings.nsw_h;
import dev.nostdwasm.ffm.bindings.nsw_host_callback_t;
import java.lang.foreign.AddressLayout;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@link NativeAbi} over FFM downcalls. Every pointer crosses as a {@code long}: the descriptors
 * of {@link nsw_h} (checked against {@code nsw.h} by {@code HeaderDriftTest}) with each
 * {@code ADDRESS} layout replaced by {@code JAVA_LONG}, which the LP64 calling conventions of
 * linux x86_64 and aarch64 pass exactly like a pointer. So a call boxes nothing and makes no
 * {@link MemorySegment}: the runtime above keeps its addresses as {@code long}s.
 *
 * <p>{@code Linker.Option.critical} (no thread-state transition) only for calls that read a few
 * fields and can neither upcall nor block: {@code nsw_context_store_id} (once per host call),
 * {@code nsw_memory_data} and {@code nsw_memory_size} (once per memory access from Java),
 * {@code nsw_store_context}. Anything that may run wasm, and so upcall into a host function,
 * is an ordinary downcall.
 *
 * <p>Construct only after {@link nsw_h#bind}: the handles live in the holder {@link H}, whose
 * {@code static final} fields the JIT treats as constants.
 */
final class FfmAbi implements NativeAbi {

    private static final Linker LINKER = Linker.nativeLinker();

    // Stubs already made, per Upcalls instance: each is made once and lives as long as the process.
    private final Map<Upcalls, Long> hostCallbackStubs = new IdentityHashMap<>();
    private final Map<Upcalls, Long> finalizerStubs = new IdentityHashMap<>();

    /**
     * Makes every downcall handle.
     *
     * @throws IllegalStateException when {@link nsw_h} is not bound yet
     * @throws UnsatisfiedLinkError when the bound library lacks a function of the header
     */
    FfmAbi() {
        if (!nsw_h.isBound()) {
            throw new IllegalStateException("FfmAbi needs nsw_h.bind(...) first");
        }
        // Resolve every symbol now, so that a library which does not match the header fails
        // here, when the provider opens, rather than at some later call.
        try {
            MethodHandles.lookup().ensureInitialized(H.class);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        } catch (ExceptionInInitializerError e) {
            throw e.getCause() instanceof Error cause ? cause : e;
        }
    }

    // ---------------------------------------------------------------- descriptors

    /** {@code desc} with every pointer as {@code JAVA_LONG}: the shape of the {@link NativeAbi} methods. */
    static FunctionDescriptor withAddressesAsLong(FunctionDescriptor desc) {
        MemoryLayout[] args = desc.argumentLayouts().stream().map(FfmAbi::addressAsLong).toArray(MemoryLayout[]::new);
        return desc.returnLayout()
                .map(ret -> FunctionDescriptor.of(addressAsLong(ret), args))
                .orElseGet(() -> FunctionDescriptor.ofVoid(args));
    }

    private static MemoryLayout addressAsLong(MemoryLayout layout) {
        return layout instanceof AddressLayout ? nsw_h.C_LONG : layout;
    }

    private static MethodHandle downcall(FunctionDescriptor desc, MemorySegment symbol) {
        return LINKER.downcallHandle(symbol, withAddressesAsLong(desc));
    }

    /** For the few calls the class comment names: short, no upcall, no heap access. */
    private static MethodHandle criticalDowncall(FunctionDescriptor desc, MemorySegment symbol) {
        return LINKER.downcallHandle(symbol, withAddressesAsLong(desc), Linker.Option.critical(false));
    }

    /** Downcalls throw nothing checked: rethrows what can arrive as it is. */
    private static RuntimeException unexpected(Throwable t) {
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new AssertionError("a downcall threw a checked exception", t);
    }

    /** One downcall handle per C function, made when this class is initialised (after bind). */
    private static final class H {
        static final MethodHandle nsw_engine_new =
                downcall(nsw_h.nsw_engine_new$descriptor(), nsw_h.nsw_engine_new$address());
        static final MethodHandle nsw_engine_delete =
                downcall(nsw_h.nsw_engine_delete$descriptor(), nsw_h.nsw_engine_delete$address());
        static final MethodHandle nsw_engine_increment_epoch =
                downcall(nsw_h.nsw_engine_increment_epoch$descriptor(), nsw_h.nsw_engine_increment_epoch$address());
        static final MethodHandle nsw_engine_settings =
                downcall(nsw_h.nsw_engine_settings$descriptor(), nsw_h.nsw_engine_settings$address());
        static final MethodHandle nsw_error_new =
                downcall(nsw_h.nsw_error_new$descriptor(), nsw_h.nsw_error_new$address());
        static final MethodHandle nsw_error_delete =
                downcall(nsw_h.nsw_error_delete$descriptor(), nsw_h.nsw_error_delete$address());
        static final MethodHandle nsw_error_kind =
                downcall(nsw_h.nsw_error_kind$descriptor(), nsw_h.nsw_error_kind$address());
        static final MethodHandle nsw_error_message =
                downcall(nsw_h.nsw_error_message$descriptor(), nsw_h.nsw_error_message$address());
        static final MethodHandle nsw_error_trap_code =
                downcall(nsw_h.nsw_error_trap_code$descriptor(), nsw_h.nsw_error_trap_code$address());
        static final MethodHandle nsw_error_frame_count =
                downcall(nsw_h.nsw_error_frame_count$descriptor(), nsw_h.nsw_error_frame_count$address());
        static final MethodHandle nsw_error_frame =
                downcall(nsw_h.nsw_error_frame$descriptor(), nsw_h.nsw_error_frame$address());
        static final MethodHandle nsw_extern_delete =
                downcall(nsw_h.nsw_extern_delete$descriptor(), nsw_h.nsw_extern_delete$address());
        static final MethodHandle nsw_extern_type =
                downcall(nsw_h.nsw_extern_type$descriptor(), nsw_h.nsw_extern_type$address());
        static final MethodHandle nsw_func_call =
                downcall(nsw_h.nsw_func_call$descriptor(), nsw_h.nsw_func_call$address());
        static final MethodHandle nsw_memory_data =
                criticalDowncall(nsw_h.nsw_memory_data$descriptor(), nsw_h.nsw_memory_data$address());
        static final MethodHandle nsw_memory_size =
                criticalDowncall(nsw_h.nsw_memory_size$descriptor(), nsw_h.nsw_memory_size$address());
        static final MethodHandle nsw_memory_grow =
                downcall(nsw_h.nsw_memory_grow$descriptor(), nsw_h.nsw_memory_grow$address());
        static final MethodHandle nsw_global_get =
                downcall(nsw_h.nsw_global_get$descriptor(), nsw_h.nsw_global_get$address());
        static final MethodHandle nsw_global_set =
                downcall(nsw_h.nsw_global_set$descriptor(), nsw_h.nsw_global_set$address());
        static final MethodHandle nsw_table_size =
                downcall(nsw_h.nsw_table_size$descriptor(), nsw_h.nsw_table_size$address());
        static final MethodHandle nsw_table_get =
                downcall(nsw_h.nsw_table_get$descriptor(), nsw_h.nsw_table_get$address());
        static final MethodHandle nsw_table_set =
                downcall(nsw_h.nsw_table_set$descriptor(), nsw_h.nsw_table_set$address());
        static final MethodHandle nsw_table_grow =
                downcall(nsw_h.nsw_table_grow$descriptor(), nsw_h.nsw_table_grow$address());
        static final MethodHandle nsw_global_new =
                downcall(nsw_h.nsw_global_new$descriptor(), nsw_h.nsw_global_new$address());
        static final MethodHandle nsw_memory_new =
                downcall(nsw_h.nsw_memory_new$descriptor(), nsw_h.nsw_memory_new$address());
        static final MethodHandle nsw_table_new =
                downcall(nsw_h.nsw_table_new$descriptor(), nsw_h.nsw_table_new$address());
        static final MethodHandle nsw_context_funcref_new =
                downcall(nsw_h.nsw_context_funcref_new$descriptor(), nsw_h.nsw_context_funcref_new$address());
        static final MethodHandle nsw_context_funcref_get =
                downcall(nsw_h.nsw_context_funcref_get$descriptor(), nsw_h.nsw_context_funcref_get$address());
        static final MethodHandle nsw_linker_instantiate =
                downcall(nsw_h.nsw_linker_instantiate$descriptor(), nsw_h.nsw_linker_instantiate$address());
        static final MethodHandle nsw_instance_delete =
                downcall(nsw_h.nsw_instance_delete$descriptor(), nsw_h.nsw_instance_delete$address());
        static final MethodHandle nsw_instance_export_get =
                downcall(nsw_h.nsw_instance_export_get$descriptor(), nsw_h.nsw_instance_export_get$address());
        static final MethodHandle nsw_context_caller_export =
                downcall(nsw_h.nsw_context_caller_export$descriptor(), nsw_h.nsw_context_caller_export$address());
        static final MethodHandle nsw_linker_new =
                downcall(nsw_h.nsw_linker_new$descriptor(), nsw_h.nsw_linker_new$address());
        static final MethodHandle nsw_linker_delete =
                downcall(nsw_h.nsw_linker_delete$descriptor(), nsw_h.nsw_linker_delete$address());
        static final MethodHandle nsw_linker_allow_shadowing =
                downcall(nsw_h.nsw_linker_allow_shadowing$descriptor(), nsw_h.nsw_linker_allow_shadowing$address());
        static final MethodHandle nsw_linker_define_func =
                downcall(nsw_h.nsw_linker_define_func$descriptor(), nsw_h.nsw_linker_define_func$address());
        static final MethodHandle nsw_func_new =
                downcall(nsw_h.nsw_func_new$descriptor(), nsw_h.nsw_func_new$address());
        static final MethodHandle nsw_linker_define =
                downcall(nsw_h.nsw_linker_define$descriptor(), nsw_h.nsw_linker_define$address());
        static final MethodHandle nsw_linker_define_instance =
                downcall(nsw_h.nsw_linker_define_instance$descriptor(), nsw_h.nsw_linker_define_instance$address());
        static final MethodHandle nsw_module_verify =
                downcall(nsw_h.nsw_module_verify$descriptor(), nsw_h.nsw_module_verify$address());
        static final MethodHandle nsw_module_new =
                downcall(nsw_h.nsw_module_new$descriptor(), nsw_h.nsw_module_new$address());
        static final MethodHandle nsw_module_new_unchecked_raw = downcall(
                nsw_h.nsw_module_new_unchecked_raw$descriptor(), nsw_h.nsw_module_new_unchecked_raw$address());
        static final MethodHandle nsw_module_delete =
                downcall(nsw_h.nsw_module_delete$descriptor(), nsw_h.nsw_module_delete$address());
        static final MethodHandle nsw_module_import_count =
                downcall(nsw_h.nsw_module_import_count$descriptor(), nsw_h.nsw_module_import_count$address());
        static final MethodHandle nsw_module_export_count =
                downcall(nsw_h.nsw_module_export_count$descriptor(), nsw_h.nsw_module_export_count$address());
        static final MethodHandle nsw_module_import =
                downcall(nsw_h.nsw_module_import$descriptor(), nsw_h.nsw_module_import$address());
        static final MethodHandle nsw_module_export =
                downcall(nsw_h.nsw_module_export$descriptor(), nsw_h.nsw_module_export$address());
        static final MethodHandle nsw_store_new =
                downcall(nsw_h.nsw_store_new$descriptor(), nsw_h.nsw_store_new$address());
        static final MethodHandle nsw_store_delete =
                downcall(nsw_h.nsw_store_delete$descriptor(), nsw_h.nsw_store_delete$address());
        static final MethodHandle nsw_store_context =
                criticalDowncall(nsw_h.nsw_store_context$descriptor(), nsw_h.nsw_store_context$address());
        static final MethodHandle nsw_context_store_id =
                criticalDowncall(nsw_h.nsw_context_store_id$descriptor(), nsw_h.nsw_context_store_id$address());
        static final MethodHandle nsw_store_limits_set =
                downcall(nsw_h.nsw_store_limits_set$descriptor(), nsw_h.nsw_store_limits_set$address());
        static final MethodHandle nsw_context_fuel_set =
                downcall(nsw_h.nsw_context_fuel_set$descriptor(), nsw_h.nsw_context_fuel_set$address());
        static final MethodHandle nsw_context_fuel_get =
                downcall(nsw_h.nsw_context_fuel_get$descriptor(), nsw_h.nsw_context_fuel_get$address());
        static final MethodHandle nsw_context_epoch_deadline_set =
                downcall(nsw_h.nsw_context_epoch_deadline_set$descriptor(), nsw_h.nsw_context_epoch_deadline_set$address());
        static final MethodHandle nsw_context_externref_new =
                downcall(nsw_h.nsw_context_externref_new$descriptor(), nsw_h.nsw_context_externref_new$address());
        static final MethodHandle nsw_context_externref_host_id =
                downcall(nsw_h.nsw_context_externref_host_id$descriptor(), nsw_h.nsw_context_externref_host_id$address());
        static final MethodHandle nsw_context_ref_release =
                downcall(nsw_h.nsw_context_ref_release$descriptor(), nsw_h.nsw_context_ref_release$address());
        static final MethodHandle nsw_abi_version =
                downcall(nsw_h.nsw_abi_version$descriptor(), nsw_h.nsw_abi_version$address());
        static final MethodHandle nsw_wasmtime_version =
                downcall(nsw_h.nsw_wasmtime_version$descriptor(), nsw_h.nsw_wasmtime_version$address());

        private H() {
        }
    }

    // ---------------------------------------------------------------- upcalls

    @Override
    public synchronized long hostCallbackStub(Upcalls upcalls) {
        Objects.requireNonNull(upcalls, "upcalls");
        return hostCallbackStubs.computeIfAbsent(upcalls, u -> upcallStub(
                Upcall.HOST_CALL.bindTo(new HostCall(u)), nsw_host_callback_t.descriptor()));
    }

    @Override
    public synchronized long finalizerStub(Upcalls upcalls) {
        Objects.requireNonNull(upcalls, "upcalls");
        return finalizerStubs.computeIfAbsent(upcalls, u -> upcallStub(
                Upcall.FINALIZE.bindTo(new Finalize(u)), nsw_finalizer_t.descriptor()));
    }

    private static long upcallStub(MethodHandle target, FunctionDescriptor desc) {
        // Arena.global(): the embedding may call a stub until the process ends (a finalizer
        // runs whenever the last store using its host function goes).
        return LINKER.upcallStub(target, withAddressesAsLong(desc), Arena.global()).address();
    }

    /** The {@code nsw_host_callback_t} adapter. An exception escaping an upcall would end the JVM. */
    private record HostCall(Upcalls upcalls) {
        long call(long env, long caller, long slots, long slotsLen) {
            try {
                return upcalls.hostCall(env, caller, (long) H.nsw_context_store_id.invokeExact(caller), slots, slotsLen);
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
                return (long) H.nsw_error_new.invokeExact(message.address(), (long) text.length);
            } catch (Throwable again) {
                try {
                    // byteSize() - 1: without the NUL allocateFrom added
                    return (long) H.nsw_error_new.invokeExact(FALLBACK_MESSAGE.address(), FALLBACK_MESSAGE.byteSize() - 1);
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

    // ---------------------------------------------------------------- engine

    @Override
    public long nsw_engine_new(int profile, boolean fuel, boolean epoch, long maxWasmStack, long out) {
        try {
            return (long) H.nsw_engine_new.invokeExact(profile, fuel, epoch, maxWasmStack, out);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public void nsw_engine_delete(long engine) {
        try {
            H.nsw_engine_delete.invokeExact(engine);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public void nsw_engine_increment_epoch(long engine) {
        try {
            H.nsw_engine_increment_epoch.invokeExact(engine);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public long nsw_engine_settings(long engine, long outProfile, long outTarget, long outFuel, long outEpoch) {
        try {
            return (long) H.nsw_engine_settings.invokeExact(engine, outProfile, outTarget, outFuel, outEpoch);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    // ---------------------------------------------------------------- errors

    @Override
    public long nsw_error_new(long message, long messageLen) {
        try {
            return (long) H.nsw_error_new.invokeExact(message, messageLen);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public void nsw_error_delete(long error) {
        try {
            H.nsw_error_delete.invokeExact(error);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public int nsw_error_kind(long error) {
        try {
            return (int) H.nsw_error_kind.invokeExact(error);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public void nsw_error_message(long error, long outPtr, long outLen) {
        try {
            H.nsw_error_message.invokeExact(error, outPtr, outLen);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public boolean nsw_error_trap_code(long error, long outCode) {
        try {
            return (boolean) H.nsw_error_trap_code.invokeExact(error, outCode);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public long nsw_error_frame_count(long error) {
        try {
            return (long) H.nsw_error_frame_count.invokeExact(error);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public boolean nsw_error_frame(long error, long index, long outFuncIndex, long outName, long outNameLen,
            long outOffset) {
        try {
            return (boolean) H.nsw_error_frame.invokeExact(error, index, outFuncIndex, outName, outNameLen, outOffset);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    // ---------------------------------------------------------------- externs

    @Override
    public void nsw_extern_delete(long ext) {
        try {
            H.nsw_extern_delete.invokeExact(ext);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public long nsw_extern_type(long ext, long outType) {
        try {
            return (long) H.nsw_extern_type.invokeExact(ext, outType);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public long nsw_func_call(long ctx, long func, long slots, long slotsLen) {
        try {
            return (long) H.nsw_func_call.invokeExact(ctx, func, slots, slotsLen);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public long nsw_memory_data(long ctx, long memory, long outBase, long outSize) {
        try {
            return (long) H.nsw_memory_data.invokeExact(ctx, memory, outBase, outSize);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public long nsw_memory_size(long ctx, long memory, long outPages) {
        try {
            return (long) H.nsw_memory_size.invokeExact(ctx, memory, outPages);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public long nsw_memory_grow(long ctx, long memory, long delta, long outPrevious) {
        try {
            return (long) H.nsw_memory_grow.invokeExact(ctx, memory, delta, outPrevious);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public long nsw_global_get(long ctx, long global, long outValue) {
        try {
            return (long) H.nsw_global_get.invokeExact(ctx, global, outValue);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public long nsw_global_set(long ctx, long global, long value) {
        try {
            return (long) H.nsw_global_set.invokeExact(ctx, global, value);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public long nsw_table_size(long ctx, long table, long outSize) {
        try {
            return (long) H.nsw_table_size.invokeExact(ctx, table, outSize);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public long nsw_table_get(long ctx, long table, long index, long outValue) {
        try {
            return (long) H.nsw_table_get.invokeExact(ctx, table, index, outValue);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public long nsw_table_set(long ctx, long table, long index, long value) {
        try {
            return (long) H.nsw_table_set.invokeExact(ctx, table, index, value);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public long nsw_table_grow(long ctx, long table, long delta, long init, long outPrevious) {
        try {
            return (long) H.nsw_table_grow.invokeExact(ctx, table, delta, init, outPrevious);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public long nsw_global_new(long ctx, byte content, boolean isMutable, long value, long out) {
        try {
            return (long) H.nsw_global_new.invokeExact(ctx, content, isMutable, value, out);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public long nsw_memory_new(long ctx, int minimum, boolean hasMaximum, int maximum, long out) {
        try {
            return (long) H.nsw_memory_new.invokeExact(ctx, minimum, hasMaximum, maximum, out);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public long nsw_table_new(long ctx, byte element, int minimum, boolean hasMaximum, int maximum, long init, long out) {
        try {
            return (long) H.nsw_table_new.invokeExact(ctx, element, minimum, hasMaximum, maximum, init, out);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public long nsw_context_funcref_new(long ctx, long func, long outRefId) {
        try {
            return (long) H.nsw_context_funcref_new.invokeExact(ctx, func, outRefId);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public long nsw_context_funcref_get(long ctx, long refId, long out) {
        try {
            return (long) H.nsw_context_funcref_get.invokeExact(ctx, refId, out);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    // ---------------------------------------------------------------- instances

    @Override
    public long nsw_linker_instantiate(long linker, long ctx, long module, long out) {
        try {
            return (long) H.nsw_linker_instantiate.invokeExact(linker, ctx, module, out);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public void nsw_instance_delete(long instance) {
        try {
            H.nsw_instance_delete.invokeExact(instance);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public long nsw_instance_export_get(long ctx, long instance, long name, long nameLen, long out) {
        try {
            return (long) H.nsw_instance_export_get.invokeExact(ctx, instance, name, nameLen, out);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public long nsw_context_caller_export(long ctx, long name, long nameLen, long out) {
        try {
            return (long) H.nsw_context_caller_export.invokeExact(ctx, name, nameLen, out);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    // ---------------------------------------------------------------- linker

    @Override
    public long nsw_linker_new(long engine, long out) {
        try {
            return (long) H.nsw_linker_new.invokeExact(engine, out);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public void nsw_linker_delete(long linker) {
        try {
            H.nsw_linker_delete.invokeExact(linker);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public long nsw_linker_allow_shadowing(long linker, boolean allow) {
        try {
            return (long) H.nsw_linker_allow_shadowing.invokeExact(linker, allow);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public long nsw_linker_define_func(long linker, long module, long moduleLen, long name, long nameLen, long params, long paramsLen, long results, long resultsLen, long callback, long env, long finalizer) {
        try {
            return (long) H.nsw_linker_define_func.invokeExact(linker, module, moduleLen, name, nameLen, params, paramsLen, results, resultsLen, callback, env, finalizer);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public long nsw_func_new(long ctx, long params, long paramsLen, long results, long resultsLen, long callback, long env, long finalizer, long out) {
        try {
            return (long) H.nsw_func_new.invokeExact(ctx, params, paramsLen, results, resultsLen, callback, env, finalizer, out);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public long nsw_linker_define(long linker, long ctx, long module, long moduleLen, long name, long nameLen, long ext) {
        try {
            return (long) H.nsw_linker_define.invokeExact(linker, ctx, module, moduleLen, name, nameLen, ext);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public long nsw_linker_define_instance(long linker, long ctx, long name, long nameLen, long instance) {
        try {
            return (long) H.nsw_linker_define_instance.invokeExact(linker, ctx, name, nameLen, instance);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    // ---------------------------------------------------------------- modules

    @Override
    public long nsw_module_verify(long engine, long artifact, long artifactLen) {
        try {
            return (long) H.nsw_module_verify.invokeExact(engine, artifact, artifactLen);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public long nsw_module_new(long engine, long artifact, long artifactLen, long out) {
        try {
            return (long) H.nsw_module_new.invokeExact(engine, artifact, artifactLen, out);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public long nsw_module_new_unchecked_raw(long engine, long cwasm, long cwasmLen, long out) {
        try {
            return (long) H.nsw_module_new_unchecked_raw.invokeExact(engine, cwasm, cwasmLen, out);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public void nsw_module_delete(long module) {
        try {
            H.nsw_module_delete.invokeExact(module);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public long nsw_module_import_count(long module) {
        try {
            return (long) H.nsw_module_import_count.invokeExact(module);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public long nsw_module_export_count(long module) {
        try {
            return (long) H.nsw_module_export_count.invokeExact(module);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public long nsw_module_import(long module, long index, long outModule, long outModuleLen, long outName, long outNameLen, long outType) {
        try {
            return (long) H.nsw_module_import.invokeExact(module, index, outModule, outModuleLen, outName, outNameLen, outType);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public long nsw_module_export(long module, long index, long outName, long outNameLen, long outType) {
        try {
            return (long) H.nsw_module_export.invokeExact(module, index, outName, outNameLen, outType);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    // ---------------------------------------------------------------- stores

    @Override
    public long nsw_store_new(long engine, long out) {
        try {
            return (long) H.nsw_store_new.invokeExact(engine, out);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public void nsw_store_delete(long store) {
        try {
            H.nsw_store_delete.invokeExact(store);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public long nsw_store_context(long store) {
        try {
            return (long) H.nsw_store_context.invokeExact(store);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public long nsw_context_store_id(long ctx) {
        try {
            return (long) H.nsw_context_store_id.invokeExact(ctx);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public long nsw_store_limits_set(long store, long memoryBytes, long tableElements, long instances, long tables, long memories) {
        try {
            return (long) H.nsw_store_limits_set.invokeExact(store, memoryBytes, tableElements, instances, tables, memories);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public long nsw_context_fuel_set(long ctx, long fuel) {
        try {
            return (long) H.nsw_context_fuel_set.invokeExact(ctx, fuel);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public long nsw_context_fuel_get(long ctx, long outFuel) {
        try {
            return (long) H.nsw_context_fuel_get.invokeExact(ctx, outFuel);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public long nsw_context_epoch_deadline_set(long ctx, long ticks) {
        try {
            return (long) H.nsw_context_epoch_deadline_set.invokeExact(ctx, ticks);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public long nsw_context_externref_new(long ctx, long hostId, long outRefId) {
        try {
            return (long) H.nsw_context_externref_new.invokeExact(ctx, hostId, outRefId);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public long nsw_context_externref_host_id(long ctx, long refId, long outHostId) {
        try {
            return (long) H.nsw_context_externref_host_id.invokeExact(ctx, refId, outHostId);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public boolean nsw_context_ref_release(long ctx, long refId) {
        try {
            return (boolean) H.nsw_context_ref_release.invokeExact(ctx, refId);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    // ---------------------------------------------------------------- version

    @Override
    public int nsw_abi_version() {
        try {
            return (int) H.nsw_abi_version.invokeExact();
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    @Override
    public void nsw_wasmtime_version(long outPtr, long outLen) {
        try {
            H.nsw_wasmtime_version.invokeExact(outPtr, outLen);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }
}
