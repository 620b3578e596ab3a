package dev.nostdwasm.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.Func;
import dev.nostdwasm.api.HostFunction;
import dev.nostdwasm.api.Instance;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.TrapCode;
import dev.nostdwasm.api.Val;
import dev.nostdwasm.api.ValType;
import dev.nostdwasm.api.WasmException;
import dev.nostdwasm.api.WasmTrapException;
import dev.nostdwasm.it.support.ProfileTest;
import dev.nostdwasm.it.support.ProviderSuite;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Host functions of every value type, echoed back through wasm (host_types.wat); host
 * exceptions; wasm → host → wasm traps (reentry.wat); the typed call paths (typed.wat).
 */
abstract class HostFunctionsSuite extends ProviderSuite {

    static final ExternType.Func I32_TO_I32 = new ExternType.Func(List.of(ValType.I32), List.of(ValType.I32));

    static ExternType.Func unary(ValType t) {
        return new ExternType.Func(List.of(t), List.of(t));
    }

    static final List<ValType> MULTI_PARAMS = List.of(ValType.I32, ValType.I64, ValType.F32, ValType.F64);
    static final List<ValType> MULTI_RESULTS = List.of(ValType.F64, ValType.F32, ValType.I64, ValType.I32);

    /** host_types.wat with every import an echo that records what it received. */
    final class Echoes {
        final List<Val> received = new ArrayList<>();
        final Instance instance;

        Echoes(Profile profile) {
            var s = session(profile);
            HostFunction echo = (caller, args) -> {
                assertEquals(1, args.length);
                received.add(args[0]);
                return new Val[] {args[0]};
            };
            for (ValType t : List.of(ValType.I32, ValType.I64, ValType.F32, ValType.F64, ValType.V128,
                    ValType.FUNCREF, ValType.EXTERNREF)) {
                s.linker.define("host", t.name().toLowerCase(java.util.Locale.ROOT), unary(t), echo);
            }
            s.linker.define("host", "multi", new ExternType.Func(MULTI_PARAMS, MULTI_RESULTS), (caller, args) -> {
                received.addAll(List.of(args));
                return new Val[] {args[3], args[2], args[1], args[0]};
            });
            instance = s.instantiate("host_types");
        }

        /** Calls export {@code name} with {@code arg}; checks the host got it; returns the result. */
        Val echo(String name, Val arg) {
            received.clear();
            Val[] result = instance.func(name).call(arg);
            assertEquals(1, result.length);
            assertEquals(1, received.size(), "the host was called once");
            return result[0];
        }

        Val echoExactly(String name, Val arg) {
            Val result = echo(name, arg);
            assertEquals(arg, received.get(0), () -> name + ": the host received " + received.get(0));
            assertEquals(arg, result, () -> name + ": wasm returned " + result);
            return result;
        }
    }

    @ProfileTest
    void i32AndI64(Profile profile) {
        var e = new Echoes(profile);
        for (int v : new int[] {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0x12345678}) {
            e.echoExactly("i32", Val.i32(v));
        }
        for (long v : new long[] {0, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0x123456789abcdef0L}) {
            e.echoExactly("i64", Val.i64(v));
        }
    }

    @ProfileTest
    void f32AndF64KeepTheirBitsIncludingNaNPayloads(Profile profile) {
        var e = new Echoes(profile);
        for (int bits : new int[] {Float.floatToRawIntBits(1.5f), Float.floatToRawIntBits(-0.0f), 0x7f800000, 0xff800000,
            1, 0x7fc00000, 0x7fa00001, 0xffc12345, 0x7f800001}) {
            Val.F32 result = assertInstanceOf(Val.F32.class, e.echoExactly("f32", new Val.F32(bits)));
            assertEquals(bits, result.bits(), () -> "f32 bits " + Integer.toHexString(bits));
        }
        for (long bits : new long[] {Double.doubleToRawLongBits(Math.PI), Double.doubleToRawLongBits(-0.0), 1L,
            0x7ff8000000000000L, 0x7ff4000000000001L, 0xfff8000000abcdefL, 0x7ff0000000000001L}) {
            Val.F64 result = assertInstanceOf(Val.F64.class, e.echoExactly("f64", new Val.F64(bits)));
            assertEquals(bits, result.bits(), () -> "f64 bits " + Long.toHexString(bits));
        }
    }

