package dev.nostdwasm.api;

/** An artifact was refused before any of its code ran. */
public abstract class ArtifactException extends WasmException {
    /** The serialized form's version. */
    private static final long serialVersionUID = 1L;

    /**
     * An exception with {@code message}.
     *
     * @param message what went wrong and what to do
     */
    protected ArtifactException(String message) {
        super(message);
    }
}
