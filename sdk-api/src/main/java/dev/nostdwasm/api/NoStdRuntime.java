package dev.nostdwasm.api;

/**
 * The entry point: a no_std Wasmtime runtime reached through a provider.
 *
 * <pre>{@code
 * NoStdRuntime runtime = NoStdRuntime.load();          // FFM on Java 22+, else JNI
 * NoStdRuntime jni = NoStdRuntime.load("jni");          // or ask for one
 * }</pre>
 */
public interface NoStdRuntime {

    /** System property naming the provider to use ({@code ffm} or {@code jni}). */
    String PROVIDER_PROPERTY = "nostdwasm.provider";

    /**
     * The runtime of the best available provider (or the one named by {@value
     * #PROVIDER_PROPERTY}) with the bundled platform shim.
     *
     * @throws ProviderUnavailableException when no provider can run here, with each one's reason
     */
    static NoStdRuntime load() {
        return ProviderSelection.load(null, PlatformShim.bundled());
    }

    /** The runtime of provider {@code provider} ({@code ffm} or {@code jni}) with the bundled shim. */
    static NoStdRuntime load(String provider) {
        return ProviderSelection.load(provider, PlatformShim.bundled());
    }

    /**
     * The runtime of provider {@code provider} (null: choose as {@link #load()} does) on your own
     * platform shim.
     */
    static NoStdRuntime load(String provider, PlatformShim shim) {
        return ProviderSelection.load(provider, shim);
    }

    /** {@return the provider serving this runtime: {@code ffm} or {@code jni}} */
    String provider();

    /** {@return the platform shim this process loaded} */
    PlatformShim platformShim();

    /** {@return the Wasmtime version inside the native runtime} */
    String wasmtimeVersion();

    /**
     * A new engine.
     *
     * @throws PlatformShimException when the shim cannot run the profile
     */
    Engine newEngine(EngineConfig config);

    /** {@return the profiles this runtime can run here: those the platform shim has the capabilities for} */
    java.util.Set<Profile> profiles();
}
