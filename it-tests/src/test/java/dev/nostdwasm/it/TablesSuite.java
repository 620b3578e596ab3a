package dev.nostdwasm.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.Func;
import dev.nostdwasm.api.Instance;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.Table;
import dev.nostdwasm.api.TrapCode;
import dev.nostdwasm.api.TypeMismatchException;
import dev.nostdwasm.api.Val;
import dev.nostdwasm.api.ValType;
import dev.nostdwasm.api.WasmException;
import dev.nostdwasm.api.WasmTrapException;
import dev.nostdwasm.it.support.ProfileTest;
import dev.nostdwasm.it.support.ProviderSuite;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Tables of funcref and externref, from Java and from wasm (tables.wat). */
abstract class TablesSuite extends ProviderSuite {

    static final ExternType.Func I32_TO_I32 = new ExternType.Func(List.of(ValType.I32), List.of(ValType.I32));

    static Func funcAt(Table table, long index) {
        Val v = table.get(index);
        Val.FuncRef ref = assertInstanceOf(Val.FuncRef.class, v);
        return ref.func();
    }

    @ProfileTest
    void typesAndSizes(Profile profile) {
        Instance instance = session(profile).instantiate("tables");
        Table funcs = instance.table("funcs");
        Table refs = instance.table("refs");
        assertEquals(new ExternType.Table(ValType.FUNCREF, 4, OptionalLong.of(8), false), funcs.type());
        assertEquals(new ExternType.Table(ValType.EXTERNREF, 2, OptionalLong.empty(), false), refs.type());
        assertEquals(4, funcs.size());
        assertEquals(2, refs.size());
    }

    @ProfileTest
    void funcrefElementsAreCallableFuncs(Profile profile) {
        Instance instance = session(profile).instantiate("tables");
        Table funcs = instance.table("funcs");
        Func dbl = funcAt(funcs, 0);
        Func inc = funcAt(funcs, 1);
        assertNotNull(dbl);
        assertNotNull(inc);
        assertEquals(I32_TO_I32, dbl.type());
        assertEquals(42, dbl.callI32(21));
        assertEquals(22, inc.callI32(21));
        assertNull(funcAt(funcs, 2), "uninitialised elements are null");
        assertEquals(new Val.FuncRef(null), funcs.get(3));
    }

    @ProfileTest
    void callIndirectThroughATableFilledFromJava(Profile profile) {
        var s = session(profile);
        Instance instance = s.instantiate("tables");
        Table funcs = instance.table("funcs");
        Func triple = s.store.newFunc(I32_TO_I32, (caller, args) -> new Val[] {Val.i32(((Val.I32) args[0]).value() * 3)});
        funcs.set(2, new Val.FuncRef(triple));
        funcs.set(3, new Val.FuncRef(instance.func("double")));
        var callAt = instance.func("call_at");
        assertEquals(15, callAt.callI32(2, 5), "a host function set from Java");
        assertEquals(10, callAt.callI32(3, 5), "a wasm function set from Java");
        assertEquals(6, callAt.callI32(1, 5), "the module's own element");
        assertEquals(15, funcAt(funcs, 2).callI32(5), "the element reads back as a callable func");

        funcs.set(2, new Val.FuncRef(null));
        var trap = assertThrows(WasmTrapException.class, () -> callAt.callI32(2, 5));
        assertEquals(TrapCode.INDIRECT_CALL_TO_NULL, trap.trapCode());

        Func wrongType = s.store.newFunc(new ExternType.Func(List.of(), List.of()), (caller, args) -> new Val[0]);
        funcs.set(2, new Val.FuncRef(wrongType));
        trap = assertThrows(WasmTrapException.class, () -> callAt.callI32(2, 5));
        assertEquals(TrapCode.BAD_SIGNATURE, trap.trapCode());
        assertEquals(10, callAt.callI32(3, 5), "the store still works");
    }

