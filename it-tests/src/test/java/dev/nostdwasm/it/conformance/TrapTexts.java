package dev.nostdwasm.it.conformance;

import dev.nostdwasm.api.TrapCode;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The trap codes a spec trap message stands for. The spec's texts ("integer divide by zero", ...)
 * are not Wasmtime's messages, so the runner compares the {@link TrapCode} instead of the text.
 * A text not listed here fails the assertion: the table must say what it stands for.
 */
final class TrapTexts {

    // Checked in order: the specific "out of bounds ... access" texts before the bare "out of bounds".
    private static final Map<String, Set<TrapCode>> BY_PREFIX = new LinkedHashMap<>();

    static {
        BY_PREFIX.put("out of bounds memory access", EnumSet.of(TrapCode.MEMORY_OUT_OF_BOUNDS));
        BY_PREFIX.put("out of bounds table access", EnumSet.of(TrapCode.TABLE_OUT_OF_BOUNDS));
        BY_PREFIX.put("out of bounds array access", EnumSet.of(TrapCode.ARRAY_OUT_OF_BOUNDS));
        BY_PREFIX.put("out of bounds", EnumSet.of(TrapCode.MEMORY_OUT_OF_BOUNDS, TrapCode.TABLE_OUT_OF_BOUNDS,
                TrapCode.ARRAY_OUT_OF_BOUNDS));
        // call_indirect through a null entry; "undefined element" is an index past the table.
        BY_PREFIX.put("uninitialized", EnumSet.of(TrapCode.INDIRECT_CALL_TO_NULL));
        BY_PREFIX.put("undefined", EnumSet.of(TrapCode.TABLE_OUT_OF_BOUNDS));
        BY_PREFIX.put("indirect call", EnumSet.of(TrapCode.BAD_SIGNATURE));
        BY_PREFIX.put("unreachable", EnumSet.of(TrapCode.UNREACHABLE_CODE_REACHED));
        BY_PREFIX.put("integer overflow", EnumSet.of(TrapCode.INTEGER_OVERFLOW));
        BY_PREFIX.put("integer divide by zero", EnumSet.of(TrapCode.INTEGER_DIVISION_BY_ZERO));
        BY_PREFIX.put("invalid conversion to integer", EnumSet.of(TrapCode.BAD_CONVERSION_TO_INTEGER));
        BY_PREFIX.put("cast failure", EnumSet.of(TrapCode.CAST_FAILURE));
        // call_ref on null is Wasmtime's IndirectCallToNull or NullReference depending on the path.
        BY_PREFIX.put("null function reference", EnumSet.of(TrapCode.NULL_REFERENCE, TrapCode.INDIRECT_CALL_TO_NULL));
        BY_PREFIX.put("null", EnumSet.of(TrapCode.NULL_REFERENCE));
    }

    private TrapTexts() {}

    /**
     * Whether a trap with {@code code} satisfies an assertion expecting {@code text}.
     *
     * @throws AssertionError if {@code text} is none of the texts this table knows
     */
    static boolean matches(String text, TrapCode code) {
        for (Map.Entry<String, Set<TrapCode>> e : BY_PREFIX.entrySet()) {
            if (text.startsWith(e.getKey())) {
                return e.getValue().contains(code);
            }
        }
        throw new AssertionError("the spec's trap text '" + text + "' is not in TrapTexts: add the trap code(s) it"
                + " stands for (the trap was " + code + ")");
    }
}
