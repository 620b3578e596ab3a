package dev.nostdwasm.precompiler.service;

import dev.nostdwasm.api.ArtifactName;
import dev.nostdwasm.api.spi.ArtifactCompiler;
import dev.nostdwasm.precompiler.CompiledArtifact;
import dev.nostdwasm.precompiler.PrecompileException;
import dev.nostdwasm.precompiler.PrecompileListener;
import dev.nostdwasm.precompiler.PrecompileOptions;
import dev.nostdwasm.precompiler.Precompiler;
import dev.nostdwasm.precompiler.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * {@link dev.nostdwasm.api.Engine#compile}'s compiler: the {@code nsw-precompile} this jar bundles,
 * run on one module in a private temporary directory. Registered in {@code META-INF/services} and
 * in {@code module-info.java}; not part of the precompiler's API.
 */
public final class BundledArtifactCompiler implements ArtifactCompiler {

    /** Called by {@link java.util.ServiceLoader}. */
    public BundledArtifactCompiler() {
    }

    @Override
    public byte[] compile(byte[] wasmOrWat, ArtifactName name) {
        Path dir;
        try {
            dir = Files.createTempDirectory("nsw-compile-"); // owner-only on POSIX file systems
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory to compile in: " + e.getMessage(), e);
        }
        try {
            // nsw-precompile tells .wasm from .wat by content, so the extension is only for its messages.
            Path input = Files.write(dir.resolve("module.wasm"), wasmOrWat);
            PrecompileOptions options = PrecompileOptions.of(Set.of(Target.fromCliName(name.target())), Set.of(name.profile()))
                    .withFuel(name.fuel())
                    .withEpoch(name.epoch());
            List<CompiledArtifact> written = Precompiler.bundled().compile(options, List.of(input), dir.resolve("out"),
                    PrecompileListener.NONE);
            return Files.readAllBytes(written.get(0).file());
        } catch (PrecompileException e) {
            if (e.input() != null) {
                throw new IllegalArgumentException("cannot compile the module: " + e.getMessage(), e);
            }
            throw new IllegalStateException("cannot run the precompiler: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compile in " + dir + ": " + e.getMessage(), e);
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
