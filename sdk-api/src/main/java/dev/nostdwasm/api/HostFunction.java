package dev.nostdwasm.api;

/**
 * A function written in Java that wasm calls. An exception thrown here makes the wasm call trap,
 * and the calling Java code gets a {@link WasmTrapException} whose cause is that exception.
 */
@FunctionalInterface
public interface HostFunction {

    /** Returns the results, as many and of the types the function type declares. */
    Val[] call(Caller caller, Val[] args) throws Exception;
}
