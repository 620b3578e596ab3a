package dev.nostdwasm.api;

import java.util.List;
import java.util.Objects;

/**
 * WebAssembly threw an exception (the exception-handling proposal's {@code throw}) that no
 * {@code catch} in wasm handled, so it ended the call or the instantiation. The exception
 * object is discarded; the store stays usable.
 *
 * <p>It does not carry the exception's tag or payload values: the runtime
 * ({@code rust-nostd/crates/embedding/src/error.rs}) takes the store's pending exception and
 * drops it, and the C ABI has no function that hands them out. Have the guest catch its own
 * exceptions where the host needs their values.
 */
public class UncaughtWasmException extends WasmException {
    /** The serialized form's version. */
    private static final long serialVersionUID = 1L;

    private final transient List<WasmFrame> backtrace;

    /**
     * An exception with the frames Wasmtime recorded.
     *
     * @param message what happened
     * @param backtrace the WebAssembly frames, innermost first
     */
    public UncaughtWasmException(String message, List<WasmFrame> backtrace) {
        super(message);
        this.backtrace = List.copyOf(Objects.requireNonNull(backtrace, "backtrace"));
    }

    /**
     * The WebAssembly frames Wasmtime recorded, innermost first.
     *
     * @return the frames; often empty for exceptions
     */
    public List<WasmFrame> backtrace() {
        return backtrace == null ? List.of() : backtrace;
    }
}
