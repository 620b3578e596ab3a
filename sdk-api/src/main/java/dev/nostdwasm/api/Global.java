package dev.nostdwasm.api;

/** A global variable. */
public non-sealed interface Global extends Extern {

    /**
     * The global's type: what it holds and whether it may be set.
     *
     * @return the type
     */
    @Override
    ExternType.Global type();

    /**
     * Reads the global.
     *
     * @return its value
     */
    Val get();

    /**
     * Sets the global.
     *
     * @param value the new value, of the type the global holds
     * @throws ImmutableGlobalException when the global is immutable (declared without {@code mut})
     * @throws TypeMismatchException when {@code value} is not of the type the global holds
     */
    void set(Val value);
}
