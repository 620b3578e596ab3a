package dev.nostdwasm.api;

/**
 * An instance (or, in a host function, the calling instance) has no export of the name and kind
 * asked for: {@link Instance#func}, {@link Instance#memory}, {@link Instance#global}, {@link
 * Instance#table} and the same methods of {@link Caller}. The message names the export and, where
 * known, the exports there are; {@link Instance#exportType} asks without throwing.
 */
public class ExportNotFoundException extends WasmException {
    /** The serialized form's version. */
    private static final long serialVersionUID = 1L;

    /**
     * An exception with {@code message}, which says what was asked and what there is.
     *
     * @param message the problem and how to fix it
     */
    public ExportNotFoundException(String message) {
        super(message);
    }
}
