package dev.nostdwasm.api;

import java.util.List;
import java.util.Objects;

/**
 * WebAssembly threw an exception (the exception-handling proposal's {@code throw}) that no
 * {@code catch} in wasm handled, so it ended the call or the instantiation. The exception
 * object is discarded; the store stays usable.
 */
public class UncaughtWasmException extends WasmException {
    private static final long serialVersionUID = 1L;

    private final transient List<WasmFrame> backtrace;

    public UncaughtWasmException(String message, List<WasmFrame> backtrace) {
        super(message);
        this.backtrace = List.copyOf(Objects.requireNonNull(backtrace, "backtrace"));
    }

    /** The WebAssembly frames Wasmtime recorded, innermost first; often empty for exceptions. */
    public List<WasmFrame> backtrace() {
        return backtrace == null ? List.of() : backtrace;
    }
}
