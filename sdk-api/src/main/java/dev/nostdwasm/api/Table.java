package dev.nostdwasm.api;

/** A table of references. */
public non-sealed interface Table extends Extern {

    /**
     * The table's type: its element type and limits, as declared.
     *
     * @return the type
     */
    @Override
    ExternType.Table type();

    /**
     * The current size.
     *
     * @return the number of elements
     */
    long size();

    /**
     * Reads element {@code index}.
     *
     * @param index the element's index
     * @return the element (a null reference for an empty one)
     * @throws WasmException when {@code index} is out of bounds
     */
    Val get(long index);

    /**
     * Sets element {@code index}.
     *
     * @param index the element's index
     * @param value the new element; null means the null reference
     * @throws WasmException when {@code index} is out of bounds
     * @throws TypeMismatchException when {@code value} is not of the table's element type
     */
    void set(long index, Val value);

    /**
     * Grows by {@code delta} elements set to {@code init}.
     *
     * @param delta how many elements to add, {@code >= 0}
     * @param init the new elements' value; null means the null reference
     * @return the previous size
     * @throws TypeMismatchException when {@code init} is not of the table's element type
     * @throws ResourceLimitException past a store limit
     * @throws WasmException past the table's maximum
     */
    long grow(long delta, Val init);
}
