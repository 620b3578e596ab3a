package dev.nostdwasm.api;

/** Base of every exception this SDK throws about WebAssembly, artifacts and providers. */
public class WasmException extends RuntimeException {
    /** The serialized form's version. */
    private static final long serialVersionUID = 1L;

    /**
     * An exception with {@code message}.
     *
     * @param message what went wrong and what to do
     */
    public WasmException(String message) {
        super(message);
    }

    /**
     * An exception with {@code message} and its cause.
     *
     * @param message what went wrong and what to do
     * @param cause what caused it
     */
    public WasmException(String message, Throwable cause) {
        super(message, cause);
    }
}
