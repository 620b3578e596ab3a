package dev.nostdwasm.api;

/**
 * WebAssembly trapped. When a host function threw, the trap's {@linkplain #getCause() cause} is
 * that exception.
 */
public class WasmTrapException extends WasmException {
    private static final long serialVersionUID = 1L;

    private final TrapCode trapCode;

    public WasmTrapException(TrapCode trapCode, String message) {
        this(trapCode, message, null);
    }

    public WasmTrapException(TrapCode trapCode, String message, Throwable cause) {
        super(message, cause);
        this.trapCode = trapCode;
    }

    /** Why it trapped. */
    public TrapCode trapCode() {
        return trapCode;
    }
}
