package dev.nostdwasm.api;

/** An import could not be resolved or has the wrong type at instantiation. */
public class LinkException extends WasmException {
    private static final long serialVersionUID = 1L;

    public LinkException(String message) {
        super(message);
    }
}
