package dev.nostdwasm.api;

/** Base of every exception this SDK throws about WebAssembly, artifacts and providers. */
public class WasmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WasmException(String message) {
        super(message);
    }

    public WasmException(String message, Throwable cause) {
        super(message, cause);
    }
}
