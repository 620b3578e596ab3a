package dev.nostdwasm.it.conformance;

import dev.nostdwasm.api.Extern;
import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.Linker;
import dev.nostdwasm.api.Store;
import dev.nostdwasm.api.Val;
import dev.nostdwasm.api.ValType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The spec interpreter's {@code spectest} host module, made of Java host functions and
 * store-made globals, table and memory: what the test suite imports from it.
 */
final class Spectest {

    static final String MODULE = "spectest";

    private static final Val[] NONE = new Val[0];

    /** The store-made externs; the host functions are defined in each linker. */
    private final Map<String, Extern> externs = new LinkedHashMap<>();

    Spectest(Store store) {
        externs.put("global_i32", store.newGlobal(Val.i32(666), false));
        externs.put("global_i64", store.newGlobal(Val.i64(666), false));
        externs.put("global_f32", store.newGlobal(Val.f32(666.6f), false));
        externs.put("global_f64", store.newGlobal(Val.f64(666.6), false));
        externs.put("table", store.newTable(ValType.FUNCREF, 10, OptionalInt.of(20), new Val.FuncRef(null)));
        externs.put("memory", store.newMemory(1, OptionalInt.of(2)));
    }

    /** Defines every {@code spectest} export in {@code linker} (the externs from the store this was made for). */
    void defineIn(Linker linker, Store store) {
        // The prints only need to exist with the right types: the suite never checks their output.
        print(linker, "print");
        print(linker, "print_i32", ValType.I32);
        print(linker, "print_i64", ValType.I64);
        print(linker, "print_f32", ValType.F32);
        print(linker, "print_f64", ValType.F64);
        print(linker, "print_i32_f32", ValType.I32, ValType.F32);
        print(linker, "print_f64_f64", ValType.F64, ValType.F64);
        externs.forEach((name, extern) -> linker.define(store, MODULE, name, extern));
    }

    private static void print(Linker linker, String name, ValType... params) {
        linker.define(MODULE, name, new ExternType.Func(List.of(params), List.of()), (caller, args) -> NONE);
    }
}
