package dev.nostdwasm.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CodesTest {
    @Test
    void trapCodesAreWasmtimesStableNumbers() {
        // Spot checks against Wasmtime's trap_encoding.rs, the ones the C harness also asserts.
        assertEquals(TrapCode.STACK_OVERFLOW, TrapCode.fromCode(0));
        assertEquals(TrapCode.MEMORY_OUT_OF_BOUNDS, TrapCode.fromCode(1));
        assertEquals(TrapCode.INTEGER_OVERFLOW, TrapCode.fromCode(6));
        assertEquals(TrapCode.INTEGER_DIVISION_BY_ZERO, TrapCode.fromCode(7));
        assertEquals(TrapCode.UNREACHABLE_CODE_REACHED, TrapCode.fromCode(9));
        assertEquals(TrapCode.INTERRUPT, TrapCode.fromCode(10));
        assertEquals(TrapCode.OUT_OF_FUEL, TrapCode.fromCode(11));
        for (TrapCode t : TrapCode.values()) {
            if (t.code() >= 0) {
                assertEquals(t, TrapCode.fromCode(t.code()));
            }
        }
    }

    @Test
    void unknownTrapCodesAreUnknownNotAnError() {
        assertEquals(TrapCode.UNKNOWN, TrapCode.fromCode(200));
        assertEquals(TrapCode.UNKNOWN, TrapCode.fromCode(-1));
        // HOST_EXCEPTION is ours, not a code Wasmtime reports.
        assertEquals(TrapCode.UNKNOWN, TrapCode.fromCode(TrapCode.HOST_EXCEPTION.code()));
    }

    @Test
    void profilesMatchTheCAbiAndThePrecompilerNames() {
        assertEquals(0, Profile.NATIVE.id());
        assertEquals(1, Profile.NATIVE_SIGNALS.id());
        assertEquals(2, Profile.PULLEY.id());
        assertEquals(Profile.NATIVE_SIGNALS, Profile.fromCliName("Native-Signals"));
        assertEquals(Profile.PULLEY, Profile.fromId(2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Profile.fromCliName("fast"));
        assertEquals("unknown profile 'fast': use native, native-signals or pulley", e.getMessage());
    }
}
