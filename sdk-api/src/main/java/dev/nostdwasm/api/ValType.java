package dev.nostdwasm.api;

/** WebAssembly value types, numbered as the C ABI numbers them. */
public enum ValType {
    I32(0),
    I64(1),
    F32(2),
    F64(3),
    V128(4),
    /** {@code (ref null func)} */
    FUNCREF(5),
    /** {@code (ref null extern)} */
    EXTERNREF(6),
    /** Any other reference type (typed function references, GC types, exnref). */
    OTHER_REF(7);

    private final int code;

    ValType(int code) {
        this.code = code;
    }

    /** The C ABI's number ({@code NSW_VAL_*}). */
    public int code() {
        return code;
    }

    /** The type with C ABI number {@code code}. */
    public static ValType fromCode(int code) {
        for (ValType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown value type code " + code);
    }
}
