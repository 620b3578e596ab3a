package dev.nostdwasm.api;

/** An object was used after {@code close()} (its own, or that of the object that made it). */
public class ClosedException extends WasmException {
    /** The serialized form's version. */
    private static final long serialVersionUID = 1L;

    /**
     * An exception saying {@code what} is closed.
     *
     * @param what the object used, e.g. "store"
     */
    public ClosedException(String what) {
        super(what + " is closed");
    }
}
