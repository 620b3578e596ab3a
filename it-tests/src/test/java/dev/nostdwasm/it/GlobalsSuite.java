package dev.nostdwasm.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.Global;
import dev.nostdwasm.api.ImmutableGlobalException;
import dev.nostdwasm.api.Instance;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.TypeMismatchException;
import dev.nostdwasm.api.Val;
import dev.nostdwasm.api.ValType;
import dev.nostdwasm.it.support.ProfileTest;
import dev.nostdwasm.it.support.ProviderSuite;

/** Globals exported by wasm and made by the store (globals.wat, global_import.wat). */
abstract class GlobalsSuite extends ProviderSuite {

    /** i32x4 1 2 3 4 as memory holds it. */
    static final byte[] ONE_TO_FOUR = {1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0};

    static byte[] sixteen(int first) {
        byte[] b = new byte[16];
        for (int i = 0; i < 16; i++) {
            b[i] = (byte) (first + i);
        }
        return b;
    }

    @ProfileTest
    void exportedGlobalsOfEveryTypeHaveTheirTypesAndValues(Profile profile) {
        Instance instance = session(profile).instantiate("globals");
        assertEquals(new ExternType.Global(ValType.I32, true), instance.global("i32").type());
        assertEquals(new ExternType.Global(ValType.I64, false), instance.global("i64").type());
        assertEquals(new ExternType.Global(ValType.F32, true), instance.global("f32").type());
        assertEquals(new ExternType.Global(ValType.F64, false), instance.global("f64").type());
        assertEquals(new ExternType.Global(ValType.V128, true), instance.global("v128").type());

        assertEquals(Val.i32(7), instance.global("i32").get());
        assertEquals(Val.i64(-5), instance.global("i64").get());
        assertEquals(Val.f32(1.5f), instance.global("f32").get());
        assertEquals(Val.f64(2.25), instance.global("f64").get());
        assertEquals(new Val.V128(ONE_TO_FOUR), instance.global("v128").get());
    }

    @ProfileTest
    void mutableGlobalsAreSetFromJavaAndFromWasm(Profile profile) {
        Instance instance = session(profile).instantiate("globals");
        Global i32 = instance.global("i32");
        i32.set(Val.i32(-123));
        assertEquals(Val.i32(-123), i32.get());
        assertEquals(-123, instance.func("get_i32").callI32(), "wasm sees the Java write");
        instance.func("set_i32").call(Val.i32(99));
        assertEquals(Val.i32(99), i32.get(), "Java sees the wasm write");

        Global f32 = instance.global("f32");
        Val nan = new Val.F32(0x7fa00001); // a NaN with a payload
        f32.set(nan);
        assertEquals(nan, f32.get(), "the bits survive");
        assertArrayEquals(new Val[] {nan}, instance.func("get_f32").call());

        Global v128 = instance.global("v128");
        v128.set(new Val.V128(sixteen(100)));
        assertEquals(new Val.V128(sixteen(100)), v128.get());
        assertArrayEquals(new Val[] {new Val.V128(sixteen(100))}, instance.func("get_v128").call());
        instance.func("set_v128").call(new Val.V128(sixteen(-8)));
        assertEquals(new Val.V128(sixteen(-8)), v128.get());
    }

    @ProfileTest
    void settingAnImmutableGlobalThrows(Profile profile) {
        Instance instance = session(profile).instantiate("globals");
        Global i64 = instance.global("i64");
        assertThrows(ImmutableGlobalException.class, () -> i64.set(Val.i64(1)));
        assertEquals(Val.i64(-5), i64.get());
        Global f64 = instance.global("f64");
        assertThrows(ImmutableGlobalException.class, () -> f64.set(Val.f64(0)));
        assertEquals(Val.f64(2.25), f64.get());
    }

    @ProfileTest
    void settingAValueOfTheWrongTypeThrows(Profile profile) {
        Instance instance = session(profile).instantiate("globals");
        Global i32 = instance.global("i32");
        assertThrows(TypeMismatchException.class, () -> i32.set(Val.i64(1)));
        assertThrows(TypeMismatchException.class, () -> i32.set(Val.f32(1)));
        assertThrows(TypeMismatchException.class, () -> i32.set(new Val.ExternRef("x")));
        assertEquals(Val.i32(7), i32.get());
        assertThrows(TypeMismatchException.class, () -> instance.global("v128").set(Val.i32(0)));
    }

    @ProfileTest
    void storeMadeGlobalsAreImportedThroughTheLinker(Profile profile) {
        var s = session(profile);
        Global counter = s.store.newGlobal(Val.i64(100), true);
        Global base = s.store.newGlobal(Val.i32(7), false);
        assertEquals(new ExternType.Global(ValType.I64, true), counter.type());
        assertEquals(new ExternType.Global(ValType.I32, false), base.type());
        assertEquals(Val.i64(100), counter.get());
        assertThrows(ImmutableGlobalException.class, () -> base.set(Val.i32(8)), "immutable");

        s.linker.define(s.store, "env", "counter", counter);
        s.linker.define(s.store, "env", "base", base);
        Instance instance = s.instantiate("global_import");
        assertEquals(105, instance.func("bump").callI64(5));
        assertEquals(Val.i64(105), counter.get(), "wasm wrote the store's global");
        counter.set(Val.i64(-1));
        assertEquals(0, instance.func("bump").callI64(1), "wasm reads the Java write");
        assertEquals(7, instance.func("base").callI32());
    }

    @ProfileTest
    void storeMadeGlobalsOfEveryType(Profile profile) {
        var s = session(profile);
        Val[] values = {Val.i32(-1), Val.i64(Long.MIN_VALUE), new Val.F32(0xffc00123), new Val.F64(0x7ff0000000000abcL),
            new Val.V128(sixteen(1)), new Val.ExternRef("a string"), new Val.ExternRef(null), new Val.FuncRef(null)};
        for (Val v : values) {
            Global g = s.store.newGlobal(v, true);
            assertEquals(new ExternType.Global(v.type(), true), g.type(), () -> "type of a global holding " + v);
            Val got = g.get();
            if (v instanceof Val.ExternRef ref) {
                assertEquals(Val.ExternRef.class, got.getClass());
                assertSame(ref.value(), ((Val.ExternRef) got).value(), "the same object");
            } else {
                assertEquals(v, got, () -> "value of a global holding " + v);
            }
        }
    }
}
