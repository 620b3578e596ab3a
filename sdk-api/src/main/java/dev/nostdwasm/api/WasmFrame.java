package dev.nostdwasm.api;

import java.util.Objects;
import java.util.Optional;

/**
 * One WebAssembly frame of a {@linkplain WasmTrapException#backtrace() trap's backtrace}.
 *
 * @param functionIndex the function's index in its module's function index space (imported
 *     functions come first, so the first function a module defines has the index of its
 *     import count)
 * @param name the function's name from the module's {@code name} custom section; empty when
 *     the module has no name for it (a {@code .wat} function without a {@code $id}, a stripped
 *     module)
 * @param offset where the frame was: the byte offset of the instruction from the start of the
 *     module's binary ({@code .wasm}), as tools such as {@code wasm-objdump} print it, or
 *     {@code -1} when Wasmtime has no address map for it
 */
public record WasmFrame(int functionIndex, Optional<String> name, long offset) {

    /** Checks the name is not null and the offset is -1 or more. */
    public WasmFrame {
        Objects.requireNonNull(name, "name");
        if (offset < -1) {
            throw new IllegalArgumentException("offset must be -1 (unknown) or positive: " + offset);
        }
    }

    /**
     * The name, or {@code wasm-function[index]} when the module names none.
     *
     * @return the name to show
     */
    public String displayName() {
        return name.orElseGet(() -> "wasm-function[" + Integer.toUnsignedString(functionIndex) + "]");
    }

    /** Like Wasmtime prints a frame: {@code name (index) @ 0xoffset}. */
    @Override
    public String toString() {
        String where = offset < 0 ? "" : " @ 0x" + Long.toHexString(offset);
        return displayName() + " (function " + Integer.toUnsignedString(functionIndex) + ")" + where;
    }
}
