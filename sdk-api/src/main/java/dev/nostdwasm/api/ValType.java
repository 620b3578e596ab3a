package dev.nostdwasm.api;

import dev.nostdwasm.api.abi.NswConstants;

/** WebAssembly value types, numbered as the C ABI numbers them. */
public enum ValType {
    I32(NswConstants.NSW_VAL_I32),
    I64(NswConstants.NSW_VAL_I64),
    F32(NswConstants.NSW_VAL_F32),
    F64(NswConstants.NSW_VAL_F64),
    V128(NswConstants.NSW_VAL_V128),
    /** {@code (ref null func)} */
    FUNCREF(NswConstants.NSW_VAL_FUNCREF),
    /** {@code (ref null extern)} */
    EXTERNREF(NswConstants.NSW_VAL_EXTERNREF),
    /** Any other reference type (typed function references, GC types, exnref). */
    OTHER_REF(NswConstants.NSW_VAL_OTHER_REF);

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
