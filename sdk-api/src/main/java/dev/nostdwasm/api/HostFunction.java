package dev.nostdwasm.api;

/**
 * A function written in Java that wasm calls, with its values as {@link Val}s: for any function
 * type, references and several results included. An exception thrown here makes the wasm call
 * trap, and the calling Java code gets a {@link WasmTrapException} whose cause is that exception.
 * A function of numbers can instead be any functional interface, given to
 * {@link Linker#define(String, String, Class, Object)}: its calls box nothing and allocate nothing.
 */
@FunctionalInterface
public interface HostFunction {

    /** Returns the results, as many and of the types the function type declares. */
    Val[] call(Caller caller, Val[] args) throws Exception;
}