    @ProfileTest
    void v128(Profile profile) {
        var e = new Echoes(profile);
        byte[] bytes = new byte[16];
        for (int i = 0; i < 16; i++) {
            bytes[i] = (byte) (0xf0 + i);
        }
        e.echoExactly("v128", new Val.V128(bytes));
        e.echoExactly("v128", new Val.V128(new byte[16]));
    }

    @ProfileTest
    void externrefIsTheIdenticalObject(Profile profile) {
        var e = new Echoes(profile);
        Object mine = new ArrayList<>(List.of("identity, not equality"));
        Val result = e.echo("externref", new Val.ExternRef(mine));
        assertSame(mine, assertInstanceOf(Val.ExternRef.class, e.received.get(0)).value(), "the host got the object");
        assertSame(mine, assertInstanceOf(Val.ExternRef.class, result).value(), "wasm returned the object");
        assertNull(assertInstanceOf(Val.ExternRef.class, e.echo("externref", new Val.ExternRef(null))).value());
        assertNull(((Val.ExternRef) e.received.get(0)).value(), "ref.null extern reaches the host as null");
    }

    @ProfileTest
    void funcrefComesBackAsACallableFunc(Profile profile) {
        var e = new Echoes(profile);
        Func echoI32 = e.instance.func("i32"); // a wasm export: echoI32(x) == x
        Func wasmFunc = assertInstanceOf(Val.FuncRef.class, e.instance.func("wasm_funcref").call()[0]).func();
        assertNotNull(wasmFunc, "ref.func made in wasm comes back non-null");
        assertEquals(I32_TO_I32, wasmFunc.type());
        assertEquals(21, wasmFunc.callI32(7));
        Func received = assertInstanceOf(Val.FuncRef.class, e.received.get(0)).func();
        assertNotNull(received, "the host got a callable func");
        assertEquals(30, received.callI32(10));

        Val result = e.echo("funcref", new Val.FuncRef(echoI32));
        Func back = assertInstanceOf(Val.FuncRef.class, result).func();
        assertNotNull(back);
        assertEquals(echoI32.type(), back.type());
        assertEquals(12345, back.callI32(12345));
        assertNotNull(assertInstanceOf(Val.FuncRef.class, e.received.get(0)).func());

        assertNull(assertInstanceOf(Val.FuncRef.class, e.echo("funcref", new Val.FuncRef(null))).func());
        assertNull(((Val.FuncRef) e.received.get(0)).func(), "ref.null func reaches the host as null");
    }

    @ProfileTest
    void multipleParamsAndResults(Profile profile) {
        var e = new Echoes(profile);
        e.received.clear();
        Val[] args = {Val.i32(-7), Val.i64(1L << 40), new Val.F32(0x7fc00abc), new Val.F64(0xfff0000000000123L)};
        Val[] result = e.instance.func("multi").call(args);
        assertEquals(List.of(args), e.received, "the host got all four in order");
        assertArrayEquals(new Val[] {args[3], args[2], args[1], args[0]}, result, "and wasm returned them reversed");
        assertEquals(new ExternType.Func(MULTI_PARAMS, MULTI_RESULTS), e.instance.func("multi").type());
    }

    @ProfileTest
    void storeMadeHostFunctionIsCalledFromJava(Profile profile) {
        var s = session(profile);
        var type = new ExternType.Func(List.of(ValType.I64, ValType.F64), List.of(ValType.F64, ValType.I64));
        Func swap = s.store.newFunc(type, (caller, args) -> new Val[] {args[1], args[0]});
        assertEquals(type, swap.type());
        assertArrayEquals(new Val[] {Val.f64(0.25), Val.i64(9)}, swap.call(Val.i64(9), Val.f64(0.25)));
        Func nothing = s.store.newFunc(new ExternType.Func(List.of(), List.of()), (caller, args) -> new Val[0]);
        nothing.callVoid();
        assertArrayEquals(new Val[0], nothing.call());
    }

