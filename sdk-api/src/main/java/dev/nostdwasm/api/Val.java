package dev.nostdwasm.api;

import java.util.Arrays;

/**
 * A WebAssembly value. Floats keep their exact bits (NaN payloads included) through {@link
 * F32#bits()} and {@link F64#bits()}.
 */
public sealed interface Val permits Val.I32, Val.I64, Val.F32, Val.F64, Val.V128, Val.FuncRef, Val.ExternRef {

    /**
     * This value's type.
     *
     * @return the type
     */
    ValType type();

    /**
     * An i32.
     *
     * @param value the value
     * @return an {@link I32}
     */
    static Val i32(int value) {
        return new I32(value);
    }

    /**
     * An i64.
     *
     * @param value the value
     * @return an {@link I64}
     */
    static Val i64(long value) {
        return new I64(value);
    }

    /**
     * An f32 with the bits of {@code value}.
     *
     * @param value the value (a NaN keeps its payload)
     * @return an {@link F32}
     */
    static Val f32(float value) {
        return new F32(Float.floatToRawIntBits(value));
    }

    /**
     * An f64 with the bits of {@code value}.
     *
     * @param value the value (a NaN keeps its payload)
     * @return an {@link F64}
     */
    static Val f64(double value) {
        return new F64(Double.doubleToRawLongBits(value));
    }

    /**
     * An i32.
     *
     * @param value the value
     */
    record I32(int value) implements Val {
        /** {@return {@link ValType#I32}} */
        @Override
        public ValType type() {
            return ValType.I32;
        }
    }

    /**
     * An i64.
     *
     * @param value the value
     */
    record I64(long value) implements Val {
        /** {@return {@link ValType#I64}} */
        @Override
        public ValType type() {
            return ValType.I64;
        }
    }

    /**
     * An f32 by its bits.
     *
     * @param bits the IEEE 754 bits
     */
    record F32(int bits) implements Val {
        /** {@return the float of these bits} */
        public float value() {
            return Float.intBitsToFloat(bits);
        }

        /** {@return {@link ValType#F32}} */
        @Override
        public ValType type() {
            return ValType.F32;
        }
    }

    /**
     * An f64 by its bits.
     *
     * @param bits the IEEE 754 bits
     */
    record F64(long bits) implements Val {
        /** {@return the double of these bits} */
        public double value() {
            return Double.longBitsToDouble(bits);
        }

        /** {@return {@link ValType#F64}} */
        @Override
        public ValType type() {
            return ValType.F64;
        }
    }

    /**
     * 16 bytes, lane 0 first (little-endian, as in linear memory).
     *
     * @param bytes the 16 bytes (copied)
     */
    record V128(byte[] bytes) implements Val {
        /** Checks there are 16 bytes and copies them, so the value cannot change. */
        public V128 {
            if (bytes.length != 16) {
                throw new IllegalArgumentException("a v128 has 16 bytes, not " + bytes.length);
            }
            bytes = bytes.clone();
        }

        /** {@return a copy of the 16 bytes} */
        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /** {@return {@link ValType#V128}} */
        @Override
        public ValType type() {
            return ValType.V128;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof V128 other && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "V128" + Arrays.toString(bytes);
        }
    }

    /**
     * A function reference.
     *
     * @param func the function, or null for {@code ref.null func}
     */
    record FuncRef(Func func) implements Val {
        /** {@return {@link ValType#FUNCREF}} */
        @Override
        public ValType type() {
            return ValType.FUNCREF;
        }
    }

    /**
     * A host object passed to wasm by reference; {@code value} is null for {@code ref.null extern},
     * and an {@link OpaqueRef} when wasm made the reference from one of its own values.
     *
     * @param value the object, or null for {@code ref.null extern}
     */
    record ExternRef(Object value) implements Val {
        /** {@return {@link ValType#EXTERNREF}} */
        @Override
        public ValType type() {
            return ValType.EXTERNREF;
        }
    }
}
