package dev.nostdwasm.api.abi;

import java.nio.ByteBuffer;

/**
 * What a provider adds to the C functions of {@link NativeAbi} (which extends this): C callback
 * stubs that call into Java, and the addresses of Java's direct buffers. The C functions
 * themselves are generated from {@code nsw.h}; this part is written by hand in each provider.
 */
public interface NativeGlue {

    /**
     * What the provider's C callback stubs forward to. Implementations never throw: a host
     * failure is returned as an {@code nsw_error_t*} made with {@code nsw_error_new}.
     */
    interface Upcalls {
        /**
         * {@code nsw_host_callback_t}: runs host function {@code env}; 0 or an error. {@code
         * storeId} is {@code nsw_context_store_id(caller)}, which the stub reads (a C stub does
         * so without another trip into Java).
         *
         * @param env the host function's {@code env}, as given to {@code nsw_linker_define_func} or
         *     {@code nsw_func_new}
         * @param caller the calling context ({@code nsw_context_t*}), valid only during the call
         * @param storeId the id of the caller's store
         * @param slots the address of the {@code nsw_val_raw_t} slots: arguments in, results out
         * @param slotsLen the number of slots, max(parameters, results)
         * @return 0 on success, else the {@code nsw_error_t*} that becomes the wasm call's error
         */
        long hostCall(long env, long caller, long storeId, long slots, long slotsLen);

        /**
         * {@code nsw_finalizer_t}: host function {@code env} is gone.
         *
         * @param env the host function's {@code env}; never passed to {@link #hostCall} again
         */
        void finalize(long env);
    }

    /**
     * The address of a C function of type {@code nsw_host_callback_t} that calls
     * {@code upcalls.hostCall} with its arguments. The stub lives as long as the process;
     * the runtime asks once per binding.
     *
     * @param upcalls what the stub calls
     * @return the stub's address
     */
    long hostCallbackStub(Upcalls upcalls);

    /**
     * The address of a C function of type {@code nsw_finalizer_t} that calls {@code upcalls.finalize}.
     *
     * @param upcalls what the stub calls
     * @return the stub's address
     */
    long finalizerStub(Upcalls upcalls);

    /**
     * The address of a direct buffer's element 0 (whatever its position).
     *
     * @param direct a direct buffer
     * @return its address
     */
    long address(ByteBuffer direct);

    /**
     * A buffer over {@code length} bytes of native memory at {@code address} (no copy), in
     * big-endian order as new buffers are: callers set the order they read with. Nothing can
     * revoke it, so the runtime uses it only for memory it keeps alive as long as the buffer is
     * reachable (never for a buffer a user gets: that is what {@link #openViewScope} is for).
     *
     * @param address the address of the first byte
     * @param length the number of bytes
     * @return the buffer, position 0 and limit {@code length}
     */
    ByteBuffer view(long address, long length);

    /**
     * A scope for buffers over {@code length} bytes at {@code address} that can be revoked, or
     * null when this provider cannot revoke a direct buffer (JNI's {@code NewDirectByteBuffer}
     * makes buffers nothing can invalidate).
     *
     * @param address the address of the first byte
     * @param length the number of bytes
     * @return the scope, or null
     */
    ViewScope openViewScope(long address, long length);

    /** Buffers over one piece of native memory that {@link #close()} revokes together. */
    interface ViewScope {

        /**
         * A new big-endian buffer over the scope's bytes.
         *
         * @return the buffer
         * @throws IllegalStateException once the scope is closed
         */
        ByteBuffer newView();

        /** {@return whether a buffer {@link #newView()} made may still be reachable} */
        boolean hasViews();

        /**
         * Revokes every buffer of this scope: using one from then on throws {@link
         * IllegalStateException}, on every thread. Idempotent; may be called from any thread,
         * also while another thread uses a buffer of the scope.
         */
        void close();
    }
}
