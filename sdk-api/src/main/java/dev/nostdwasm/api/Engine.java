package dev.nostdwasm.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Compiled-code settings shared by modules and stores. Thread-safe. Closing it closes nothing
 * else, but no module or store may be made from it afterwards.
 */
public interface Engine extends AutoCloseable {

    /**
     * The configuration the engine was made with.
     *
     * @return the configuration
     */
    EngineConfig config();

    /**
     * Verifies an artifact (made by the precompiler for this engine's profile, architecture,
     * fuel and epoch settings) and loads its module.
     *
     * <p>The engine must have {@linkplain EngineConfig#withTrustedKeys trusted keys}, and then the
     * artifact's signature and its payload's SHA-256 are checked in Java before any native code
     * sees a byte; or it must {@linkplain EngineConfig#allowUnsignedArtifacts allow unsigned
     * artifacts}, and then only the SHA-256 is checked (against damage, not against tampering).
     *
     * @param artifact the artifact's bytes; they are copied, so the array may be reused on return
     * @return the module
     * @throws ArtifactCorruptException when the bytes are not an artifact or were damaged
     * @throws ArtifactMismatchException when it was built for something else
     * @throws ArtifactSignatureException without trusted keys or the opt-in (the message names
     *     both); with trusted keys: when it is unsigned, its signature does not verify with a
     *     trusted key, or its payload was changed after signing
     */
    WasmModule load(byte[] artifact);

    /**
     * Reads the artifact at {@code artifact} and loads it as {@link #load(byte[])} does.
     *
     * @param artifact the artifact file
     * @return the module
     * @throws IOException when the file cannot be read
     * @throws ArtifactException as {@link #load(byte[])}
     */
    WasmModule load(Path artifact) throws IOException;

    /**
     * Reads {@code artifact} to its end (without closing it) and loads it as {@link #load(byte[])} does.
     *
     * @param artifact the stream of the artifact's bytes
     * @return the module
     * @throws IOException when the stream cannot be read
     * @throws ArtifactException as {@link #load(byte[])}
     */
    WasmModule load(InputStream artifact) throws IOException;

    /**
     * Loads module {@code stem}'s artifact for this engine from {@code anchor}'s class path: the
     * root-level resource {@code /<stem>.<profile>[.fuel][.epoch].<target>.cwasm} ({@link
     * ArtifactName#forEngine}), where the Maven plugin puts it. Root-level resources are found
     * through {@code anchor} alike on the class path and from a named module.
     *
     * <p>An unsigned artifact loads when it comes from the same jar or classes directory as {@code
     * anchor} itself (its code source): it is part of the application exactly as the class is. One
     * from anywhere else needs {@linkplain EngineConfig#withTrustedKeys trusted keys} or the
     * {@linkplain EngineConfig#allowUnsignedArtifacts opt-in}. With trusted keys, it must be signed
     * wherever it comes from.
     *
     * @param anchor a class of the jar or directory holding the artifact
     * @param stem the module's name: its source file's name without the extension ({@code add} for {@code add.wat})
     * @return the module
     * @throws ArtifactNotFoundException when there is no artifact for this engine's settings, listing
     *     those of {@code stem} that exist and the precompiler options that make the right one
     * @throws ArtifactSignatureException when it is unsigned and from another code source than
     *     {@code anchor}, without trusted keys or the opt-in; or, with trusted keys, as {@link #load(byte[])}
     * @throws ArtifactException otherwise as {@link #load(byte[])}
     * @throws java.io.UncheckedIOException when the resource cannot be read
     */
    WasmModule loadResource(Class<?> anchor, String stem);

    /**
     * Compiles a WebAssembly module ({@code .wasm} binary or {@code .wat} text) for this engine and
     * loads it: for development, when precompiling at build time is not set up yet. Needs the
     * {@code dev.nostdwasm:precompiler} artifact on the class path (or module path), which runs
     * the compiler in a child process on linux x86_64 and aarch64.
     *
     * <p>Compiled artifacts are kept in an on-disk cache, keyed by the SHA-256 of {@code
     * wasmOrWat}, the Wasmtime version and this engine's profile, target, fuel and epoch settings:
     * the directory named by system property {@value #CACHE_PROPERTY}, by default {@code
     * ${user.home}/.cache/nostdwasm}. It is created readable and writable by its owner only, and a
     * cache directory that another user owns or can write is refused, since the engine loads its
     * (unsigned) entries as its own code.
     *
     * @param wasmOrWat the module's {@code .wasm} bytes, or its {@code .wat} text in UTF-8
     * @return the module
     * @throws IllegalStateException when the precompiler is not on the class path (naming the
     *     Maven artifact to add), cannot run here, or the cache directory is unusable or unsafe
     * @throws IllegalArgumentException when the module is not valid WebAssembly, with the compiler's message
     * @throws ArtifactSignatureException when the engine has trusted keys: compiled artifacts are
     *     unsigned, so such an engine never loads one
     * @throws java.io.UncheckedIOException when the cache cannot be read or written
     */
    WasmModule compile(byte[] wasmOrWat);

    /** System property naming the directory of {@link #compile}'s cache. */
    String CACHE_PROPERTY = "nostdwasm.cache";

    /**
     * Loads a raw Wasmtime {@code .cwasm} (Wasmtime's serialization, without this project's
     * envelope). <strong>Unsafe:</strong> the bytes are machine code that runs in this process,
     * and no digest or signature is checked; Wasmtime only checks its own header (its version,
     * the target and the engine's settings). Use it only for artifacts you produced yourself and
     * protect as well as your own code; prefer {@link #load} with an enveloped (and signed)
     * artifact.
     *
     * @param cwasm the bytes of a {@code .cwasm} that Wasmtime serialized for this engine's settings
     * @return the module
     * @throws ArtifactSignatureException when the engine has trusted keys: a raw artifact cannot
     *     be verified, so such an engine never loads one
     * @throws ArtifactCorruptException when the bytes are not a raw {@code .cwasm} (an enveloped
     *     artifact, a {@code .wasm}, anything else)
     * @throws ArtifactMismatchException when Wasmtime refuses them (another Wasmtime version,
     *     target or engine setting, or damaged)
     */
    WasmModule loadRawUnsafe(byte[] cwasm);

    /**
     * A new linker with nothing defined, for this engine's modules.
     *
     * @return the linker
     * @throws ClosedException when this engine is closed
     */
    Linker newLinker();

    /**
     * A new store without data ({@link Store#data()} is null), limited by
     * {@link StoreLimits#DEFAULT} until {@link Store#setLimits} says otherwise and, with epoch
     * interruption, with its deadline far in the future.
     *
     * @return the store
     * @throws ClosedException when this engine is closed
     */
    Store newStore();

    /** Advances the epoch: stores past their deadline trap with {@link TrapCode#INTERRUPT}. */
    void incrementEpoch();

    /**
     * Closes the engine: no module, linker or store can be made from it afterwards, and its epoch
     * ticker thread (started by the first {@link Store#setDeadline}) is stopped and joined.
     * Modules, linkers and stores made earlier keep working, but deadlines no longer advance.
     */
    @Override
    void close();

    /**
     * A new store that carries {@code data}: an object of yours (a tenant, a request, a session)
     * that {@link Store#data()} and, in a host function, {@link Caller#data()} hand back. With
     * one linker shared by many stores, it tells a host function whose call it serves. The store
     * only keeps the reference: it never closes or copies the object.
     *
     * @param data the store's data, not null (a store without data is {@link #newStore()})
     * @return the store
     * @throws ClosedException when this engine is closed
     */
    Store newStore(Object data);
}
