package dev.nostdwasm.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValuesTest {
    @Test
    void floatsKeepTheirExactBitsIncludingNanPayloads() {
        int quietNanWithPayload = 0x7fc00123;
        Val.F32 f = new Val.F32(quietNanWithPayload);
        assertEquals(quietNanWithPayload, f.bits());
        assertEquals(ValType.F32, f.type());
        assertEquals(1.5f, ((Val.F32) Val.f32(1.5f)).value());
        assertEquals(-0.0, ((Val.F64) Val.f64(-0.0)).value());
        assertNotEquals(Val.f64(0.0), Val.f64(-0.0));
    }

    @Test
    void v128IsSixteenBytesAndImmutable() {
        byte[] bytes = new byte[16];
        bytes[0] = 1;
        Val.V128 v = new Val.V128(bytes);
        bytes[0] = 9;
        assertEquals(1, v.bytes()[0]);
        v.bytes()[0] = 7;
        assertEquals(1, v.bytes()[0]);
        assertEquals(new Val.V128(v.bytes()), v);
        assertThrows(IllegalArgumentException.class, () -> new Val.V128(new byte[8]));
    }

    @Test
    void valueTypesUseTheCAbiNumbers() {
        for (ValType t : ValType.values()) {
            assertEquals(t, ValType.fromCode(t.code()));
        }
        assertEquals(5, ValType.FUNCREF.code());
        assertThrows(IllegalArgumentException.class, () -> ValType.fromCode(42));
    }

    @Test
    void functionTypesCopyTheirLists() {
        var params = new java.util.ArrayList<>(List.of(ValType.I32));
        ExternType.Func f = new ExternType.Func(params, List.of());
        params.add(ValType.I64);
        assertEquals(List.of(ValType.I32), f.params());
    }

    @Test
    void engineConfigsAreImmutableAndValidated() {
        EngineConfig base = EngineConfig.of(Profile.PULLEY);
        EngineConfig metered = base.withFuel(true).withEpochInterruption(true).withMaxWasmStack(1 << 20);
        assertEquals(false, base.fuel());
        assertEquals(true, metered.fuel());
        assertEquals(1 << 20, metered.maxWasmStack());
        assertEquals("EngineConfig[pulley, fuel, epoch, max wasm stack 1048576]", metered.toString());
        assertEquals(metered, EngineConfig.of(Profile.PULLEY).withEpochInterruption(true).withFuel(true).withMaxWasmStack(1 << 20));
        assertThrows(IllegalArgumentException.class, () -> base.withMaxWasmStack(-1));
        assertEquals(128 * 1024, base.maxWasmStack(), "the default leaves room on a 256 KiB thread");
        assertEquals(base, base.withMaxWasmStack(0), "0 is the default");
        assertEquals("EngineConfig[pulley]", base.withMaxWasmStack(0).toString());
        assertEquals(2 << 20, base.withMaxWasmStack(2 << 20).maxWasmStack());
        assertThrows(IllegalArgumentException.class, () -> base.withMaxWasmStack((2 << 20) + 1));
        assertThrows(NullPointerException.class, () -> EngineConfig.of(null));
    }

    @Test
    void engineConfigsHaveAnEpochTick() {
        EngineConfig base = EngineConfig.of(Profile.PULLEY).withEpochInterruption(true);
        assertEquals(EngineConfig.DEFAULT_EPOCH_TICK, base.epochTick());
        assertEquals(java.time.Duration.ofMillis(10), base.epochTick());
        EngineConfig fast = base.withEpochTick(java.time.Duration.ofMillis(2));
        assertEquals(java.time.Duration.ofMillis(2), fast.epochTick());
        assertEquals("EngineConfig[pulley, epoch, epoch tick 2 ms]", fast.toString());
        assertEquals(fast, base.withEpochTick(java.time.Duration.ofMillis(2)));
        assertEquals(false, fast.equals(base));
        assertEquals(base, fast.withEpochTick(EngineConfig.DEFAULT_EPOCH_TICK));
        assertEquals(java.time.Duration.ofMillis(2), fast.withFuel(true).withMaxWasmStack(1 << 20).epochTick(),
                "other settings keep the tick");
        assertThrows(IllegalArgumentException.class, () -> base.withEpochTick(java.time.Duration.ofNanos(999_999)));
        assertThrows(IllegalArgumentException.class, () -> base.withEpochTick(java.time.Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> base.withEpochTick(java.time.Duration.ofMillis(-5)));
        assertThrows(NullPointerException.class, () -> base.withEpochTick(null));
    }

    @Test
    void storeLimitsAcceptMinusOneForNoneAndNothingBelow() {
        StoreLimits l = StoreLimits.UNLIMITED.withMemoryBytes(1 << 16).withInstances(2);
        assertEquals(1 << 16, l.memoryBytes());
        assertEquals(-1, l.tableElements());
        assertThrows(IllegalArgumentException.class, () -> StoreLimits.UNLIMITED.withTableElements(-5));
    }
}
