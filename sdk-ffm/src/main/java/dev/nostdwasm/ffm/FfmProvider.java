package dev.nostdwasm.ffm;

import dev.nostdwasm.api.NoStdRuntime;
import dev.nostdwasm.api.PlatformShim;
import dev.nostdwasm.api.ProviderUnavailableException;
import dev.nostdwasm.api.abi.NativeAbi;
import dev.nostdwasm.api.spi.NativeRuntimes;
import dev.nostdwasm.api.spi.RuntimeProvider;
import java.util.Objects;
import java.util.Optional;

/**
 * The provider on the Foreign Function and Memory API (final in Java 22).
 *
 * <p>This class alone is compiled for Java 17 (a second compiler execution in the pom that
 * overwrites the Java 22 class file, see there), so that {@link java.util.ServiceLoader} can
 * instantiate it on any Java the SDK supports: on Java 17 to 21 it reports itself unavailable and
 * the selection falls back to the JNI provider, instead of failing with
 * {@code UnsupportedClassVersionError}. It must therefore use no API newer than Java 17, and reach
 * the Java 22 classes ({@link FfmNatives}, which never appears in a signature with an FFM type)
 * only after {@link #unavailabilityCause()} found none.
 */
public final class FfmProvider implements RuntimeProvider {

    /** Above JNI's 10: where both can run, FFM wins (no glue library, calls the JIT can inline). */
    static final int PRIORITY = 20;

    static final int MINIMUM_JAVA = 22;

    /** For {@link java.util.ServiceLoader}. */
    public FfmProvider() {
    }

    @Override
    public String name() {
        return "ffm";
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
        return Optional.ofNullable(unavailability(Runtime.version().feature(), System.getProperty("os.name", "")));
    }

    /** Why the ffm provider cannot run on this Java, OS and architecture; null when it can. */
    static ProviderUnavailableException unavailability(int javaFeature, String osName) {
        if (javaFeature < MINIMUM_JAVA) {
            return new ProviderUnavailableException("the ffm provider needs Java " + MINIMUM_JAVA
                    + " or newer (this is Java " + javaFeature + "); use the jni provider (sdk-jni) on older Java");
        }
        return NativeRuntimes.platformProblem("ffm", osName);
    }

    @Override
    public NoStdRuntime open(PlatformShim shim) {
        Objects.requireNonNull(shim, "shim");
        Optional<Throwable> unavailable = unavailabilityCause();
        if (unavailable.isPresent()) {
            Throwable cause = unavailable.get();
            throw new ProviderUnavailableException(cause.getMessage(), cause);
        }
        NativeRuntimes.Libraries libraries = NativeRuntimes.libraries(FfmProvider.class, shim);
        NativeAbi abi = FfmNatives.load(libraries);
        return NativeRuntimes.open(name(), shim, abi);
    }
}
