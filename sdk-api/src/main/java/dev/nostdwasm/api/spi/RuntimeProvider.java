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

    /** Short name, as users ask for it: {@code ffm}, {@code jni}. */
    String name();

    /** Higher wins when several are available. */
    int priority();

    /** {@return whether this provider can run in this JVM on this machine; cheap, no native loading} */
    boolean isAvailable();

    /** Why it is not available (present whenever {@link #isAvailable()} is false). */
    Optional<Throwable> unavailabilityCause();

    /** Loads the shim and the runtime. Called at most once per provider and process. */
    NoStdRuntime open(PlatformShim shim);
}
