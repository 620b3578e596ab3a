package dev.nostdwasm.api;

/** A function of a store. */
public interface Func {

    ExternType.Func type();

    /**
     * Calls the function.
     *
     * @throws WasmTrapException when it traps
     * @throws IllegalArgumentException when the arguments do not match its type
     */
    Val[] call(Val... args);
}
