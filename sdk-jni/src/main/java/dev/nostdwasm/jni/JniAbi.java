package dev.nostdwasm.jni;

import dev.nostdwasm.api.abi.NativeAbi;
import dev.nostdwasm.api.natives.NativeBundle;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Objects;

/**
 * {@link NativeAbi} over the C glue {@code libnsw_jni} ({@code src/main/c/nsw_jni.c}). The
 * {@code nsw_*} natives are generated from {@code nsw.h} ({@link JniNatives}, with their C side);
 * {@code JNI_OnLoad} registers them and this class's own natives, and each calls the function of
 * the embedding the glue loaded with {@code dlopen} (see {@link #load}). A native whose Java
 * signature differs from the glue's table makes {@link System#load} fail.
 *
 * <p>The callback stubs are two plain C functions, so they forward to one {@link Upcalls} per
 * process: the first one given to {@link #hostCallbackStub} or {@link #finalizerStub}.
 */
final class JniAbi extends JniNatives {

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
        ByteBuffer view = newView(address, length);
        if (view == null) {
            throw new UnsupportedOperationException("this JVM's JNI makes no direct buffers (NewDirectByteBuffer "
                    + "returned NULL): the jni provider needs a JVM that does, such as OpenJDK");
        }
        return view;
    }

    /**
     * Null: a direct buffer made by JNI cannot be revoked (only Java 22's memory segments can
     * be), so a user never gets one over wasm memory from this provider.
     */
    @Override
    public ViewScope openViewScope(long address, long length) {
        return null;
    }
}
