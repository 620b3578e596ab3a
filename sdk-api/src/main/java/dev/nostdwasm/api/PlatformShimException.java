package dev.nostdwasm.api;

/**
 * A platform shim cannot be used: it has no library for this architecture, it lacks a
 * capability a profile needs, or another shim is already loaded in this process (signal
 * handlers are process-wide, so there is one shim per process).
 */
public class PlatformShimException extends WasmException {
    /** The serialized form's version. */
    private static final long serialVersionUID = 1L;

    /**
     * An exception with {@code message}.
     *
     * @param message what went wrong and what to do
     */
    public PlatformShimException(String message) {
        super(message);
    }
}
