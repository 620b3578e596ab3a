package dev.nostdwasm.api;

/**
 * A value, or a list of values, does not have the WebAssembly types asked for: arguments of
 * {@link Func#call(Val...)} of another count or type than the function's parameters, a value for
 * {@link Global#set} or {@link Table#set} of another type than the global or table holds. Like
 * every wrong argument it is an {@link IllegalArgumentException}; the message names both types.
 */
public class TypeMismatchException extends IllegalArgumentException {
    /** The serialized form's version. */
    private static final long serialVersionUID = 1L;

    /**
     * An exception with {@code message}.
     *
     * @param message the types wanted and the types given
     */
    public TypeMismatchException(String message) {
        super(message);
    }
}
