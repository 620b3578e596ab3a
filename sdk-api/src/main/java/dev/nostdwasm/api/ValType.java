package dev.nostdwasm.api;

import dev.nostdwasm.api.abi.NswConstants;

/** WebAssembly value types, numbered as the C ABI numbers them. */
public enum ValType {
    /** 32-bit integer. */
    I32(NswConstants.NSW_VAL_I32),
    /** 64-bit integer. */
    I64(NswConstants.NSW_VAL_I64),
    /** 32-bit IEEE 754 float. */
    F32(NswConstants.NSW_VAL_F32),
    /** 64-bit IEEE 754 float. */
    F64(NswConstants.NSW_VAL_F64),
    /** 128-bit vector (SIMD). */
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

    /**
     * The C ABI's number ({@code NSW_VAL_*}).
     *
     * @return the number
     */
    public int code() {
        return code;
    }

    /**
     * The type with C ABI number {@code code}.
     *
     * @param code an {@code NSW_VAL_*} number
     * @return the type
     * @throws IllegalArgumentException for a number no type has
     */
    public static ValType fromCode(int code) {
        for (ValType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown value type code " + code);
    }
}
