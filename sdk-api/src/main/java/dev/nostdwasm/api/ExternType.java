package dev.nostdwasm.api;

import java.util.List;
import java.util.OptionalLong;

/** The type of an import or export. */
public sealed interface ExternType
        permits ExternType.Func, ExternType.Global, ExternType.Memory, ExternType.Table, ExternType.Tag {

    /** A function type. */
    record Func(List<ValType> params, List<ValType> results) implements ExternType {
        public Func {
            params = List.copyOf(params);
            results = List.copyOf(results);
        }
    }

    /** A global of type {@code content}, mutable or not. */
    record Global(ValType content, boolean mutable) implements ExternType {}

    /** Limits in pages. */
    record Memory(long minimum, OptionalLong maximum, boolean is64, boolean shared) implements ExternType {}

    /** Limits in elements. */
    record Table(ValType element, long minimum, OptionalLong maximum, boolean is64) implements ExternType {}

    /** An exception tag, described by its parameter types. */
    record Tag(List<ValType> params) implements ExternType {
        public Tag {
            params = List.copyOf(params);
        }
    }
}
