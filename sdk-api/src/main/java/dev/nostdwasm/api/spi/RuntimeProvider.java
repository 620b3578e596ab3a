package dev.nostdwasm.api.spi;

import dev.nostdwasm.api.NoStdRuntime;
import dev.nostdwasm.api.PlatformShim;
import java.util.Optional;

/**
 * A way to reach the native runtime (FFM, JNI). Providers are found with {@link
 * java.util.ServiceLoader}; {@link NoStdRuntime#load()} opens the available one with the
 * highest priority, or the one named by the {@value NoStdRuntime#PROVIDER_PROPERTY} system
 * property.
 */
public interface RuntimeProvider {

    /** {@return the short name users ask for it by: {@code ffm}, {@code jni}} */
    String name();

    /** {@return the priority: the available provider with the highest wins} */
    int priority();

    /** {@return whether this provider can run in this JVM on this machine; cheap, no native loading} */
    boolean isAvailable();

    /** {@return why it is not available: present whenever {@link #isAvailable()} is false} */
    Optional<Throwable> unavailabilityCause();

    /**
     * Loads the shim and the runtime. Called at most once per provider and process.
     *
     * @param shim the platform shim to load the runtime with
     * @return the runtime
     */
    NoStdRuntime open(PlatformShim shim);
}
