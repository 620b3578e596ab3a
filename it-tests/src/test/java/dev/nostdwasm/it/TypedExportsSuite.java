package dev.nostdwasm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nostdwasm.api.ClosedException;
import dev.nostdwasm.api.ExportNotFoundException;
import dev.nostdwasm.api.Func;
import dev.nostdwasm.api.Instance;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.TrapCode;
import dev.nostdwasm.api.WasmExport;
import dev.nostdwasm.api.WasmTrapException;
import dev.nostdwasm.it.support.ProfileTest;
import dev.nostdwasm.it.support.ProviderSuite;
import java.util.function.DoubleBinaryOperator;
import java.util.function.Function;
import java.util.function.IntBinaryOperator;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;
import java.util.function.IntUnaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * {@code Func.typed} and {@code Instance.bind} on typed_exports.wat: every numeric type, a
 * function without result, traps, and the refusals of signatures that do not match or have no
 * typed form.
 */
abstract class TypedExportsSuite extends ProviderSuite {

    /** {@code (f32) -> f32}. */
    public interface FloatUnary {
        float apply(float x);
    }

    /** {@code (i32, i64, f32, f64) -> f64}. */
    public interface Mixed {
        double mix(int a, long b, float c, double d);
    }

    /** Some of typed_exports.wat's exports, one renamed. */
    public interface Exports {
        int add(int a, int b);

        long add64(long a, long b);

        @WasmExport("half")
        float halve(float x);

        double mixed(int a, long b, float c, double d);

        void remember(int value);

        int last();

        /** Default methods stay the interface's own. */
        default int addTwice(int a, int b) {
            return add(add(a, b), b);
        }
    }

    /** Two abstract methods: no functional interface. */
    public interface TwoMethods {
        int one(int a);

        int two(int a);
    }

    /** An export that is not there. */
    public interface Missing {
        int subtract(int a, int b);
    }

    /** add, declared with i64s. */
    public interface WrongAdd {
        long add(long a, long b);
    }

    /** The memory, as if it were a function. */
    public interface NotAFunction {
        void memory();
    }

    private Instance instance(Profile profile) {
        return session(profile).instantiate("typed_exports");
    }

    @ProfileTest
    void everyNumericType(Profile profile) {
        Instance instance = instance(profile);
        assertEquals(7, instance.func("add").typed(IntBinaryOperator.class).applyAsInt(3, 4));
        assertEquals(Long.MIN_VALUE, instance.func("add64").typed(LongBinaryOperator.class)
                .applyAsLong(Long.MAX_VALUE, 1));
        assertEquals(1.25f, instance.func("half").typed(FloatUnary.class).apply(2.5f));
        assertEquals(5.0, instance.func("hypot").typed(DoubleBinaryOperator.class).applyAsDouble(3, 4));
        assertEquals(1 + 2_000_000_000_000L + 0.5 + 0.25,
                instance.func("mixed").typed(Mixed.class).mix(1, 2_000_000_000_000L, 0.5f, 0.25));
    }

    @ProfileTest
    void noResultAndNoParameters(Profile profile) {
        Instance instance = instance(profile);
        IntConsumer remember = instance.func("remember").typed(IntConsumer.class);
        IntSupplier last = instance.func("last").typed(IntSupplier.class);
        remember.accept(42);
        assertEquals(42, last.getAsInt());
        remember.accept(-1);
        assertEquals(-1, last.getAsInt());
    }

    @ProfileTest
    void sameInterfaceSameObject(Profile profile) {
        Instance instance = instance(profile);
        Func add = instance.func("add");
        assertSame(add.typed(IntBinaryOperator.class), add.typed(IntBinaryOperator.class));
        assertSame(instance.bind(Exports.class), instance.bind(Exports.class));
    }

    @ProfileTest
    void trapsAndClosedStores(Profile profile) {
        var s = session(profile);
        Instance instance = s.instantiate("typed_exports");
        IntUnaryOperator trap = instance.func("trap").typed(IntUnaryOperator.class);
        WasmTrapException e = assertThrows(WasmTrapException.class, () -> trap.applyAsInt(1));
        assertEquals(TrapCode.INTEGER_DIVISION_BY_ZERO, e.trapCode());
        IntBinaryOperator add = instance.func("add").typed(IntBinaryOperator.class);
        assertEquals(3, add.applyAsInt(1, 2), "the store works after a trap");
        s.store.close();
        assertThrows(ClosedException.class, () -> add.applyAsInt(1, 2));
    }

