package dev.nostdwasm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nostdwasm.api.Func;
import dev.nostdwasm.api.Instance;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.TrapCode;
import dev.nostdwasm.api.Val;
import dev.nostdwasm.api.WasmTrapException;
import dev.nostdwasm.it.support.ProfileTest;
import dev.nostdwasm.it.support.ProviderSuite;
import org.junit.jupiter.api.function.Executable;

/** Every trap reaches Java as a WasmTrapException with its code, and the store keeps working (traps.wat). */
abstract class TrapsSuite extends ProviderSuite {

    /** Runs {@code trapping}, expects {@code code}, then checks the instance still computes. */
    static WasmTrapException assertTraps(TrapCode code, Instance instance, Executable trapping) {
        var trap = assertThrows(WasmTrapException.class, trapping);
        assertEquals(code, trap.trapCode(), () -> "trap code of: " + trap.getMessage());
        assertEquals(5, instance.func("div").callI32(10, 2), "the store still works after " + code);
        return trap;
    }

    @ProfileTest
    void unreachable(Profile profile) {
        Instance instance = session(profile).instantiate("traps");
        assertTraps(TrapCode.UNREACHABLE_CODE_REACHED, instance, () -> instance.func("unreachable").callVoid());
        assertTraps(TrapCode.UNREACHABLE_CODE_REACHED, instance, () -> instance.func("unreachable").call());
    }

    @ProfileTest
    void integerDivisionByZero(Profile profile) {
        Instance instance = session(profile).instantiate("traps");
        Func div = instance.func("div");
        assertTraps(TrapCode.INTEGER_DIVISION_BY_ZERO, instance, () -> div.callI32(1, 0));
        assertTraps(TrapCode.INTEGER_DIVISION_BY_ZERO, instance, () -> div.call(Val.i32(0), Val.i32(0)));
    }

    @ProfileTest
    void integerOverflow(Profile profile) {
        Instance instance = session(profile).instantiate("traps");
        Func div = instance.func("div");
        assertTraps(TrapCode.INTEGER_OVERFLOW, instance, () -> div.callI32(Integer.MIN_VALUE, -1));
        assertEquals(Integer.MIN_VALUE, div.callI32(Integer.MIN_VALUE, 1));
    }

    @ProfileTest
    void memoryOutOfBounds(Profile profile) {
        Instance instance = session(profile).instantiate("traps");
        Func load = instance.func("load");
        assertTraps(TrapCode.MEMORY_OUT_OF_BOUNDS, instance, () -> load.callI32(65536));
        assertTraps(TrapCode.MEMORY_OUT_OF_BOUNDS, instance, () -> load.callI32(65533));
        assertTraps(TrapCode.MEMORY_OUT_OF_BOUNDS, instance, () -> load.callI32(-4));
        assertTraps(TrapCode.MEMORY_OUT_OF_BOUNDS, instance,
                () -> instance.func("store").call(Val.i32(1 << 30), Val.i32(1)));
        assertEquals(0, load.callI32(65532), "the last word is in bounds");
    }

    @ProfileTest
    void indirectCallTypeMismatch(Profile profile) {
        Instance instance = session(profile).instantiate("traps");
        Func callIndirect = instance.func("call_indirect");
        assertTraps(TrapCode.BAD_SIGNATURE, instance, () -> callIndirect.callI32(0));
    }

    @ProfileTest
    void indirectCallToNullAndOutOfTable(Profile profile) {
        Instance instance = session(profile).instantiate("traps");
        Func callIndirect = instance.func("call_indirect");
        assertTraps(TrapCode.INDIRECT_CALL_TO_NULL, instance, () -> callIndirect.callI32(1));
        assertTraps(TrapCode.TABLE_OUT_OF_BOUNDS, instance, () -> callIndirect.callI32(2));
    }

    @ProfileTest
    void stackOverflow(Profile profile) {
        Instance instance = session(profile).instantiate("traps");
        Func recurse = instance.func("recurse");
        assertTraps(TrapCode.STACK_OVERFLOW, instance, () -> recurse.callI32(0));
        assertTraps(TrapCode.STACK_OVERFLOW, instance, () -> recurse.callI32(0)); // and again
    }

    @ProfileTest
    void everyTrapInOneStore(Profile profile) {
        Instance instance = session(profile).instantiate("traps");
        for (int round = 0; round < 3; round++) {
            assertTraps(TrapCode.UNREACHABLE_CODE_REACHED, instance, () -> instance.func("unreachable").callVoid());
            assertTraps(TrapCode.INTEGER_DIVISION_BY_ZERO, instance, () -> instance.func("div").callI32(1, 0));
            assertTraps(TrapCode.INTEGER_OVERFLOW, instance, () -> instance.func("div").callI32(Integer.MIN_VALUE, -1));
            assertTraps(TrapCode.MEMORY_OUT_OF_BOUNDS, instance, () -> instance.func("load").callI32(-1));
            assertTraps(TrapCode.BAD_SIGNATURE, instance, () -> instance.func("call_indirect").callI32(0));
            assertTraps(TrapCode.STACK_OVERFLOW, instance, () -> instance.func("recurse").callI32(0));
        }
    }
}
