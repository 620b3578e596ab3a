package dev.nostdwasm.api;

/**
 * An engine configured with {@linkplain EngineConfig#withTrustedKeys trusted keys} refused an
 * artifact before any native code saw it: it is unsigned, its signature does not verify with any
 * trusted key (signed by another key, or its header was changed after signing), or its payload
 * does not match the SHA-256 its signed header records (the code was changed after signing). Also
 * thrown by {@link Engine#loadRawUnsafe} on such an engine, since a raw {@code .cwasm} cannot be
 * verified. The message says which case it is and what to do.
 */
public class ArtifactSignatureException extends ArtifactException {
    /** The serialized form's version. */
    private static final long serialVersionUID = 1L;

    /**
     * An exception with {@code message}.
     *
     * @param message what went wrong and what to do
     */
    public ArtifactSignatureException(String message) {
        super(message);
    }
}
