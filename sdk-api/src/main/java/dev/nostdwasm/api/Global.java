package dev.nostdwasm.api;

/** A global variable. */
public interface Global {

    ExternType.Global type();

    Val get();

    /** @throws WasmException when the global is immutable or the value has the wrong type */
    void set(Val value);
}
