package dev.nostdwasm.api;

/** A store limit (memory, table elements, instances) refused what was asked. */
public class ResourceLimitException extends WasmException {
    /** The serialized form's version. */
    private static final long serialVersionUID = 1L;

    /**
     * An exception with {@code message}.
     *
     * @param message what went wrong and what to do
     */
    public ResourceLimitException(String message) {
        super(message);
    }
}
