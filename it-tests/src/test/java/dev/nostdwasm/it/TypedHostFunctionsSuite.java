package dev.nostdwasm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nostdwasm.api.Caller;
import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.Func;
import dev.nostdwasm.api.HostExport;
import dev.nostdwasm.api.Instance;
import dev.nostdwasm.api.Linker;
import dev.nostdwasm.api.Memory;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.TrapCode;
import dev.nostdwasm.api.ValType;
import dev.nostdwasm.api.WasmTrapException;
import dev.nostdwasm.it.support.ProfileTest;
import dev.nostdwasm.it.support.ProviderSuite;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntBinaryOperator;
import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * Typed host functions ({@code Linker.define} with an interface, {@code Linker.defineAll} with
 * {@code @HostExport} methods) called by typed_host.wat: every numeric type, no result, a
 * {@code Caller} parameter and what a Caller may do when, functions made with
 * {@code Store.newFunc} as imports, exceptions, and the refusals.
 */
abstract class TypedHostFunctionsSuite extends ProviderSuite {

    /** {@code (f32, f64) -> f64}. */
    public interface Scale {
        double scale(float factor, double value);
    }

    /** {@code (i32) -> i32} with the calling instance. */
    public interface Peek {
        int peek(Caller caller, int address);
    }

    /** The byte at {@code address} of the caller's memory. */
    static int peek(Caller caller, int address) {
        byte[] b = new byte[1];
        Memory memory = caller.memory("memory");
        memory.read(address, b, 0, 1);
        return b[0];
    }

    /** typed_host.wat's imports as annotated methods. */
    public static final class Host {
        final List<Integer> notes = new ArrayList<>();

        @HostExport
        public int mul(int a, int b) {
            return a * b;
        }

        @HostExport("scale")
        double scaled(float factor, double value) {
            return factor * value;
        }

        @HostExport
        static long wide(long v) {
            return v << 32;
        }

        @HostExport
        void note(int value) {
            notes.add(value);
        }

        @HostExport
        int peek(Caller caller, int address) {
            return TypedHostFunctionsSuite.peek(caller, address);
        }

        /** Not annotated: not defined. */
        public int unused(int a) {
            return a;
        }
    }

    /** Two methods exported under one name. */
    static final class Clash {
        @HostExport("f")
        int f(int a) {
            return a;
        }

        @HostExport("f")
        int g(int a) {
            return a;
        }
    }

    /** Defines typed_host.wat's scale, wide and note imports. */
    private static Linker defineOthers(Linker linker) {
        return linker.define("env", "scale", Scale.class, (factor, value) -> factor * value)
                .define("env", "wide", LongUnaryOperator.class, v -> v << 32)
                .define("env", "note", IntConsumer.class, v -> { });
    }

    private static void assertCalls(Instance instance) {
        assertEquals(42, instance.func("mul").callI32(6, 7));
        assertEquals(5.0, instance.func("scale").typed(Scale.class).scale(0.5f, 10.0));
        assertEquals(3L << 32, instance.func("wide").callI64(3));
        assertEquals(42, instance.func("peek").callI32(16), "the byte the data segment put at 16");
    }

    @ProfileTest
    void lambdasAndMethodReferences(Profile profile) {
        var s = session(profile);
        List<Integer> notes = new ArrayList<>();
        s.linker.define("env", "mul", IntBinaryOperator.class, (a, b) -> a * b)
                .define("env", "scale", Scale.class, (factor, value) -> factor * value)
                .define("env", "wide", LongUnaryOperator.class, v -> v << 32)
                .define("env", "note", IntConsumer.class, notes::add)
                .define("env", "peek", Peek.class, TypedHostFunctionsSuite::peek);
        Instance instance = s.instantiate("typed_host");
        assertCalls(instance);
        instance.func("note").typed(IntConsumer.class).accept(9);
        assertEquals(List.of(9), notes);
    }

    @ProfileTest
    void annotatedMethodsOfAnObject(Profile profile) {
        var s = session(profile);
        Host host = new Host();
        s.linker.defineAll("env", host);
        Instance instance = s.instantiate("typed_host");
        assertCalls(instance);
        instance.func("note").typed(IntConsumer.class).accept(-4);
        assertEquals(List.of(-4), host.notes);
    }

    @ProfileTest
    void anExceptionTrapsWithItAsCause(Profile profile) {
        var s = session(profile);
        IllegalStateException thrown = new IllegalStateException("no multiplying today");
        defineOthers(s.linker)
                .define("env", "peek", Peek.class, TypedHostFunctionsSuite::peek)
                .define("env", "mul", IntBinaryOperator.class, (a, b) -> {
                    throw thrown;
                });
        Instance instance = s.instantiate("typed_host");
        WasmTrapException e = assertThrows(WasmTrapException.class, () -> instance.func("mul").callI32(1, 2));
        assertEquals(TrapCode.HOST_EXCEPTION, e.trapCode());
        assertSame(thrown, e.getCause());
        assertEquals(10L << 32, instance.func("wide").callI64(10), "the store works after it");
    }

