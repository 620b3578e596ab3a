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
         */
        long hostCall(long env, long caller, long storeId, long slots, long slotsLen);

        /** {@code nsw_finalizer_t}: host function {@code env} is gone. */
        void finalize(long env);
    }

    /**
     * The address of a C function of type {@code nsw_host_callback_t} that calls
     * {@code upcalls.hostCall} with its arguments. The stub lives as long as the process;
     * the runtime asks once per binding.
     */
    long hostCallbackStub(Upcalls upcalls);

    /** The address of a C function of type {@code nsw_finalizer_t} that calls {@code upcalls.finalize}. */
    long finalizerStub(Upcalls upcalls);

    /** The address of a direct buffer's element 0 (whatever its position). */
    long address(ByteBuffer direct);

    /**
     * A buffer over {@code length} bytes of native memory at {@code address} (no copy), in
     * big-endian order as new buffers are: callers set the order they read with. Nothing can
     * revoke it, so the runtime uses it only for memory it keeps alive as long as the buffer is
     * reachable (never for a buffer a user gets: that is what {@link #openViewScope} is for).
     */
    ByteBuffer view(long address, long length);

    /**
     * A scope for buffers over {@code length} bytes at {@code address} that can be revoked, or
     * null when this provider cannot revoke a direct buffer (JNI's {@code NewDirectByteBuffer}
     * makes buffers nothing can invalidate).
     */
    ViewScope openViewScope(long address, long length);

    /** Buffers over one piece of native memory that {@link #close()} revokes together. */
    interface ViewScope {

        /**
         * A new big-endian buffer over the scope's bytes.
         *
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
