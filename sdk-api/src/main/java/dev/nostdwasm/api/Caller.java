package dev.nostdwasm.api;

/**
 * The instance calling a host function, valid only during that call and only on the thread that
 * made it: used outside any host call of its store, from another thread, or while a host
 * function it called in turn runs, every method throws {@link IllegalStateException}. What it
 * returns (functions, memories, globals, tables) belongs to the store and stays valid after the
 * call.
 *
 * <p>A store gives the same Caller object to every host call at the same call depth (a host
 * call made from a call into wasm, one made from wasm that host function called, and so on),
 * so that a host call allocates nothing for it. A Caller kept past its call therefore works
 * again during a later host call at that depth of the same store on the same thread, and then
 * is that call's Caller: it reaches that call's calling instance, which the later host function
 * could reach itself, and never another store. Use the Caller a host function is given.
 *
 * <p>Its exports are looked up as {@link Instance}'s are: a name that is not an export of that
 * kind throws {@link ExportNotFoundException}. A function of the caller may be called from the
 * host function (say, the guest's allocator, to make room for a result it then writes into the
 * guest's memory): the call runs in the same store, nested in the current one.
 */
public interface Caller {

    /**
     * The calling instance's function export {@code name}. Asking again for the same function
     * returns the same {@link Func}.
     *
     * @param name the export's name
     * @return the function
     * @throws ExportNotFoundException when the caller has no function export of that name
     */
    Func func(String name);

    /**
     * The calling instance's memory export {@code name}, typically "memory". Asking again for the
     * same memory returns the same {@link Memory}.
     *
     * @param name the export's name
     * @return the memory
     * @throws ExportNotFoundException when the caller has no memory export of that name
     */
    Memory memory(String name);

    /**
     * The calling instance's global export {@code name}.
     *
     * @param name the export's name
     * @return the global
     * @throws ExportNotFoundException when the caller has no global export of that name
     */
    Global global(String name);

    /**
     * The calling instance's table export {@code name}.
     *
     * @param name the export's name
     * @return the table
     * @throws ExportNotFoundException when the caller has no table export of that name
     */
    Table table(String name);

    /**
     * The data of the caller's store ({@link Store#data()}): with one linker shared by many
     * stores, this tells a host function whose call it serves.
     *
     * @return the object given to {@link Engine#newStore(Object)}, or null for a store made without one
     */
    Object data();

    /**
     * The data of the caller's store as a {@code type} ({@link Store#data(Class)}).
     *
     * @param <T> the type of the data
     * @param type the class the data is an instance of
     * @return the data
     * @throws IllegalStateException when the store was made without data
     * @throws ClassCastException when the data is not a {@code type}; the message names both classes
     */
    <T> T data(Class<T> type);

    /**
     * Fuel left in the store (engines with fuel).
     *
     * @return the fuel left
     * @throws IllegalStateException when the engine was made without fuel
     */
    long fuel();
}
