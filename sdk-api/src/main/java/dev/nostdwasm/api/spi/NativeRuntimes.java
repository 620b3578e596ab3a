package dev.nostdwasm.api.spi;

import dev.nostdwasm.api.abi.NativeAbi;
import dev.nostdwasm.api.abi.NswConstants;
import dev.nostdwasm.api.Architecture;
import dev.nostdwasm.api.NoStdRuntime;
import dev.nostdwasm.api.PlatformShim;
import dev.nostdwasm.api.PlatformShimException;
import dev.nostdwasm.api.ProviderUnavailableException;
import dev.nostdwasm.api.natives.NativeBundle;
import dev.nostdwasm.api.runtime.NativeRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * SPI for providers: what every provider does the same way around its own binding.
 *
 * <pre>{@code
 * public NoStdRuntime open(PlatformShim shim) {
 *     NativeRuntimes.Libraries libs = NativeRuntimes.libraries(MyProvider.class, shim);
 *     NativeAbi abi = ...; // load libs.shim() RTLD_NOW|RTLD_GLOBAL, then libs.embedding()
 *     return NativeRuntimes.open(name(), shim, abi);
 * }
 * }</pre>
 */
public final class NativeRuntimes {

    /** The C ABI version these Java classes were written for ({@code NSW_ABI_VERSION}). */
    public static final int ABI_VERSION = NswConstants.NSW_ABI_VERSION;

    /**
     * Where the two libraries a provider loads are, shim first.
     *
     * @param shim the platform shim's shared library
     * @param embedding the embedding's shared library, which needs the shim's symbols
     */
    public record Libraries(Path shim, Path embedding) {
        /** Checks that both paths are given. */
        public Libraries {
            Objects.requireNonNull(shim, "shim");
            Objects.requireNonNull(embedding, "embedding");
        }
    }

    private static final Map<NativeAbi, NoStdRuntime> RUNTIMES = new IdentityHashMap<>();

    private NativeRuntimes() {
    }

    /**
     * Why provider {@code provider} cannot run on the OS named {@code osName} (the
     * {@code os.name} property) and this JVM's architecture; null when it can.
     *
     * @param provider the provider's name, for the message
     * @param osName the OS name
     * @return the exception saying why, or null
     */
    public static ProviderUnavailableException platformProblem(String provider, String osName) {
        if (!osName.toLowerCase(Locale.ROOT).startsWith("linux")) {
            return new ProviderUnavailableException("the " + provider + " provider runs on Linux only (this is "
                    + osName + "): its natives are built for linux x86_64 and aarch64");
        }
        try {
            Architecture.current(); // its message names the architectures there are natives for
        } catch (ProviderUnavailableException e) {
            return e;
        }
        return null;
    }

    /**
     * Claims {@code shim} for this process ({@link ProcessShim#claim}) and finds both libraries:
     * the bundled shim and the embedding are extracted from the jar of {@code anchor}; a user's
     * shim is the file it names for this architecture.
     *
     * @param anchor a class of the provider's jar, which bundles the natives
     * @param shim the platform shim to load
     * @return the paths of both libraries, ready for {@link System#load(String)}
     * @throws PlatformShimException when another shim is loaded, or the shim has no library
     *     for this architecture, or the file is missing
     * @throws ProviderUnavailableException when extraction fails
     */
    public static Libraries libraries(Class<?> anchor, PlatformShim shim) {
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(shim, "shim");
        ProcessShim.claim(shim);
        NativeBundle bundle = NativeBundle.forClass(anchor);
        Path shimLibrary;
        if (shim.isBundled()) {
            shimLibrary = bundle.extract("nsw_platform");
        } else {
            Architecture arch = Architecture.current();
            shimLibrary = shim.library(arch).orElseThrow(() -> new PlatformShimException("platform shim '"
                    + shim.name() + "' has no library for " + arch.id() + ": build it for " + arch.id()
                    + " and name it in PlatformShim.of(...)"));
            if (!Files.isRegularFile(shimLibrary)) {
                throw new PlatformShimException("platform shim '" + shim.name() + "': library " + shimLibrary
                        + " does not exist or is not a file");
            }
        }
        return new Libraries(shimLibrary, bundle.extract("nsw_embedding"));
    }

    /**
     * Builds the runtime over a loaded binding: checks {@code nsw_abi_version} against
     * {@link #ABI_VERSION} and installs the host-function upcalls.
     *
     * @param provider the provider's name ({@link NoStdRuntime#provider()})
     * @param shim the platform shim the libraries were loaded with
     * @param abi the binding over the loaded embedding
     * @return the runtime
     * @throws ProviderUnavailableException when the library speaks another ABI version
     */
    public static NoStdRuntime open(String provider, PlatformShim shim, NativeAbi abi) {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(shim, "shim");
        Objects.requireNonNull(abi, "abi");
        int version = abi.nsw_abi_version();
        if (version != ABI_VERSION) {
            throw new ProviderUnavailableException("provider '" + provider + "' loaded an embedding with C ABI version "
                    + version + ", but these classes need version " + ABI_VERSION
                    + ": use the sdk-api and provider jars of one release (import the BOM)");
        }
        synchronized (RUNTIMES) {
            // One runtime per binding: its upcall stubs live as long as the process.
            return RUNTIMES.computeIfAbsent(abi, a -> NativeRuntime.open(provider, shim, a));
        }
    }
}
