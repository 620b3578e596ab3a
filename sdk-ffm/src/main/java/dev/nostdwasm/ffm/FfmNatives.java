package dev.nostdwasm.ffm;

import dev.nostdwasm.api.ProviderUnavailableException;
import dev.nostdwasm.api.abi.NativeAbi;
import dev.nostdwasm.api.natives.NativeBundle;
import dev.nostdwasm.api.spi.NativeRuntimes;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/**
 * Loads the two libraries into this process, once: the platform shim {@code RTLD_NOW |
 * RTLD_GLOBAL} (the embedding resolves Wasmtime's platform symbols from it), then the embedding,
 * which {@link FfmAbi#bind} binds the downcalls to. Compiled for Java 22 and reached only from
 * {@link FfmProvider#open} after its version check; its methods mention no FFM type, so the
 * release-17 {@code FfmProvider} links against it without loading it.
 */
final class FfmNatives {

    private static final int RTLD_NOW = 0x2;
    private static final int RTLD_GLOBAL = 0x100; // glibc and musl, x86_64 and aarch64

    private static FfmAbi abi; // guarded by FfmNatives.class

    private FfmNatives() {
    }

    /**
     * The binding over {@code libraries}; the first call loads them, later calls reuse what the
     * first loaded (one shim per process, claimed by {@link NativeRuntimes#libraries}).
     *
     * @throws ProviderUnavailableException when a library cannot be loaded (with the
     *     {@code dlerror} text, and the {@code noexec} diagnosis of {@link NativeBundle#loadFailure})
     *     or does not provide every function of {@code nsw.h}
     */
    static synchronized NativeAbi load(NativeRuntimes.Libraries libraries) {
        if (abi != null) {
            return abi;
        }
        dlopen(libraries.shim(), RTLD_NOW | RTLD_GLOBAL);
        // dlopen it ourselves first for the dlerror text; libraryLookup only says "cannot open".
        Path embedding = libraries.embedding();
        dlopen(embedding, RTLD_NOW);
        SymbolLookup lookup;
        try {
            lookup = SymbolLookup.libraryLookup(embedding, Arena.global());
        } catch (IllegalArgumentException e) {
            throw NativeBundle.loadFailure(embedding, e);
        }
        try {
            abi = FfmAbi.bind(lookup);
        } catch (LinkageError e) {
            throw new ProviderUnavailableException("the native library " + embedding + " does not provide the C ABI"
                    + " of this provider (" + e.getMessage() + "): use the sdk-api and sdk-ffm jars of one release", e);
        }
        return abi;
    }

    /**
     * {@code dlopen(path, flags)}; the handle is never closed, the library stays for the process.
     */
    private static void dlopen(Path library, int flags) {
        String path = library.toAbsolutePath().toString();
        MemorySegment handle;
        try (Arena arena = Arena.ofConfined()) {
            handle = (MemorySegment) Dl.DLOPEN.invokeExact(arena.allocateFrom(path), flags);
            if (handle.equals(MemorySegment.NULL)) {
                MemorySegment error = (MemorySegment) Dl.DLERROR.invokeExact();
                String reason = error.equals(MemorySegment.NULL)
                        ? "dlopen failed"
                        : error.reinterpret(Long.MAX_VALUE).getString(0);
                throw NativeBundle.loadFailure(library, new UnsatisfiedLinkError(reason));
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** {@code dlopen} and {@code dlerror}: in libc since glibc 2.34, in libdl before. */
    private static final class Dl {
        static final MethodHandle DLOPEN;
        static final MethodHandle DLERROR;

        static {
            Linker linker = Linker.nativeLinker();
            SymbolLookup libc = linker.defaultLookup();
            SymbolLookup symbols = libc.find("dlopen").isPresent()
                    ? libc
                    : SymbolLookup.libraryLookup("libdl.so.2", Arena.global());
            DLOPEN = linker.downcallHandle(symbols.find("dlopen").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
            DLERROR = linker.downcallHandle(symbols.find("dlerror").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.ADDRESS));
        }

        private Dl() {
        }
    }
}
