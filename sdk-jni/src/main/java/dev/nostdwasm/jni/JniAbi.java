package dev.nostdwasm.jni;

import dev.nostdwasm.api.spi.NativeAbi;
import dev.nostdwasm.api.natives.NativeBundle;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Objects;

/**
 * {@link NativeAbi} over the C glue {@code libnsw_jni} ({@code src/main/c/nsw_jni.c}). Every
 * {@code nsw_*} method is {@code native}: {@code JNI_OnLoad} registers them all, and each turns
 * its {@code long}s into pointers and calls the function of the embedding it loaded with
 * {@code dlopen} (see {@link #load}). {@code NativeAbiDriftTest} keeps this class, the interface
 * and {@code nsw.h} in step; a native whose Java signature differs from the glue's table makes
 * {@link System#load} fail.
 *
 * <p>The callback stubs are two plain C functions, so they forward to one {@link Upcalls} per
 * process: the first one given to {@link #hostCallbackStub} or {@link #finalizerStub}.
 */
final class JniAbi implements NativeAbi {

    private static JniAbi loaded; // guarded by JniAbi.class
    private static volatile Upcalls upcalls;

    private JniAbi() {
    }

    /**
     * Loads the glue, then through it the shim ({@code RTLD_GLOBAL}) and the embedding; once per
     * process, later calls return the same instance.
     *
     * @throws dev.nostdwasm.api.ProviderUnavailableException when a library cannot be loaded
     */
    static synchronized JniAbi load(Path glue, Path shim, Path embedding) {
        if (loaded != null) {
            return loaded;
        }
        try {
            // From this class, so that JNI_OnLoad finds it (and registers its natives) through its loader.
            System.load(glue.toString());
        } catch (UnsatisfiedLinkError e) {
            throw NativeBundle.loadFailure(glue, e);
        }
        String failure = init(shim.toString(), embedding.toString());
        if (failure != null) {
            // The glue names the library that failed first ("platform shim: ..." or "embedding: ...").
            Path culprit = failure.startsWith("platform shim") ? shim : embedding;
            throw NativeBundle.loadFailure(culprit, new UnsatisfiedLinkError(failure));
        }
        loaded = new JniAbi();
        return loaded;
    }

    /** dlopens both libraries and binds every function; null on success, else the reason. Idempotent. */
    private static native String init(String shimPath, String embeddingPath);

    private static native long hostCallbackAddress();

    private static native long finalizerAddress();

    private static native long directAddress(ByteBuffer buffer);

    private static native ByteBuffer newView(long address, long length);

    // ---------------------------------------------------------------- upcalls

    @Override
    public long hostCallbackStub(Upcalls upcalls) {
        install(upcalls);
        return hostCallbackAddress();
    }

    @Override
    public long finalizerStub(Upcalls upcalls) {
        install(upcalls);
        return finalizerAddress();
    }

    private static synchronized void install(Upcalls wanted) {
        Objects.requireNonNull(wanted, "upcalls");
        Upcalls current = upcalls;
        if (current != null && current != wanted) {
            // Replacing it would send the host functions defined so far to the wrong runtime.
            throw new IllegalStateException("the jni provider's callback stubs already forward to " + current
                    + "; they serve one Upcalls per process");
        }
        upcalls = wanted;
    }

    // Called by the C stubs (names and descriptors fixed in nsw_jni.c). A Java exception left
    // pending here becomes an nsw error (host call) or is printed and dropped (finalizer).

    private static long hostCall(long env, long caller, long storeId, long slots, long slotsLen) {
        return installed().hostCall(env, caller, storeId, slots, slotsLen);
    }

    private static void finalizeEnv(long env) {
        installed().finalize(env);
    }

    /** The text of a failed upcall's error message; never throws. */
    private static String describe(Throwable t) {
        try {
            return String.valueOf(t);
        } catch (Throwable again) {
            return t.getClass().getName();
        }
    }

    private static Upcalls installed() {
        Upcalls current = upcalls;
        if (current == null) {
            throw new IllegalStateException("a callback stub of the jni provider ran before any Upcalls was installed");
        }
        return current;
    }

    // ---------------------------------------------------------------- memory

    /** The address of element 0 (whatever the position), as JNI's GetDirectBufferAddress gives it. */
    @Override
    public long address(ByteBuffer direct) {
        Objects.requireNonNull(direct, "direct");
        if (!direct.isDirect()) {
            throw new IllegalArgumentException("not a direct buffer: " + direct);
        }
        return directAddress(direct);
    }

    /** A big-endian buffer (JNI's default) over memory the caller keeps alive. */
    @Override
    public ByteBuffer view(long address, long length) {
        if (length < 0 || length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a buffer cannot span " + length + " bytes");
        }
        return newView(address, length);
    }

    // ---------------------------------------------------------------- engine

    @Override
    public native long nsw_engine_new(int profile, boolean fuel, boolean epoch, long maxWasmStack, long out);

    @Override
    public native void nsw_engine_delete(long engine);

    @Override
    public native void nsw_engine_increment_epoch(long engine);

    @Override
    public native long nsw_engine_settings(long engine, long outProfile, long outTarget, long outFuel, long outEpoch);

    // ---------------------------------------------------------------- errors

