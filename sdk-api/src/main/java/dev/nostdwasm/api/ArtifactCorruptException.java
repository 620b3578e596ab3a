package dev.nostdwasm.api;

/**
 * The bytes are not an artifact (for example a plain {@code .wasm}), or the artifact was damaged:
 * truncated, or its SHA-256 does not match. Recompile or copy it again.
 */
public class ArtifactCorruptException extends ArtifactException {
    private static final long serialVersionUID = 1L;

    public ArtifactCorruptException(String message) {
        super(message);
    }
}
