package dev.nostdwasm.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.Val;
import dev.nostdwasm.api.ValType;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ValueTextTest {

    static String roundTrip(ValType type, String text) {
        return ValueText.format(ValueText.parse(type, text));
    }

    @Test
    void integers() {
        assertEquals(Val.i32(-5), ValueText.parse(ValType.I32, "-5"));
        assertEquals(Val.i32(-1), ValueText.parse(ValType.I32, "4294967295"));
        assertEquals(Val.i32(-1), ValueText.parse(ValType.I32, "0xFFFF_FFFF"));
        assertEquals(Val.i32(Integer.MIN_VALUE), ValueText.parse(ValType.I32, "-2147483648"));
        assertEquals(Val.i32(-16), ValueText.parse(ValType.I32, "-0x10"));
        assertEquals(Val.i64(Long.MIN_VALUE), ValueText.parse(ValType.I64, "0x8000000000000000"));
        assertEquals(Val.i64(-1), ValueText.parse(ValType.I64, "18446744073709551615"));
        assertEquals("-1", roundTrip(ValType.I64, "0xffffffffffffffff"));
        for (String bad : List.of("4294967296", "-2147483649", "0x100000000", "1.5", "", "0x", "--1", "-+1", "abc")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ValueText.parse(ValType.I32, bad), bad);
            assertTrue(e.getMessage().contains("is not an i32"), e.getMessage());
        }
    }

    @Test
    void floats() {
        assertEquals("1.5", roundTrip(ValType.F32, "1.5"));
        assertEquals("3.0", roundTrip(ValType.F64, "0x1.8p1"));
        assertEquals("-inf", roundTrip(ValType.F64, "-inf"));
        assertEquals("inf", roundTrip(ValType.F32, "infinity"));
        assertEquals("nan", roundTrip(ValType.F32, "nan"));
        assertEquals("-nan", roundTrip(ValType.F64, "-nan"));
        assertEquals("nan:0x1", roundTrip(ValType.F32, "nan:0x1"));
        assertEquals("nan:0x4000000000001", roundTrip(ValType.F64, "nan:0x4000000000001"));
        assertEquals(new Val.F32(0x7f800001), ValueText.parse(ValType.F32, "nan:0x1"));
        assertEquals("-0.0", roundTrip(ValType.F64, "-0"));
        assertEquals("1.0E10", roundTrip(ValType.F64, "1e10"));
        for (String bad : List.of("NaN1", "1f", "2d", "", "nan:0x0", "nan:0x800000", "x")) {
            assertThrows(IllegalArgumentException.class, () -> ValueText.parse(ValType.F32, bad), bad);
        }
    }

    @Test
    void v128() {
        Val.V128 v = (Val.V128) ValueText.parse(ValType.V128, "000102030405060708090a0b0c0d0e0f");
        byte[] expected = new byte[16];
        for (int i = 0; i < 16; i++) {
            expected[i] = (byte) (15 - i);
        }
        assertArrayEquals(expected, v.bytes());
        assertEquals("0x000102030405060708090a0b0c0d0e0f", ValueText.format(v));
        assertEquals("0xffffffffffffffffffffffffffffffff", roundTrip(ValType.V128, "0xffffffffffffffffffffffffffffffff"));
        assertThrows(IllegalArgumentException.class, () -> ValueText.parse(ValType.V128, "0x01"));
        assertThrows(IllegalArgumentException.class, () -> ValueText.parse(ValType.V128, "-0000000000000000000000000000001"));
    }

    @Test
    void references() {
        assertEquals("null", roundTrip(ValType.FUNCREF, "null"));
        assertEquals("null", roundTrip(ValType.EXTERNREF, "null"));
        assertThrows(IllegalArgumentException.class, () -> ValueText.parse(ValType.EXTERNREF, "1"));
    }

    @Test
    void types() {
        assertEquals("func (i32, i32) -> (i32)",
                ValueText.format(new ExternType.Func(List.of(ValType.I32, ValType.I32), List.of(ValType.I32))));
        assertEquals("func () -> ()", ValueText.format(new ExternType.Func(List.of(), List.of())));
        assertEquals("global (mut i64)", ValueText.format(new ExternType.Global(ValType.I64, true)));
        assertEquals("global funcref", ValueText.format(new ExternType.Global(ValType.FUNCREF, false)));
        assertEquals("memory 1..4 pages", ValueText.format(new ExternType.Memory(1, OptionalLong.of(4), false, false)));
        assertEquals("memory 0.. pages, 64-bit, shared", ValueText.format(new ExternType.Memory(0, OptionalLong.empty(), true, true)));
        assertEquals("table externref 2..", ValueText.format(new ExternType.Table(ValType.EXTERNREF, 2, OptionalLong.empty(), false)));
        assertEquals("tag (f64)", ValueText.format(new ExternType.Tag(List.of(ValType.F64))));
    }
}
