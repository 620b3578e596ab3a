package dev.nostdwasm.api;

import java.util.Arrays;

/**
 * A WebAssembly value. Floats keep their exact bits (NaN payloads included) through {@link
 * F32#bits()} and {@link F64#bits()}.
 */
public sealed interface Val permits Val.I32, Val.I64, Val.F32, Val.F64, Val.V128, Val.FuncRef, Val.ExternRef {

    /** This value's type. */
    ValType type();

    static Val i32(int value) {
        return new I32(value);
    }

    static Val i64(long value) {
        return new I64(value);
    }

    static Val f32(float value) {
        return new F32(Float.floatToRawIntBits(value));
    }

    static Val f64(double value) {
        return new F64(Double.doubleToRawLongBits(value));
    }

    /** An i32. */
    record I32(int value) implements Val {
        public ValType type() {
            return ValType.I32;
        }
    }

    /** An i64. */
    record I64(long value) implements Val {
        public ValType type() {
            return ValType.I64;
        }
    }

    /** An f32 by its bits. */
    record F32(int bits) implements Val {
        public float value() {
            return Float.intBitsToFloat(bits);
        }

        public ValType type() {
            return ValType.F32;
        }
    }

    /** An f64 by its bits. */
    record F64(long bits) implements Val {
        public double value() {
            return Double.longBitsToDouble(bits);
        }

        public ValType type() {
            return ValType.F64;
        }
    }

    /** 16 bytes, lane 0 first (little-endian, as in linear memory). */
    record V128(byte[] bytes) implements Val {
        public V128 {
            if (bytes.length != 16) {
                throw new IllegalArgumentException("a v128 has 16 bytes, not " + bytes.length);
            }
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

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

    /** A function reference; {@code func} is null for {@code ref.null func}. */
    record FuncRef(Func func) implements Val {
        public ValType type() {
            return ValType.FUNCREF;
        }
    }

    /**
     * A host object passed to wasm by reference; {@code value} is null for {@code ref.null extern},
     * and an {@link OpaqueRef} when wasm made the reference from one of its own values.
     */
    record ExternRef(Object value) implements Val {
        public ValType type() {
            return ValType.EXTERNREF;
        }
    }
}
