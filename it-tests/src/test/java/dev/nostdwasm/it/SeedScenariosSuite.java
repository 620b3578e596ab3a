package dev.nostdwasm.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.Instance;
import dev.nostdwasm.api.WasmModule;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.TrapCode;
import dev.nostdwasm.api.Val;
import dev.nostdwasm.api.ValType;
import dev.nostdwasm.api.WasmTrapException;
import dev.nostdwasm.it.support.ProfileTest;
import dev.nostdwasm.it.support.ProviderSuite;
import java.util.List;
import java.util.Optional;

/** The seed's four scenarios (rust-nostd/harness): empty module, add, a host function, floats. */
abstract class SeedScenariosSuite extends ProviderSuite {

    private static final ExternType.Func I32_I32_TO_I32 =
            new ExternType.Func(List.of(ValType.I32, ValType.I32), List.of(ValType.I32));

    @ProfileTest
    void emptyModuleInstantiates(Profile profile) {
        var s = session(profile);
        WasmModule module = s.module("empty");
        assertEquals(List.of(), module.imports());
        assertEquals(List.of(), module.exports());
        Instance instance = s.linker.instantiate(s.store, module);
        assertEquals(Optional.empty(), instance.exportType("anything"));
    }

    @ProfileTest
    void addReturnsTheSum(Profile profile) {
        var s = session(profile);
        Instance instance = s.instantiate("add");
        var add = instance.func("add");
        assertEquals(I32_I32_TO_I32, add.type());
        assertEquals(5, add.callI32(2, 3));
        assertArrayEquals(new Val[] {Val.i32(5)}, add.call(Val.i32(2), Val.i32(3)));
        assertEquals(Integer.MIN_VALUE, add.callI32(Integer.MAX_VALUE, 1), "i32.add wraps");
        assertThrows(IllegalArgumentException.class, () -> add.call(Val.i32(2)), "too few arguments");
    }

    @ProfileTest
    void hostFunctionMultiplies(Profile profile) {
        var s = session(profile);
        s.linker.define("host", "multiply", I32_I32_TO_I32,
                (caller, args) -> new Val[] {Val.i32(((Val.I32) args[0]).value() * ((Val.I32) args[1]).value())});
        Instance instance = s.instantiate("host_fn");
        assertEquals(10, instance.func("add_and_mul").callI32(2, 3, 4));
        assertEquals(-14, instance.func("add_and_mul").callI32(-3, 6, 4));
    }

    @ProfileTest
    void hostFunctionErrorSurfaces(Profile profile) {
        var s = session(profile);
        var failure = new IllegalStateException("host says no");
        s.linker.define("host", "multiply", I32_I32_TO_I32, (caller, args) -> {
            throw failure;
        });
        Instance instance = s.instantiate("host_fn");
        var trap = assertThrows(WasmTrapException.class, () -> instance.func("add_and_mul").callI32(2, 3, 4));
        assertEquals(TrapCode.HOST_EXCEPTION, trap.trapCode());
        assertSame(failure, trap.getCause());
    }

    @ProfileTest
    void floatsFrob(Profile profile) {
        var s = session(profile);
        var frob = s.instantiate("floats").func("frob");
        assertEquals(new ExternType.Func(List.of(ValType.F32, ValType.F32), List.of(ValType.F32)), frob.type());
        Val[] result = frob.call(Val.f32(1.4f), Val.f32(3.2f));
        assertEquals(1, result.length);
        assertTrue(result[0] instanceof Val.F32, () -> "f32 result, got " + result[0]);
        assertEquals(5.0f, ((Val.F32) result[0]).value());
    }
}
