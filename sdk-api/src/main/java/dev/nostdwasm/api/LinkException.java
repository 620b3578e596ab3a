package dev.nostdwasm.api;

/** An import could not be resolved or has the wrong type at instantiation. */
public class LinkException extends WasmException {
    /** The serialized form's version. */
    private static final long serialVersionUID = 1L;

    /**
     * An exception with {@code message}.
     *
     * @param message what went wrong and what to do
     */
    public LinkException(String message) {
        super(message);
    }
}
