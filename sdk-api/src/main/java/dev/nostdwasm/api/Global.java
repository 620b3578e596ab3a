package dev.nostdwasm.api;

/** A global variable. */
public non-sealed interface Global extends Extern {

    ExternType.Global type();

    Val get();

    /** @throws WasmException when the global is immutable or the value has the wrong type */
    void set(Val value);
}
