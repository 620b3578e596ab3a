package dev.nostdwasm.cli;

import dev.nostdwasm.api.Engine;
import dev.nostdwasm.api.WasmModule;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How {@code nsw run} turns a {@code .wat} or {@code .wasm} into a module: {@link Engine#compile},
 * which runs the bundled precompiler and keeps the result in its on-disk cache (keyed by the
 * module's SHA-256, the Wasmtime version and the engine's settings). The first run of a module
 * with given settings compiles it, and says so on stderr; later runs load the cached artifact.
 */
final class CachedCompile {

    private CachedCompile() {
    }

    /** {@code source}'s {@code bytes} compiled for {@code engine}; a note on {@code err} when the cache had no entry. */
    static WasmModule compile(Engine engine, Path source, byte[] bytes, String settings, PrintWriter err) {
        Path cache = directory();
        Set<String> before = entries(cache);
        WasmModule module;
        try {
            module = engine.compile(bytes);
        } catch (IllegalArgumentException e) {
            throw new CliException(source + " is not a valid module: " + e.getMessage(), e);
        }
        // Engine.compile does not say whether it compiled: a new entry in its cache says it did.
        if (!before.containsAll(entries(cache))) {
            err.println("nsw run: compiled " + source + " for " + settings + " and cached it in " + cache
                    + " (later runs load it from there)");
            err.flush();
        }
        return module;
    }

    /**
     * The cache directory {@link Engine#compile} documents: system property {@value
     * Engine#CACHE_PROPERTY}, by default {@code ${user.home}/.cache/nostdwasm}.
     */
    static Path directory() {
        String configured = System.getProperty(Engine.CACHE_PROPERTY);
        return (configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "nostdwasm")).toAbsolutePath();
    }

    private static Set<String> entries(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cwasm")).collect(Collectors.toSet());
        } catch (IOException | UncheckedIOException e) {
            return Set.of(); // then no note: the note is a courtesy, the compile itself has succeeded
        }
    }
}