    @ProfileTest
    void aCallerIsOnlyValidDuringItsCall(Profile profile) {
        var s = session(profile);
        List<Caller> kept = new ArrayList<>();
        defineOthers(s.linker)
                .define("env", "mul", IntBinaryOperator.class, (a, b) -> a * b)
                .define("env", "peek", Peek.class, (caller, address) -> {
                    kept.add(caller);
                    return peek(caller, address);
                });
        Instance instance = s.instantiate("typed_host");
        assertEquals(42, instance.func("peek").callI32(16));
        assertThrows(IllegalStateException.class, () -> kept.get(0).memory("memory"));
        var elsewhere = assertThrows(ExecutionException.class,
                () -> CompletableFuture.runAsync(() -> kept.get(0).data()).get(30, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, elsewhere.getCause(), "another thread, the store idle");
    }

    @ProfileTest
    void aCallerIsRefusedInsideTheHostCallsItsCallMadeAndWorksAgainAfterThem(Profile profile) {
        var s = session(profile);
        List<Caller> callers = new ArrayList<>();
        List<Exception> refused = new ArrayList<>();
        defineOthers(s.linker)
                .define("env", "mul", IntBinaryOperator.class, (a, b) -> {
                    try {
                        callers.get(callers.size() - 1).memory("memory");
                    } catch (IllegalStateException e) {
                        refused.add(e);
                    }
                    return a * b;
                })
                .define("env", "peek", Peek.class, (caller, address) -> {
                    callers.add(caller);
                    int product = caller.func("mul").callI32(address, 2); // runs the mul above, one call deeper
                    return product + peek(caller, address);
                });
        Instance instance = s.instantiate("typed_host");
        assertEquals(32 + 42, instance.func("peek").callI32(16));
        assertEquals(1, refused.size(), "the nested host call could not use the outer call's Caller");
        assertTrue(refused.get(0).getMessage().contains("not inside a nested host call"), refused.get(0).getMessage());
        assertEquals(32 + 42, instance.func("peek").callI32(16));
        // What Caller documents: one object per store and call depth, so allocating nothing.
        assertSame(callers.get(0), callers.get(1));
    }

    @ProfileTest
    void aStoreMadeTypedFunctionIsAnImportAndCallsThroughFuncTyped(Profile profile) {
        var s = session(profile);
        Func mul = s.store.newFunc(IntBinaryOperator.class, (a, b) -> a * b);
        Func peek = s.store.newFunc(Peek.class, TypedHostFunctionsSuite::peek);
        assertEquals(new ExternType.Func(List.of(ValType.I32, ValType.I32), List.of(ValType.I32)), mul.type());
        assertEquals(new ExternType.Func(List.of(ValType.I32), List.of(ValType.I32)), peek.type(),
                "the Caller is no wasm parameter");
        assertEquals(20, mul.typed(IntBinaryOperator.class).applyAsInt(4, 5), "called from Java");
        defineOthers(s.linker).define(s.store, "env", "mul", mul).define(s.store, "env", "peek", peek);
        Instance instance = s.instantiate("typed_host");
        assertEquals(42, instance.func("mul").typed(IntBinaryOperator.class).applyAsInt(6, 7));
        assertEquals(42, instance.func("peek").typed(IntUnaryOperator.class).applyAsInt(16),
                "the byte the data segment put at 16, read through the Caller");
        var refused = assertThrows(IllegalArgumentException.class, () -> s.store.newFunc(Function.class, x -> x));
        assertTrue(refused.getMessage().startsWith("Function.apply(Object): parameter 1 is Object"), refused.getMessage());
    }

    @ProfileTest
    void unsupportedSignaturesAreRefused(Profile profile) {
        Linker linker = session(profile).linker;
        var objects = assertThrows(IllegalArgumentException.class,
                () -> linker.define("env", "f", Function.class, x -> x));
        assertTrue(objects.getMessage().startsWith("Function.apply(Object): parameter 1 is Object; the typed paths "
                + "carry int, long, float and double"), objects.getMessage());
        var none = assertThrows(IllegalArgumentException.class, () -> linker.defineAll("env", "a string"));
        assertEquals("java.lang.String has no method annotated @HostExport: annotate the methods wasm imports",
                none.getMessage());
        var clash = assertThrows(IllegalArgumentException.class, () -> linker.defineAll("env", new Clash()));
        assertTrue(clash.getMessage().endsWith(" are both exported as 'f': give one another name with "
                + "@HostExport(\"...\")"), clash.getMessage());
        assertInstanceOf(Linker.class, linker.define("env", "f", IntBinaryOperator.class, Integer::sum),
                "nothing was defined by the refusals");
    }
}
