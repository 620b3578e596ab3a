package dev.nostdwasm.api;

/**
 * Compiled-code settings shared by modules and stores. Thread-safe. Closing it closes nothing
 * else, but no module or store may be made from it afterwards.
 */
public interface Engine extends AutoCloseable {

    EngineConfig config();

    /**
     * Verifies an artifact (made by the precompiler for this engine's profile, architecture,
     * fuel and epoch settings) and loads its module.
     *
     * <p>When the configuration has {@linkplain EngineConfig#withTrustedKeys trusted keys}, the
     * artifact must also be signed by one of them: its signature and its payload's SHA-256 are
     * checked in Java before any native code sees a byte.
     *
     * @throws ArtifactCorruptException when the bytes are not an artifact or were damaged
     * @throws ArtifactMismatchException when it was built for something else
     * @throws ArtifactSignatureException with trusted keys: when it is unsigned, its signature
     *     does not verify with a trusted key, or its payload was changed after signing
     */
    WasmModule load(byte[] artifact);

    /**
     * Loads a raw Wasmtime {@code .cwasm} (Wasmtime's serialization, without this project's
     * envelope). <strong>Unsafe:</strong> the bytes are machine code that runs in this process,
     * and no digest or signature is checked; Wasmtime only checks its own header (its version,
     * the target and the engine's settings). Use it only for artifacts you produced yourself and
     * protect as well as your own code; prefer {@link #load} with an enveloped (and signed)
     * artifact.
     *
     * @throws ArtifactSignatureException when the engine has trusted keys: a raw artifact cannot
     *     be verified, so such an engine never loads one
     * @throws ArtifactCorruptException when the bytes are not a raw {@code .cwasm} (an enveloped
     *     artifact, a {@code .wasm}, anything else)
     * @throws ArtifactMismatchException when Wasmtime refuses them (another Wasmtime version,
     *     target or engine setting, or damaged)
     */
    WasmModule loadRawUnsafe(byte[] cwasm);

    Linker newLinker();

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
