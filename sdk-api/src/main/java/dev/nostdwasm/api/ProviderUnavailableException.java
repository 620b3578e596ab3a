package dev.nostdwasm.api;

/**
 * No provider could serve: none is on the class path, the one asked for is unavailable here
 * (with the reason), or the platform is unsupported. Suppressed exceptions hold each provider's
 * own cause.
 */
public class ProviderUnavailableException extends WasmException {
    /** The serialized form's version. */
    private static final long serialVersionUID = 1L;

    /**
     * An exception with {@code message}.
     *
     * @param message what went wrong and what to do
     */
    public ProviderUnavailableException(String message) {
        super(message);
    }

    /**
     * An exception with {@code message} and its cause.
     *
     * @param message what went wrong and what to do
     * @param cause what caused it
     */
    public ProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
