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

    /**
     * Runs the function for one wasm call.
     *
     * @param caller the calling instance, valid only during this call
     * @param args the arguments, as many and of the types the function type declares
     * @return the results, as many and of the types the function type declares
     * @throws Exception anything: it makes the wasm call trap and becomes the cause of the
     *     {@link WasmTrapException} the calling Java code gets
     */
    Val[] call(Caller caller, Val[] args) throws Exception;
}
