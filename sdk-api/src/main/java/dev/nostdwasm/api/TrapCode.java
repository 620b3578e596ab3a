package dev.nostdwasm.api;

/**
 * Why WebAssembly trapped. The numbers are Wasmtime's stable trap codes; codes this release
 * does not know map to {@link #UNKNOWN}.
 */
public enum TrapCode {
    /** The wasm stack limit was reached (deep or endless recursion). */
    STACK_OVERFLOW(0),
    /** A load or store outside its memory. */
    MEMORY_OUT_OF_BOUNDS(1),
    /** A misaligned atomic access. */
    HEAP_MISALIGNED(2),
    /** A table access outside its table. */
    TABLE_OUT_OF_BOUNDS(3),
    /** {@code call_indirect} of a null table element. */
    INDIRECT_CALL_TO_NULL(4),
    /** {@code call_indirect} of a function of another type. */
    BAD_SIGNATURE(5),
    /** An integer overflow ({@code i32.div_s} of the minimum by -1). */
    INTEGER_OVERFLOW(6),
    /** An integer division or remainder by zero. */
    INTEGER_DIVISION_BY_ZERO(7),
    /** A float to integer conversion of NaN or of a value out of range. */
    BAD_CONVERSION_TO_INTEGER(8),
    /** An {@code unreachable} instruction ran. */
    UNREACHABLE_CODE_REACHED(9),
    /** The epoch deadline passed ({@link Store#setDeadline}, {@link Store#setEpochDeadline}). */
    INTERRUPT(10),
    /** The store ran out of fuel ({@link Store#setFuel}). */
    OUT_OF_FUEL(11),
    /** An atomic wait on a memory that is not shared. */
    ATOMIC_WAIT_NON_SHARED_MEMORY(12),
    /** A null reference was used where a non-null one is needed. */
    NULL_REFERENCE(13),
    /** A GC array access out of its bounds. */
    ARRAY_OUT_OF_BOUNDS(14),
    /** A GC allocation too large to make. */
    ALLOCATION_TOO_LARGE(15),
    /** A reference cast ({@code ref.cast}) failed. */
    CAST_FAILURE(16),
    /** A component could not be entered (components are not supported here). */
    CANNOT_ENTER_COMPONENT(17),
    /** An async call produced no result (async is not supported here). */
    NO_ASYNC_RESULT(18),
    /** A stack switch found no handler for its tag. */
    UNHANDLED_TAG(19),
    /** A continuation was resumed twice. */
    CONTINUATION_ALREADY_CONSUMED(20),
    /** An instruction of a feature the engine has disabled. */
    DISABLED_OPCODE(21),
    /** Not a Wasmtime code: a host function threw; the exception's cause is what it threw. */
    HOST_EXCEPTION(-2),
    /** A code this version does not know. */
    UNKNOWN(-1);

    private final int code;

    TrapCode(int code) {
        this.code = code;
    }

    /**
     * Wasmtime's number for this trap.
     *
     * @return the number; -1 for {@link #UNKNOWN}, -2 for {@link #HOST_EXCEPTION}
     */
    public int code() {
        return code;
    }

    /**
     * The trap with Wasmtime's number {@code code}.
     *
     * @param code a Wasmtime trap code
     * @return its trap, or {@link #UNKNOWN} if there is none
     */
    public static TrapCode fromCode(int code) {
        for (TrapCode t : values()) {
            if (t.code == code && t.code >= 0) {
                return t;
            }
        }
        return UNKNOWN;
    }
}