    @ProfileTest
    void externrefElementsAreTheIdenticalObject(Profile profile) {
        Instance instance = session(profile).instantiate("tables");
        Table refs = instance.table("refs");
        assertEquals(new Val.ExternRef(null), refs.get(0), "elements start null");
        Object mine = new StringBuilder("mine");
        refs.set(1, new Val.ExternRef(mine));
        assertSame(mine, assertInstanceOf(Val.ExternRef.class, refs.get(1)).value());
        Val[] fromWasm = instance.func("ref_at").call(Val.i32(1));
        assertSame(mine, assertInstanceOf(Val.ExternRef.class, fromWasm[0]).value(), "wasm reads the same object");

        Object other = new Object();
        instance.func("set_ref").call(Val.i32(0), new Val.ExternRef(other));
        assertSame(other, ((Val.ExternRef) refs.get(0)).value(), "Java reads what wasm stored");
        refs.set(1, new Val.ExternRef(null));
        assertNull(((Val.ExternRef) refs.get(1)).value());
    }

    @ProfileTest
    void growReturnsThePreviousSize(Profile profile) {
        var s = session(profile);
        Instance instance = s.instantiate("tables");
        Table funcs = instance.table("funcs");
        Func dbl = instance.func("double");
        assertEquals(4, funcs.grow(2, new Val.FuncRef(dbl)));
        assertEquals(6, funcs.size());
        assertEquals(6, instance.func("funcs_size").callI32(), "wasm sees the growth");
        assertEquals(8, funcAt(funcs, 5).callI32(4), "new elements hold init");
        assertEquals(6, funcs.grow(0, new Val.FuncRef(null)));
        assertThrows(WasmException.class, () -> funcs.grow(3, new Val.FuncRef(null)), "6 + 3 > maximum 8");
        assertEquals(6, funcs.size(), "a failed grow changes nothing");

        Table refs = instance.table("refs");
        Object init = new Object();
        assertEquals(2, refs.grow(3, new Val.ExternRef(init)));
        assertEquals(5, refs.size());
        assertSame(init, ((Val.ExternRef) refs.get(4)).value());
    }

    @ProfileTest
    void outOfBoundsAndMistypedAccessThrows(Profile profile) {
        Instance instance = session(profile).instantiate("tables");
        Table funcs = instance.table("funcs");
        Table refs = instance.table("refs");
        assertThrows(WasmException.class, () -> funcs.get(4));
        assertThrows(WasmException.class, () -> funcs.get(-1));
        assertThrows(WasmException.class, () -> funcs.get(Long.MAX_VALUE));
        assertThrows(WasmException.class, () -> refs.get(2));
        assertThrows(WasmException.class, () -> funcs.set(4, new Val.FuncRef(null)));
        assertThrows(WasmException.class, () -> refs.set(2, new Val.ExternRef(null)));
        assertThrows(TypeMismatchException.class, () -> funcs.set(0, new Val.ExternRef("not a func")), "wrong type");
        assertThrows(TypeMismatchException.class, () -> refs.set(0, Val.i32(1)), "wrong type");
        assertEquals(42, funcAt(funcs, 0).callI32(21), "nothing changed");
        var trap = assertThrows(WasmTrapException.class, () -> instance.func("call_at").callI32(4, 1));
        assertEquals(TrapCode.TABLE_OUT_OF_BOUNDS, trap.trapCode());
    }

    @ProfileTest
    void storeMadeTables(Profile profile) {
        var s = session(profile);
        Object init = new Object();
        Table refs = s.store.newTable(ValType.EXTERNREF, 3, OptionalInt.of(5), new Val.ExternRef(init));
        assertEquals(new ExternType.Table(ValType.EXTERNREF, 3, OptionalLong.of(5), false), refs.type());
        assertEquals(3, refs.size());
        assertSame(init, ((Val.ExternRef) refs.get(2)).value());
        assertEquals(3, refs.grow(2, new Val.ExternRef(null)));
        assertThrows(WasmException.class, () -> refs.grow(1, new Val.ExternRef(null)));

        Func quad = s.store.newFunc(I32_TO_I32, (caller, args) -> new Val[] {Val.i32(((Val.I32) args[0]).value() * 4)});
        Table funcs = s.store.newTable(ValType.FUNCREF, 2, OptionalInt.empty(), new Val.FuncRef(quad));
        assertEquals(new ExternType.Table(ValType.FUNCREF, 2, OptionalLong.empty(), false), funcs.type());
        assertEquals(12, funcAt(funcs, 1).callI32(3));
        assertArrayEquals(new Val[] {Val.i32(20)}, funcAt(funcs, 0).call(Val.i32(5)));
    }
}
