package dev.nostdwasm.api;

/**
 * No provider could serve: none is on the class path, the one asked for is unavailable here
 * (with the reason), or the platform is unsupported. Suppressed exceptions hold each provider's
 * own cause.
 */
public class ProviderUnavailableException extends WasmException {
    private static final long serialVersionUID = 1L;

    public ProviderUnavailableException(String message) {
        super(message);
    }

    public ProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
