package dev.nostdwasm.api;

/** Something a store owns that a module can import or export: a function, memory, global or table. */
public sealed interface Extern permits Func, Memory, Global, Table {

    /**
     * Its type.
     *
     * @return the type
     */
    ExternType type();
}
