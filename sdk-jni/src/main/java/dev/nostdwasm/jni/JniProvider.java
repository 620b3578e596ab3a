package dev.nostdwasm.jni;

import dev.nostdwasm.api.NoStdRuntime;
import dev.nostdwasm.api.PlatformShim;
import dev.nostdwasm.api.ProviderUnavailableException;
import dev.nostdwasm.api.natives.NativeBundle;
import dev.nostdwasm.api.spi.NativeRuntimes;
import dev.nostdwasm.api.spi.RuntimeProvider;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The provider on JNI: runs on Java 17 and newer, through the C glue {@code libnsw_jni} that
 * this jar bundles next to the shim and the embedding.
 */
public final class JniProvider implements RuntimeProvider {

    /** Below FFM's 20: where both can run (Java 22+), FFM wins, as it needs no glue library. */
    static final int PRIORITY = 10;

    /** For {@link java.util.ServiceLoader}. */
    public JniProvider() {
    }

    @Override
    public String name() {
        return "jni";
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public boolean isAvailable() {
        return unavailabilityCause().isEmpty();
    }

    @Override
    public Optional<Throwable> unavailabilityCause() {
        return Optional.ofNullable(unavailability(System.getProperty("os.name", "")));
    }

    /** Why the jni provider cannot run on this OS and architecture; null when it can. */
    static ProviderUnavailableException unavailability(String osName) {
        return NativeRuntimes.platformProblem("jni", osName);
    }

    @Override
    public NoStdRuntime open(PlatformShim shim) {
        Objects.requireNonNull(shim, "shim");
        ProviderUnavailableException unavailable = unavailability(System.getProperty("os.name", ""));
        if (unavailable != null) {
            throw unavailable;
        }
        NativeRuntimes.Libraries libraries = NativeRuntimes.libraries(JniProvider.class, shim);
        Path glue = NativeBundle.forClass(JniProvider.class).extract("nsw_jni");
        JniAbi abi = JniAbi.load(glue, libraries.shim(), libraries.embedding());
        return NativeRuntimes.open(name(), shim, abi);
    }
}