    @ProfileTest
    void aThrowingHostFunctionTrapsWithTheExceptionAsCause(Profile profile) {
        var s = session(profile);
        AtomicReference<Exception> toThrow = new AtomicReference<>();
        s.linker.define("host", "multiply", new ExternType.Func(List.of(ValType.I32, ValType.I32), List.of(ValType.I32)),
                (caller, args) -> {
                    Exception e = toThrow.get();
                    if (e != null) {
                        throw e;
                    }
                    return new Val[] {Val.i32(((Val.I32) args[0]).value() * ((Val.I32) args[1]).value())};
                });
        Func addAndMul = s.instantiate("host_fn").func("add_and_mul");
        for (Exception e : List.of(new IllegalStateException("unchecked"), new IOException("checked"),
                new WasmException("one of ours"))) {
            toThrow.set(e);
            var trap = assertThrows(WasmTrapException.class, () -> addAndMul.callI32(2, 3, 4));
            assertEquals(TrapCode.HOST_EXCEPTION, trap.trapCode());
            assertSame(e, trap.getCause(), "the very exception thrown");
            toThrow.set(null);
            assertEquals(10, addAndMul.callI32(2, 3, 4), "the store still works");
        }
    }

    @ProfileTest
    void aHostFunctionReturningTheWrongResultsFails(Profile profile) {
        var s = session(profile);
        AtomicReference<Val[]> results = new AtomicReference<>();
        s.linker.define("host", "multiply", new ExternType.Func(List.of(ValType.I32, ValType.I32), List.of(ValType.I32)),
                (caller, args) -> results.get());
        Func addAndMul = s.instantiate("host_fn").func("add_and_mul");
        for (Val[] wrong : List.of(new Val[0], new Val[] {Val.i64(1)}, new Val[] {Val.i32(1), Val.i32(2)})) {
            results.set(wrong);
            assertThrows(WasmException.class, () -> addAndMul.callI32(2, 3, 4), () -> List.of(wrong).toString());
        }
        results.set(new Val[] {Val.i32(6)});
        assertEquals(10, addAndMul.callI32(2, 3, 4), "the store still works");
    }

    /** reentry.wat: outer → host callback → inner, which traps for 0. */
    @ProfileTest
    void aTrapInWasmCalledByTheHostUnwindsCleanly(Profile profile) {
        var s = session(profile);
        AtomicReference<Instance> self = new AtomicReference<>();
        AtomicInteger hostCalls = new AtomicInteger();
        AtomicReference<WasmTrapException> innerTrap = new AtomicReference<>();
        s.linker.define("host", "callback", I32_TO_I32, (caller, args) -> {
            hostCalls.incrementAndGet();
            int x = ((Val.I32) args[0]).value();
            try {
                return new Val[] {Val.i32(self.get().func("inner").callI32(x))};
            } catch (WasmTrapException e) {
                innerTrap.set(e);
                throw e;
            }
        });
        Instance instance = s.instantiate("reentry");
        self.set(instance);
        Func outer = instance.func("outer");
        assertEquals(51, outer.callI32(5));

        var trap = assertThrows(WasmTrapException.class, () -> outer.callI32(0));
        assertNotNull(innerTrap.get());
        assertEquals(TrapCode.UNREACHABLE_CODE_REACHED, innerTrap.get().trapCode(), "the inner call trapped");
        assertEquals(TrapCode.HOST_EXCEPTION, trap.trapCode(), "the host rethrew it");
        assertSame(innerTrap.get(), trap.getCause());

        assertEquals(51, outer.callI32(5), "the store still works after the trap unwound through the host");
        assertEquals(20, instance.func("inner").callI32(2));

        assertEquals(3, hostCalls.get());
    }

