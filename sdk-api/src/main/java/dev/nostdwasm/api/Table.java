package dev.nostdwasm.api;

/** A table of references. */
public non-sealed interface Table extends Extern {

    ExternType.Table type();

    long size();

    /** @throws WasmException when {@code index} is out of bounds */
    Val get(long index);

    /** @throws WasmException when {@code index} is out of bounds or the value has the wrong type */
    void set(long index, Val value);

    /** Grows by {@code delta} elements set to {@code init}; returns the previous size. */
    long grow(long delta, Val init);
}
