package dev.nostdwasm.api.spi;

import dev.nostdwasm.api.ArtifactName;

/**
 * Compiles WebAssembly into an artifact while the application runs, for {@link
 * dev.nostdwasm.api.Engine#compile}. The {@code dev.nostdwasm:precompiler} artifact implements it;
 * the engine finds it with {@link java.util.ServiceLoader} and keeps the results in its on-disk
 * cache, so an implementation only compiles.
 */
public interface ArtifactCompiler {

    /**
     * The artifact (envelope and code, unsigned) of {@code wasmOrWat} compiled for the profile,
     * target, fuel and epoch settings of {@code name} (its stem means nothing here).
     *
     * @param wasmOrWat a WebAssembly binary ({@code .wasm}) or text ({@code .wat}) module
     * @param name the name of the artifact wanted: its profile, target, fuel and epoch count
     * @return the artifact's bytes
     * @throws IllegalArgumentException when the module is not valid WebAssembly, with the compiler's message
     * @throws IllegalStateException when the compiler cannot run on this machine, saying why
     */
    byte[] compile(byte[] wasmOrWat, ArtifactName name);
}