    @ProfileTest
    void wrongShapesAreRefused(Profile profile) {
        Func add = instance(profile).func("add");
        var wrong = assertThrows(IllegalArgumentException.class, () -> add.typed(IntUnaryOperator.class));
        assertEquals("IntUnaryOperator.applyAsInt(int) is (i32) -> (i32), but this function is (i32, i32) -> (i32): "
                + "use an interface whose method has that signature (int, long, float, double for i32, i64, f32, "
                + "f64; void for no result)", wrong.getMessage());
        var two = assertThrows(IllegalArgumentException.class, () -> add.typed(TwoMethods.class));
        assertTrue(two.getMessage().contains("is not a functional interface: it has 2 abstract methods"),
                two.getMessage());
        var notInterface = assertThrows(IllegalArgumentException.class, () -> add.typed(String.class));
        assertTrue(notInterface.getMessage().contains("java.lang.String is not a public interface"),
                notInterface.getMessage());
        var objects = assertThrows(IllegalArgumentException.class, () -> add.typed(Function.class));
        assertTrue(objects.getMessage().startsWith("Function.apply(Object): parameter 1 is Object; the typed paths "
                + "carry int, long, float and double"), objects.getMessage());
    }

    @ProfileTest
    void functionsWithoutTypedFormAreRefused(Profile profile) {
        Instance instance = instance(profile);
        var pair = assertThrows(IllegalArgumentException.class,
                () -> instance.func("pair").typed(IntUnaryOperator.class));
        assertTrue(pair.getMessage().endsWith("but this function is (i32) -> (i32, i32): the typed paths carry i32, "
                + "i64, f32, f64 and at most one result; use call(Val...)"), pair.getMessage());
        var ref = assertThrows(IllegalArgumentException.class,
                () -> instance.func("same_ref").typed(IntUnaryOperator.class));
        assertTrue(ref.getMessage().endsWith("use call(Val...)"), ref.getMessage());
    }

    @ProfileTest
    void bindCallsExportsByName(Profile profile) {
        Exports exports = instance(profile).bind(Exports.class);
        assertEquals(5, exports.add(2, 3));
        assertEquals(8, exports.addTwice(2, 3));
        assertEquals(-2L, exports.add64(-1, -1));
        assertEquals(0.75f, exports.halve(1.5f));
        assertEquals(10.0, exports.mixed(1, 2, 3, 4));
        exports.remember(7);
        assertEquals(7, exports.last());
        assertTrue(exports.toString().contains("HandleProxy"), "Object's methods are the class's own");
    }

    @ProfileTest
    void bindChecksEveryMethodOnce(Profile profile) {
        Instance instance = instance(profile);
        var missing = assertThrows(ExportNotFoundException.class, () -> instance.bind(Missing.class));
        assertTrue(missing.getMessage().startsWith("Missing.subtract(int, int) calls export 'subtract', which this "
                + "instance does not have; its function exports are 'add' (i32, i32) -> (i32), "), missing.getMessage());
        assertTrue(missing.getMessage().endsWith(": name the export with @WasmExport on the method"),
                missing.getMessage());
        var wrong = assertThrows(IllegalArgumentException.class, () -> instance.bind(WrongAdd.class));
        assertEquals("WrongAdd.add(long, long) is (i64, i64) -> (i64), but export 'add' is (i32, i32) -> (i32): use "
                + "an interface whose method has that signature (int, long, float, double for i32, i64, f32, f64; "
                + "void for no result)", wrong.getMessage());
        var memory = assertThrows(ExportNotFoundException.class, () -> instance.bind(NotAFunction.class));
        assertEquals("NotAFunction.memory() calls export 'memory', which is a memory, not a function: name the export "
                + "with @WasmExport on the method", memory.getMessage());
    }
}