    @ProfileTest
    void aTrapCaughtByTheHostDoesNotFailTheOuterCall(Profile profile) {
        var s = session(profile);
        AtomicReference<Instance> self = new AtomicReference<>();
        s.linker.define("host", "callback", I32_TO_I32, (caller, args) -> {
            try {
                return new Val[] {Val.i32(self.get().func("inner").callI32(((Val.I32) args[0]).value()))};
            } catch (WasmTrapException e) {
                assertEquals(TrapCode.UNREACHABLE_CODE_REACHED, e.trapCode());
                return new Val[] {Val.i32(-1)};
            }
        });
        Instance instance = s.instantiate("reentry");
        self.set(instance);
        assertEquals(0, instance.func("outer").callI32(0), "callback returned -1 after catching the trap");
        assertEquals(31, instance.func("outer").callI32(3));
    }

    @ProfileTest
    void typedCallPaths(Profile profile) {
        Instance instance = session(profile).instantiate("typed");
        instance.func("void").callVoid();
        instance.func("void").callVoid();
        assertEquals(2, instance.func("calls").callI32());
        assertEquals(8, instance.func("i32_1").callI32(7));
        assertEquals(-3, instance.func("i32_2").callI32(4, 7));
        assertEquals(29, instance.func("i32_3").callI32(4, 7, 1));
        assertEquals(Long.MIN_VALUE, instance.func("i64_1").callI64(Long.MAX_VALUE));
        assertEquals(-3, instance.func("i64_2").callI64(4, 7));
        assertEquals(2 * 3 + 4 * 5, instance.func("i64_4").callI64(2, 3, 4, 5));
        assertEquals(3.0, instance.func("f64_1").callF64(9.0));
        assertEquals(0.25, instance.func("f64_2").callF64(1.0, 4.0));
        assertTrue(Double.isNaN(instance.func("f64_1").callF64(-1.0)));
        assertArrayEquals(new Val[] {Val.i32(-3)}, instance.func("i32_2").call(Val.i32(4), Val.i32(7)), "same via call");
    }

    @ProfileTest
    void aTypedPathOfTheWrongSignatureThrowsIllegalArgument(Profile profile) {
        Instance instance = session(profile).instantiate("typed");
        Func i32x2 = instance.func("i32_2");
        var e = assertThrows(IllegalArgumentException.class, () -> i32x2.callI32(1));
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "names both signatures");
        assertThrows(IllegalArgumentException.class, () -> i32x2.callI32());
        assertThrows(IllegalArgumentException.class, () -> i32x2.callI32(1, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> i32x2.callI64(1, 2));
        assertThrows(IllegalArgumentException.class, () -> i32x2.callF64(1, 2));
        assertThrows(IllegalArgumentException.class, i32x2::callVoid);
        assertThrows(IllegalArgumentException.class, () -> instance.func("void").callI32());
        assertThrows(IllegalArgumentException.class, () -> instance.func("calls").callVoid(), "results must match too");
        assertThrows(IllegalArgumentException.class, () -> instance.func("i64_1").callI32(1));
        assertThrows(IllegalArgumentException.class, () -> instance.func("f64_1").callI64(1));
        assertEquals(-1, i32x2.callI32(1, 2), "still callable the right way");
    }

    @ProfileTest
    void callWithWrongArgumentsThrowsIllegalArgument(Profile profile) {
        Instance instance = session(profile).instantiate("typed");
        Func i32x2 = instance.func("i32_2");
        assertThrows(IllegalArgumentException.class, () -> i32x2.call(Val.i32(1)));
        assertThrows(IllegalArgumentException.class, () -> i32x2.call(Val.i32(1), Val.i32(2), Val.i32(3)));
        assertThrows(IllegalArgumentException.class, () -> i32x2.call(Val.i32(1), Val.i64(2)));
        assertThrows(IllegalArgumentException.class, () -> i32x2.call(Val.i32(1), new Val.ExternRef(null)));
        assertEquals(0, instance.func("calls").callI32(), "nothing ran");
    }
}
