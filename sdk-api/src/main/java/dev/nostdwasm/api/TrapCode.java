package dev.nostdwasm.api;

/**
 * Why WebAssembly trapped. The numbers are Wasmtime's stable trap codes; codes this release
 * does not know map to {@link #UNKNOWN}.
 */
public enum TrapCode {
    STACK_OVERFLOW(0),
    MEMORY_OUT_OF_BOUNDS(1),
    HEAP_MISALIGNED(2),
    TABLE_OUT_OF_BOUNDS(3),
    INDIRECT_CALL_TO_NULL(4),
    BAD_SIGNATURE(5),
    INTEGER_OVERFLOW(6),
    INTEGER_DIVISION_BY_ZERO(7),
    BAD_CONVERSION_TO_INTEGER(8),
    UNREACHABLE_CODE_REACHED(9),
    INTERRUPT(10),
    OUT_OF_FUEL(11),
    ATOMIC_WAIT_NON_SHARED_MEMORY(12),
    NULL_REFERENCE(13),
    ARRAY_OUT_OF_BOUNDS(14),
    ALLOCATION_TOO_LARGE(15),
    CAST_FAILURE(16),
    CANNOT_ENTER_COMPONENT(17),
    NO_ASYNC_RESULT(18),
    UNHANDLED_TAG(19),
    CONTINUATION_ALREADY_CONSUMED(20),
    DISABLED_OPCODE(21),
    /** Not a Wasmtime code: a host function threw; the exception's cause is what it threw. */
    HOST_EXCEPTION(-2),
    /** A code this version does not know. */
    UNKNOWN(-1);

    private final int code;

    TrapCode(int code) {
        this.code = code;
    }

    /** Wasmtime's number for this trap, -1 for {@link #UNKNOWN}, -2 for {@link #HOST_EXCEPTION}. */
    public int code() {
        return code;
    }

    /** The trap with Wasmtime's number {@code code}; {@link #UNKNOWN} if there is none. */
    public static TrapCode fromCode(int code) {
        for (TrapCode t : values()) {
            if (t.code == code && t.code >= 0) {
                return t;
            }
        }
        return UNKNOWN;
    }
}
