package dev.nostdwasm.api;

/** A store limit (memory, table elements, instances) refused what was asked. */
public class ResourceLimitException extends WasmException {
    private static final long serialVersionUID = 1L;

    public ResourceLimitException(String message) {
        super(message);
    }
}
