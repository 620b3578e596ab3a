package dev.nostdwasm.api.spi;

import java.nio.ByteBuffer;

/**
 * The C ABI of the embedding ({@code rust-nostd/include/nsw.h}) as a provider reaches it: one
 * method per C function, with the C name and parameter order. A provider (FFM downcalls, JNI
 * glue) implements only this; the object model that users see is built once over it by
 * {@link NativeRuntimes}, so every provider behaves the same.
 *
 * <p>Mapping, the same for every method: a pointer (handle, out-pointer, byte array) is its
 * address as a {@code long}; {@code size_t}, {@code uint64_t} and {@code int64_t} are
 * {@code long}; {@code uint32_t} is {@code int}; {@code uint8_t} is {@code byte}; {@code bool}
 * is {@code boolean}; a returned {@code nsw_error_t*} is a {@code long} (0 on success).
 * Out-pointers and input bytes live in direct buffers whose address {@link #address} gives;
 * callers keep those buffers reachable until the call returns.
 * Methods never throw for a failed C call (they return the error); they do not validate
 * arguments beyond what C does (the embedding validates every handle).
 *
 * <p>{@code NativeAbiDriftTest} in each provider checks these methods against the header.
 */
public interface NativeAbi {

    /**
     * What the provider's C callback stubs forward to. Implementations never throw: a host
     * failure is returned as an {@code nsw_error_t*} made with {@code nsw_error_new}.
     */
    interface Upcalls {
        /**
         * {@code nsw_host_callback_t}: runs host function {@code env}; 0 or an error. {@code
         * storeId} is {@code nsw_context_store_id(caller)}, which the stub reads (a C stub does
         * so without another trip into Java).
         */
        long hostCall(long env, long caller, long storeId, long slots, long slotsLen);

        /** {@code nsw_finalizer_t}: host function {@code env} is gone. */
        void finalize(long env);
    }

    /**
     * The address of a C function of type {@code nsw_host_callback_t} that calls
     * {@code upcalls.hostCall} with its arguments. The stub lives as long as the process;
     * {@link NativeRuntimes} asks once per binding.
     */
    long hostCallbackStub(Upcalls upcalls);

    /** The address of a C function of type {@code nsw_finalizer_t} that calls {@code upcalls.finalize}. */
    long finalizerStub(Upcalls upcalls);

    /** The address of a direct buffer's element 0 (whatever its position). */
    long address(ByteBuffer direct);

    /**
     * A buffer over {@code length} bytes of native memory at {@code address} (no copy), in
     * big-endian order as new buffers are: callers set the order they read with.
     */
    ByteBuffer view(long address, long length);

    // ---------------------------------------------------------------- engine

    long nsw_engine_new(int profile, boolean fuel, boolean epoch, long maxWasmStack, long out);

    void nsw_engine_delete(long engine);

    void nsw_engine_increment_epoch(long engine);

    long nsw_engine_settings(long engine, long outProfile, long outTarget, long outFuel, long outEpoch);

    // ---------------------------------------------------------------- errors

    long nsw_error_new(long message, long messageLen);

    void nsw_error_delete(long error);

    int nsw_error_kind(long error);

    void nsw_error_message(long error, long outPtr, long outLen);

    boolean nsw_error_trap_code(long error, long outCode);

    /** The number of wasm frames the error carries, innermost first (0 when it has none). */
    long nsw_error_frame_count(long error);

    /**
     * Frame {@code index} of the error: function index ({@code uint32_t}), name pointer and
     * length (0/0 without a name), module offset ({@code uint64_t}, all ones when unknown);
     * false for an index out of range.
     */
    boolean nsw_error_frame(long error, long index, long outFuncIndex, long outName, long outNameLen, long outOffset);

    // ---------------------------------------------------------------- externs

    void nsw_extern_delete(long ext);

    long nsw_extern_type(long ext, long outType);

    long nsw_func_call(long ctx, long func, long slots, long slotsLen);

    long nsw_memory_data(long ctx, long memory, long outBase, long outSize);

    long nsw_memory_size(long ctx, long memory, long outPages);

    long nsw_memory_grow(long ctx, long memory, long delta, long outPrevious);

    long nsw_global_get(long ctx, long global, long outValue);

    long nsw_global_set(long ctx, long global, long value);

    long nsw_table_size(long ctx, long table, long outSize);

    long nsw_table_get(long ctx, long table, long index, long outValue);

    long nsw_table_set(long ctx, long table, long index, long value);

    long nsw_table_grow(long ctx, long table, long delta, long init, long outPrevious);

    long nsw_global_new(long ctx, byte content, boolean isMutable, long value, long out);

    long nsw_memory_new(long ctx, int minimum, boolean hasMaximum, int maximum, long out);

    long nsw_table_new(long ctx, byte element, int minimum, boolean hasMaximum, int maximum, long init, long out);

    long nsw_context_funcref_new(long ctx, long func, long outRefId);

    long nsw_context_funcref_get(long ctx, long refId, long out);

    // ---------------------------------------------------------------- instances

    long nsw_linker_instantiate(long linker, long ctx, long module, long out);

    void nsw_instance_delete(long instance);

    long nsw_instance_export_get(long ctx, long instance, long name, long nameLen, long out);

    long nsw_context_caller_export(long ctx, long name, long nameLen, long out);

    // ---------------------------------------------------------------- linker

    long nsw_linker_new(long engine, long out);

    void nsw_linker_delete(long linker);

    long nsw_linker_allow_shadowing(long linker, boolean allow);

    long nsw_linker_define_func(long linker, long module, long moduleLen, long name, long nameLen, long params,
            long paramsLen, long results, long resultsLen, long callback, long env, long finalizer);

    long nsw_func_new(long ctx, long params, long paramsLen, long results, long resultsLen, long callback, long env,
            long finalizer, long out);

    long nsw_linker_define(long linker, long ctx, long module, long moduleLen, long name, long nameLen, long ext);

    long nsw_linker_define_instance(long linker, long ctx, long name, long nameLen, long instance);

    // ---------------------------------------------------------------- modules

    long nsw_module_verify(long engine, long artifact, long artifactLen);

    long nsw_module_new(long engine, long artifact, long artifactLen, long out);

    /** Loads a plain Wasmtime {@code .cwasm} without envelope: nothing but Wasmtime's own header is checked. */
    long nsw_module_new_unchecked_raw(long engine, long cwasm, long cwasmLen, long out);

    void nsw_module_delete(long module);

    long nsw_module_import_count(long module);

    long nsw_module_export_count(long module);

    long nsw_module_import(long module, long index, long outModule, long outModuleLen, long outName, long outNameLen,
            long outType);

    long nsw_module_export(long module, long index, long outName, long outNameLen, long outType);

    // ---------------------------------------------------------------- stores

    long nsw_store_new(long engine, long out);

    void nsw_store_delete(long store);

    long nsw_store_context(long store);

    long nsw_store_limits_set(long store, long memoryBytes, long tableElements, long instances, long tables,
            long memories);

    long nsw_context_store_id(long ctx);

    long nsw_context_fuel_set(long ctx, long fuel);

    long nsw_context_fuel_get(long ctx, long outFuel);

    long nsw_context_epoch_deadline_set(long ctx, long ticks);

    long nsw_context_externref_new(long ctx, long hostId, long outRefId);

    long nsw_context_externref_host_id(long ctx, long refId, long outHostId);

    boolean nsw_context_ref_release(long ctx, long refId);

    // ---------------------------------------------------------------- version

    int nsw_abi_version();

    void nsw_wasmtime_version(long outPtr, long outLen);
}
