package dev.nostdwasm.api;

/**
 * A valid artifact built for something else: another Wasmtime version, CPU architecture,
 * profile, fuel or epoch setting, or CPU features this machine lacks. The message says how to
 * recompile.
 */
public class ArtifactMismatchException extends ArtifactException {
    /** The serialized form's version. */
    private static final long serialVersionUID = 1L;

    /**
     * An exception with {@code message}.
     *
     * @param message what went wrong and what to do
     */
    public ArtifactMismatchException(String message) {
        super(message);
    }
}
