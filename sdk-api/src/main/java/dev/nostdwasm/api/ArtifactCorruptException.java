package dev.nostdwasm.api;

/**
 * The bytes are not an artifact (for example a plain {@code .wasm}), or the artifact was damaged:
 * truncated, or its SHA-256 does not match. Recompile or copy it again.
 */
public class ArtifactCorruptException extends ArtifactException {
    /** The serialized form's version. */
    private static final long serialVersionUID = 1L;

    /**
     * An exception with {@code message}.
     *
     * @param message what went wrong and what to do
     */
    public ArtifactCorruptException(String message) {
        super(message);
    }
}
