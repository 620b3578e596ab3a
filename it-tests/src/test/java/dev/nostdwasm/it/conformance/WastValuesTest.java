package dev.nostdwasm.it.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nostdwasm.api.Val;
import dev.nostdwasm.api.ValType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/** The value and pattern rules of conformance/FORMAT.md, without a runtime. */
class WastValuesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<Long, Object> objects = new HashMap<>();
    private final LongFunction<Object> host = n -> objects.computeIfAbsent(n, WastScript.HostObject::new);

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private String mismatch(String pattern, Val actual) {
        return WastValues.mismatch(json(pattern), actual, host);
    }

    @Test
    void integersAreUnsignedDecimalBits() {
        assertEquals(Val.i32(-1), WastValues.argument(json("{'type':'i32','value':'4294967295'}"), ValType.I32, host));
        assertEquals(Val.i64(Long.MIN_VALUE),
                WastValues.argument(json("{'type':'i64','value':'9223372036854775808'}"), ValType.I64, host));
        assertNull(mismatch("{'type':'i32','value':'4294967295'}", Val.i32(-1)));
        assertNotNull(mismatch("{'type':'i32','value':'4294967295'}", Val.i32(1)));
        assertNotNull(mismatch("{'type':'i32','value':'1'}", Val.i64(1)), "the type must match too");
    }

    @Test
    void floatsCompareBitsExactly() {
        int negZero = Float.floatToRawIntBits(-0.0f);
        assertNull(mismatch("{'type':'f32','value':'" + Integer.toUnsignedString(negZero) + "'}", Val.f32(-0.0f)));
        assertNotNull(mismatch("{'type':'f32','value':'" + Integer.toUnsignedString(negZero) + "'}", Val.f32(0.0f)));
        assertNotNull(mismatch("{'type':'f64','value':'0'}", Val.f64(-0.0)));
        // A specific NaN payload must come back exactly.
        assertNotNull(mismatch("{'type':'f32','value':'" + 0x7fa00000 + "'}", new Val.F32(0x7fc00000)));
        assertNull(mismatch("{'type':'f32','value':'" + 0x7fa00000 + "'}", new Val.F32(0x7fa00000)));
    }

    @Test
    void canonicalNanIsTheQuietNanWithoutPayloadOfEitherSign() {
        assertTrue(WastValues.f32Matches("nan:canonical", 0x7fc00000));
        assertTrue(WastValues.f32Matches("nan:canonical", 0xffc00000));
        assertFalse(WastValues.f32Matches("nan:canonical", 0x7fc00001));
        assertFalse(WastValues.f32Matches("nan:canonical", 0x7fa00000));
        assertFalse(WastValues.f32Matches("nan:canonical", 0x7f800000), "infinity");
        assertTrue(WastValues.f64Matches("nan:canonical", 0x7ff8000000000000L));
        assertTrue(WastValues.f64Matches("nan:canonical", 0xfff8000000000000L));
        assertFalse(WastValues.f64Matches("nan:canonical", 0x7ff8000000000001L));
    }

    @Test
    void arithmeticNanIsAnyQuietNan() {
        assertTrue(WastValues.f32Matches("nan:arithmetic", 0x7fc00000));
        assertTrue(WastValues.f32Matches("nan:arithmetic", 0xffe00001));
        assertFalse(WastValues.f32Matches("nan:arithmetic", 0x7fa00000), "a signalling NaN");
        assertFalse(WastValues.f32Matches("nan:arithmetic", 0x3f800000));
        assertTrue(WastValues.f64Matches("nan:arithmetic", 0x7ffc000000000000L));
        assertFalse(WastValues.f64Matches("nan:arithmetic", 0x7ff4000000000000L));
    }

    @Test
    void v128LanesAreLittleEndianAndMayBeNanPatterns() {
        byte[] bytes = WastValues.v128(json("{'type':'v128','lane_type':'i16','value':['1','2','3','4','5','6','7','65535']}"));
        assertEquals(1, bytes[0]);
        assertEquals(0, bytes[1]);
        assertEquals((byte) 0xff, bytes[14]);
        assertEquals((byte) 0xff, bytes[15]);
        Val v = new Val.V128(bytes);
        assertNull(mismatch("{'type':'v128','lane_type':'i16','value':['1','2','3','4','5','6','7','65535']}", v));
        assertNotNull(mismatch("{'type':'v128','lane_type':'i16','value':['1','2','3','4','5','6','7','65534']}", v));
        // The same bytes read as i32 lanes.
        assertNull(mismatch("{'type':'v128','lane_type':'i32','value':['131073','262147','393221','4294901767']}", v));

        byte[] floats = WastValues.v128(json("{'type':'v128','lane_type':'f32','value':['" + 0xffc00000L + "','1065353216','"
                + 0x7fe00000 + "','0']}"));
        Val f = new Val.V128(floats);
        assertNull(mismatch("{'type':'v128','lane_type':'f32','value':['nan:canonical','1065353216','nan:arithmetic','0']}", f));
        assertNotNull(mismatch("{'type':'v128','lane_type':'f32','value':['nan:canonical','1065353216','nan:canonical','0']}", f),
                "lane 2 has a payload");
        assertThrows(IllegalArgumentException.class,
                () -> WastValues.v128(json("{'type':'v128','lane_type':'i32','value':['1','2']}")));
    }

    @Test
    void nullArgumentsTakeTheParameterReferenceType() {
        JsonNode nullRef = json("{'type':'ref_null','heap':'func'}");
        assertEquals(new Val.FuncRef(null), WastValues.argument(nullRef, ValType.FUNCREF, host));
        assertEquals(new Val.ExternRef(null), WastValues.argument(json("{'type':'ref_null','heap':'extern'}"),
                ValType.EXTERNREF, host));
        assertThrows(WastValues.Unobservable.class, () -> WastValues.argument(nullRef, ValType.OTHER_REF, host));
    }

    @Test
    void externReferencesAreTheRunnersObjectN() {
        Val arg = WastValues.argument(json("{'type':'ref_extern','value':'7'}"), ValType.EXTERNREF, host);
        assertNull(mismatch("{'type':'ref_extern','value':'7'}", arg));
        assertNotNull(mismatch("{'type':'ref_extern','value':'8'}", arg));
        assertNull(mismatch("{'type':'ref_extern','value':null}", arg), "any non-null externref");
        assertNotNull(mismatch("{'type':'ref_extern','value':null}", new Val.ExternRef(null)));
        assertNull(mismatch("{'type':'ref_null','heap':'extern'}", new Val.ExternRef(null)));
        assertNull(mismatch("{'type':'ref_null','heap':null}", new Val.FuncRef(null)));
        assertNotNull(mismatch("{'type':'ref_null','heap':'extern'}", arg));
    }

    @Test
    void gcPatternsAreUnobservable() {
        var e = assertThrows(WastValues.Unobservable.class,
                () -> WastValues.mismatch(List.of(json("{'type':'ref_struct'}")), new Val[] {Val.i32(0)}, host));
        assertTrue(e.getMessage().contains("ref_struct"), e.getMessage());
    }

    @Test
    void resultCountsMustAgree() {
        String why = WastValues.mismatch(List.of(json("{'type':'i32','value':'1'}")), new Val[] {Val.i32(1), Val.i32(2)}, host);
        assertNotNull(why);
        assertTrue(why.contains("expected 1 results"), why);
        assertNull(WastValues.mismatch(List.of(), new Val[0], host));
    }

    @Test
    void unknownPatternTypesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> mismatch("{'type':'i128','value':'1'}", Val.i32(1)));
        assertArrayEquals(new byte[16], WastValues.v128(json("{'type':'v128','lane_type':'i64','value':['0','0']}")));
    }

    @Test
    void trapTextsNameTrapCodes() {
        assertTrue(TrapTexts.matches("integer divide by zero", dev.nostdwasm.api.TrapCode.INTEGER_DIVISION_BY_ZERO));
        assertFalse(TrapTexts.matches("integer divide by zero", dev.nostdwasm.api.TrapCode.INTEGER_OVERFLOW));
        assertTrue(TrapTexts.matches("out of bounds", dev.nostdwasm.api.TrapCode.TABLE_OUT_OF_BOUNDS));
        assertFalse(TrapTexts.matches("out of bounds memory access", dev.nostdwasm.api.TrapCode.TABLE_OUT_OF_BOUNDS));
        assertTrue(TrapTexts.matches("uninitialized element 2", dev.nostdwasm.api.TrapCode.INDIRECT_CALL_TO_NULL));
        AssertionError unknown = assertThrows(AssertionError.class,
                () -> TrapTexts.matches("some future text", dev.nostdwasm.api.TrapCode.UNKNOWN),
                "an unknown text accepts no trap");
        assertTrue(unknown.getMessage().contains("'some future text' is not in TrapTexts"), unknown.getMessage());
    }
}
