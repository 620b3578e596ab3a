package dev.nostdwasm.api;

/** An object was used after {@code close()} (its own, or that of the object that made it). */
public class ClosedException extends WasmException {
    private static final long serialVersionUID = 1L;

    public ClosedException(String what) {
        super(what + " is closed");
    }
}
