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
     * @return the runtime
     * @throws ProviderUnavailableException when no provider can run here, with each one's reason
     */
    static NoStdRuntime load() {
        return ProviderSelection.load(null, PlatformShim.bundled());
    }

    /**
     * The runtime of provider {@code provider} with the bundled shim.
     *
     * @param provider the provider's name, {@code ffm} or {@code jni}; null to choose as {@link #load()} does
     * @return the runtime
     * @throws ProviderUnavailableException when that provider is not on the class path or cannot
     *     run here, with the reason
     */
    static NoStdRuntime load(String provider) {
        return ProviderSelection.load(provider, PlatformShim.bundled());
    }

    /**
     * The runtime of provider {@code provider} (null: choose as {@link #load()} does) on your own
     * platform shim.
     *
     * @param provider the provider's name, {@code ffm} or {@code jni}; null to choose as {@link #load()} does
     * @param shim the platform shim the native runtime is linked with
     * @return the runtime
     * @throws ProviderUnavailableException when no such provider can run here, with the reasons
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
     * @param config the engine's settings
     * @return the engine
     * @throws PlatformShimException when the shim cannot run the profile
     */
    Engine newEngine(EngineConfig config);

    /** {@return the profiles this runtime can run here: those the platform shim has the capabilities for} */
    java.util.Set<Profile> profiles();
}
