package dev.nostdwasm.precompiler;

import java.nio.file.Path;
import java.util.List;

/**
 * Compiles WebAssembly ({@code .wasm} or {@code .wat}) ahead of time into artifacts the
 * runtime loads, with the {@code nsw-precompile} executable this jar bundles for linux x86_64
 * and aarch64 hosts (or one you name). A build-time dependency: runtime jars never need it.
 *
 * <pre>{@code
 * Precompiler pc = Precompiler.bundled();
 * List<CompiledArtifact> out = pc.compile(
 *         PrecompileOptions.of(Set.of(Target.X86_64, Target.AARCH64), Set.of(Profile.NATIVE)),
 *         List.of(Path.of("app.wat")), Path.of("target/wasm"),
 *         (input, artifacts, done, total) -> System.out.println(done + "/" + total + " " + input));
 * }</pre>
 */
public final class Precompiler {

    private final Path executable;

    private Precompiler(Path executable) {
        this.executable = executable;
    }

    /**
     * The executable bundled in this jar for this host, extracted (and checked against its
     * SHA-256) into the work directory.
     *
     * @throws PrecompileException on another OS or architecture, or when extraction fails
     */
    public static Precompiler bundled() {
        throw new UnsupportedOperationException("not written yet");
    }

    /** The executable at {@code executable} (for a precompiler built elsewhere). */
    public static Precompiler at(Path executable) {
        return new Precompiler(executable);
    }

    public Path executable() {
        return executable;
    }

    /** The Wasmtime version the artifacts will be built for ({@code nsw-precompile --version}). */
    public String wasmtimeVersion() {
        throw new UnsupportedOperationException("not written yet");
    }

    /**
     * Compiles every input into {@code outDir} (created if missing) for every combination the
     * options name, reporting each input as it finishes.
     *
     * @return every artifact written, in input order
     * @throws PrecompileException naming the first input that failed and why
     */
    public List<CompiledArtifact> compile(PrecompileOptions options, List<Path> inputs, Path outDir,
            PrecompileListener listener) {
        throw new UnsupportedOperationException("not written yet");
    }
}
