package dev.nostdwasm.api;

/**
 * {@link Global#set} on a global declared without {@code mut}: WebAssembly lets nobody change it,
 * the host included. {@link ExternType.Global#mutable()} tells beforehand.
 */
public class ImmutableGlobalException extends WasmException {
    /** The serialized form's version. */
    private static final long serialVersionUID = 1L;

    /**
     * An exception with {@code message}.
     *
     * @param message what was refused and why
     */
    public ImmutableGlobalException(String message) {
        super(message);
    }
}
