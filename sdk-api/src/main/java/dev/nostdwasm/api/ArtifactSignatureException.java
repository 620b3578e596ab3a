package dev.nostdwasm.api;

/**
 * An engine refused an artifact before any native code saw it, because it could not tell that
 * the artifact is yours. With {@linkplain EngineConfig#withTrustedKeys trusted keys}: it is
 * unsigned, its signature does not verify with any trusted key (signed by another key, or its
 * header was changed after signing), or its payload does not match the SHA-256 its signed header
 * records (the code was changed after signing); {@link Engine#loadRawUnsafe} and {@link
 * Engine#compile} are refused too, since their artifacts cannot be signed. Without trusted keys:
 * the engine did not {@linkplain EngineConfig#allowUnsignedArtifacts opt in to unsigned
 * artifacts}, and the artifact is not part of the application (see {@link Engine#loadResource}).
 * The message says which case it is and what to do.
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
