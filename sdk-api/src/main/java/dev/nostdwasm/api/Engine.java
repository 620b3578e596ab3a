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
     * @throws ArtifactCorruptException when the bytes are not an artifact or were damaged
     * @throws ArtifactMismatchException when it was built for something else
     */
    Module load(byte[] artifact);

    Linker newLinker();

    Store newStore();

    /** Advances the epoch: stores past their deadline trap with {@link TrapCode#INTERRUPT}. */
    void incrementEpoch();

    @Override
    void close();
}
