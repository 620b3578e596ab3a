package dev.nostdwasm.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nostdwasm.api.ExportType;
import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.ImportType;
import dev.nostdwasm.api.Instance;
import dev.nostdwasm.api.WasmModule;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.Val;
import dev.nostdwasm.api.ValType;
import dev.nostdwasm.api.WasmException;
import dev.nostdwasm.it.support.ProfileTest;
import dev.nostdwasm.it.support.ProviderSuite;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** A module's imports and exports, in declaration order, with their full types (imports_exports.wat). */
abstract class ImportsExportsSuite extends ProviderSuite {

    static final ExternType.Func F_TYPE = new ExternType.Func(List.of(ValType.I32, ValType.I64), List.of(ValType.F32));
    static final ExternType.Global G_TYPE = new ExternType.Global(ValType.I64, true);
    static final ExternType.Memory M_TYPE = new ExternType.Memory(1, OptionalLong.of(2), false, false);
    static final ExternType.Table T_TYPE = new ExternType.Table(ValType.EXTERNREF, 3, OptionalLong.empty(), false);

    static final ExternType.Memory MEM_TYPE = new ExternType.Memory(2, OptionalLong.of(5), false, false);
    static final ExternType.Table TAB_TYPE = new ExternType.Table(ValType.FUNCREF, 4, OptionalLong.of(10), false);
    static final ExternType.Global GC_TYPE = new ExternType.Global(ValType.F32, false);
    static final ExternType.Global GM_TYPE = new ExternType.Global(ValType.F64, true);
    static final ExternType.Func RUN_TYPE = new ExternType.Func(List.of(ValType.F64), List.of(ValType.F64, ValType.I32));
    static final ExternType.Func USE_IMPORTS_TYPE = new ExternType.Func(List.of(), List.of(ValType.F32));

    @ProfileTest
    void importsInDeclarationOrderWithTypes(Profile profile) {
        WasmModule module = session(profile).module("imports_exports");
        assertEquals(List.of(
                new ImportType("env", "f", F_TYPE),
                new ImportType("env", "g", G_TYPE),
                new ImportType("env", "m", M_TYPE),
                new ImportType("env", "t", T_TYPE)), module.imports());
    }

    @ProfileTest
    void exportsInDeclarationOrderWithTypes(Profile profile) {
        WasmModule module = session(profile).module("imports_exports");
        assertEquals(List.of(
                new ExportType("mem", MEM_TYPE),
                new ExportType("tab", TAB_TYPE),
                new ExportType("gc", GC_TYPE),
                new ExportType("gm", GM_TYPE),
                new ExportType("run", RUN_TYPE),
                new ExportType("use_imports", USE_IMPORTS_TYPE)), module.exports());
    }

    @ProfileTest
    void seedModulesHaveTheirTypes(Profile profile) {
        var s = session(profile);
        var i32x2 = new ExternType.Func(List.of(ValType.I32, ValType.I32), List.of(ValType.I32));
        assertEquals(List.of(new ExportType("add", i32x2)), s.module("add").exports());
        assertEquals(List.of(new ImportType("host", "multiply", i32x2)), s.module("host_fn").imports());
        assertEquals(List.of(new ExportType("add_and_mul",
                new ExternType.Func(List.of(ValType.I32, ValType.I32, ValType.I32), List.of(ValType.I32)))),
                s.module("host_fn").exports());
    }

    @ProfileTest
    void instantiatesWithStoreMadeImportsAndExposesExports(Profile profile) {
        var s = session(profile);
        var memory = s.store.newMemory(1, OptionalInt.of(2));
        var global = s.store.newGlobal(Val.i64(41), true);
        var table = s.store.newTable(ValType.EXTERNREF, 3, OptionalInt.empty(), new Val.ExternRef(null));
        s.linker.define("env", "f", F_TYPE, (caller, args) -> {
            int a = ((Val.I32) args[0]).value();
            long b = ((Val.I64) args[1]).value();
            return new Val[] {Val.f32(a + b + 0.5f)};
        });
        s.linker.define(s.store, "env", "g", global);
        s.linker.define(s.store, "env", "m", memory);
        s.linker.define(s.store, "env", "t", table);
        Instance instance = s.instantiate("imports_exports");

        // use_imports: g = 42; m[0] = size(t) = 3; f(3, 42) = 45.5
        Val[] r = instance.func("use_imports").call();
        assertArrayEquals(new Val[] {Val.f32(45.5f)}, r);
        assertEquals(Val.i64(42), global.get());
        byte[] word = new byte[4];
        memory.read(0, word, 0, 4);
        assertArrayEquals(new byte[] {3, 0, 0, 0}, word);

        assertEquals(Optional.of(MEM_TYPE), instance.exportType("mem"));
        assertEquals(Optional.of(TAB_TYPE), instance.exportType("tab"));
        assertEquals(Optional.of(GC_TYPE), instance.exportType("gc"));
        assertEquals(Optional.of(GM_TYPE), instance.exportType("gm"));
        assertEquals(Optional.of(RUN_TYPE), instance.exportType("run"));
        assertEquals(Optional.empty(), instance.exportType("f"), "imports are not exports");
        assertEquals(Optional.empty(), instance.exportType("nope"));

        assertEquals(MEM_TYPE, instance.memory("mem").type());
        assertEquals(TAB_TYPE, instance.table("tab").type());
        assertEquals(GC_TYPE, instance.global("gc").type());
        assertEquals(GM_TYPE, instance.global("gm").type());
        assertEquals(RUN_TYPE, instance.func("run").type());
        assertEquals(M_TYPE, memory.type());
        assertEquals(G_TYPE, global.type());
        assertEquals(T_TYPE, table.type());

        assertArrayEquals(new Val[] {Val.f64(5.0), Val.i32(7)}, instance.func("run").call(Val.f64(2.5)));
    }

    @ProfileTest
    void exportsOfTheWrongKindOrNameAreRefused(Profile profile) {
        var s = session(profile);
        Instance instance = s.instantiate("memory");
        assertThrows(WasmException.class, () -> instance.func("nope"));
        assertThrows(WasmException.class, () -> instance.memory("nope"));
        assertThrows(WasmException.class, () -> instance.global("nope"));
        assertThrows(WasmException.class, () -> instance.table("nope"));
        assertThrows(WasmException.class, () -> instance.func("memory"), "a memory is not a function");
        assertThrows(WasmException.class, () -> instance.global("memory"));
        assertThrows(WasmException.class, () -> instance.table("memory"));
        assertThrows(WasmException.class, () -> instance.memory("load"), "a function is not a memory");
        assertSame(instance.memory("memory").type().getClass(), ExternType.Memory.class);
    }
}
