package dev.nostdwasm.api;

import java.util.Optional;

/** The instance calling a host function, valid only during that call. */
public interface Caller {

    /** The calling instance's memory export named {@code name}, typically "memory". */
    Optional<Memory> memory(String name);

    /** Fuel left in the store (engines with fuel). */
    long fuel();
}
