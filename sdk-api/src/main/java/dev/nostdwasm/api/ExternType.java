package dev.nostdwasm.api;

import java.util.List;
import java.util.OptionalLong;

/** The type of an import or export. */
public sealed interface ExternType
        permits ExternType.Func, ExternType.Global, ExternType.Memory, ExternType.Table, ExternType.Tag {

    /**
     * A function type.
     *
     * @param params the parameter types, in order
     * @param results the result types, in order
     */
    record Func(List<ValType> params, List<ValType> results) implements ExternType {
        /** Copies both lists, so the type cannot change. */
        public Func {
            params = List.copyOf(params);
            results = List.copyOf(results);
        }
    }

    /**
     * A global's type.
     *
     * @param content the type of its value
     * @param mutable whether it may be set (declared {@code mut})
     */
    record Global(ValType content, boolean mutable) implements ExternType {}

    /**
     * A memory's type, its limits in 64 KiB pages.
     *
     * @param minimum its size in pages when made
     * @param maximum the most pages it may grow to, if declared
     * @param is64 whether it is a 64-bit memory (memory64)
     * @param shared whether it is shared (threads)
     */
    record Memory(long minimum, OptionalLong maximum, boolean is64, boolean shared) implements ExternType {}

    /**
     * A table's type, its limits in elements.
     *
     * @param element the type of its elements
     * @param minimum its size in elements when made
     * @param maximum the most elements it may grow to, if declared
     * @param is64 whether it is a 64-bit table (memory64)
     */
    record Table(ValType element, long minimum, OptionalLong maximum, boolean is64) implements ExternType {}

    /**
     * An exception tag, described by its parameter types.
     *
     * @param params the types of the values an exception of this tag carries
     */
    record Tag(List<ValType> params) implements ExternType {
        /** Copies the list, so the type cannot change. */
        public Tag {
            params = List.copyOf(params);
        }
    }
}
