package dev.nostdwasm.api;

import java.util.Optional;

/**
 * The instance calling a host function, valid only during that call and only on the thread that
 * made it: used later or from another thread, every method throws {@link IllegalStateException}.
 */
public interface Caller {

    /**
     * The calling instance's memory export named {@code name}, typically "memory". Asking again
     * for the same memory returns the same {@link Memory}, which stays valid after the call.
     */
    Optional<Memory> memory(String name);

    /** Fuel left in the store (engines with fuel). */
    long fuel();
}