    @Override
    public native long nsw_error_new(long message, long messageLen);

    @Override
    public native void nsw_error_delete(long error);

    @Override
    public native int nsw_error_kind(long error);

    @Override
    public native void nsw_error_message(long error, long outPtr, long outLen);

    @Override
    public native boolean nsw_error_trap_code(long error, long outCode);

    @Override
    public native long nsw_error_frame_count(long error);

    @Override
    public native boolean nsw_error_frame(long error, long index, long outFuncIndex, long outName, long outNameLen,
            long outOffset);

    // ---------------------------------------------------------------- externs

    @Override
    public native void nsw_extern_delete(long ext);

    @Override
    public native long nsw_extern_type(long ext, long outType);

    @Override
    public native long nsw_func_call(long ctx, long func, long slots, long slotsLen);

    @Override
    public native long nsw_memory_data(long ctx, long memory, long outBase, long outSize);

    @Override
    public native long nsw_memory_size(long ctx, long memory, long outPages);

    @Override
    public native long nsw_memory_grow(long ctx, long memory, long delta, long outPrevious);

    @Override
    public native long nsw_global_get(long ctx, long global, long outValue);

    @Override
    public native long nsw_global_set(long ctx, long global, long value);

    @Override
    public native long nsw_table_size(long ctx, long table, long outSize);

    @Override
    public native long nsw_table_get(long ctx, long table, long index, long outValue);

    @Override
    public native long nsw_table_set(long ctx, long table, long index, long value);

    @Override
    public native long nsw_table_grow(long ctx, long table, long delta, long init, long outPrevious);

    @Override
    public native long nsw_global_new(long ctx, byte content, boolean isMutable, long value, long out);

    @Override
    public native long nsw_memory_new(long ctx, int minimum, boolean hasMaximum, int maximum, long out);

    @Override
    public native long nsw_table_new(long ctx, byte element, int minimum, boolean hasMaximum, int maximum, long init,
            long out);

    @Override
    public native long nsw_context_funcref_new(long ctx, long func, long outRefId);

    @Override
    public native long nsw_context_funcref_get(long ctx, long refId, long out);

    // ---------------------------------------------------------------- instances

    @Override
    public native long nsw_linker_instantiate(long linker, long ctx, long module, long out);

    @Override
    public native void nsw_instance_delete(long instance);

    @Override
    public native long nsw_instance_export_get(long ctx, long instance, long name, long nameLen, long out);

    @Override
    public native long nsw_context_caller_export(long ctx, long name, long nameLen, long out);

    // ---------------------------------------------------------------- linker

    @Override
    public native long nsw_linker_new(long engine, long out);

    @Override
    public native void nsw_linker_delete(long linker);

    @Override
    public native long nsw_linker_allow_shadowing(long linker, boolean allow);

    @Override
    public native long nsw_linker_define_func(long linker, long module, long moduleLen, long name, long nameLen,
            long params, long paramsLen, long results, long resultsLen, long callback, long env, long finalizer);

    @Override
    public native long nsw_func_new(long ctx, long params, long paramsLen, long results, long resultsLen,
            long callback, long env, long finalizer, long out);

    @Override
    public native long nsw_linker_define(long linker, long ctx, long module, long moduleLen, long name, long nameLen,
            long ext);

    @Override
    public native long nsw_linker_define_instance(long linker, long ctx, long name, long nameLen, long instance);

    // ---------------------------------------------------------------- modules

    @Override
    public native long nsw_module_verify(long engine, long artifact, long artifactLen);

    @Override
    public native long nsw_module_new(long engine, long artifact, long artifactLen, long out);

    @Override
    public native long nsw_module_new_unchecked_raw(long engine, long cwasm, long cwasmLen, long out);

    @Override
    public native void nsw_module_delete(long module);

    @Override
    public native long nsw_module_import_count(long module);

    @Override
    public native long nsw_module_export_count(long module);

    @Override
    public native long nsw_module_import(long module, long index, long outModule, long outModuleLen, long outName,
            long outNameLen, long outType);

    @Override
    public native long nsw_module_export(long module, long index, long outName, long outNameLen, long outType);

    // ---------------------------------------------------------------- stores

    @Override
    public native long nsw_store_new(long engine, long out);

    @Override
    public native void nsw_store_delete(long store);

    @Override
    public native long nsw_store_context(long store);

    @Override
    public native long nsw_store_limits_set(long store, long memoryBytes, long tableElements, long instances,
            long tables, long memories);

    @Override
    public native long nsw_context_store_id(long ctx);

    @Override
    public native long nsw_context_fuel_set(long ctx, long fuel);

    @Override
    public native long nsw_context_fuel_get(long ctx, long outFuel);

    @Override
    public native long nsw_context_epoch_deadline_set(long ctx, long ticks);

    @Override
    public native long nsw_context_externref_new(long ctx, long hostId, long outRefId);

    @Override
    public native long nsw_context_externref_host_id(long ctx, long refId, long outHostId);

    @Override
    public native boolean nsw_context_ref_release(long ctx, long refId);

    // ---------------------------------------------------------------- version

    @Override
    public native int nsw_abi_version();

    @Override
    public native void nsw_wasmtime_version(long outPtr, long outLen);
}
