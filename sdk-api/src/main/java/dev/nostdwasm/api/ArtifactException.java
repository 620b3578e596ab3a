package dev.nostdwasm.api;

/** An artifact was refused before any of its code ran. */
public abstract class ArtifactException extends WasmException {
    private static final long serialVersionUID = 1L;

    protected ArtifactException(String message) {
        super(message);
    }
}
