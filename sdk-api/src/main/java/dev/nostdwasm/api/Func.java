package dev.nostdwasm.api;

/**
 * A function of a store. {@link #call(Val...)} takes any signature. The typed paths allocate
 * nothing per call: {@link #typed(Class)} for any signature of numbers, and the {@code callI32},
 * {@code callI64}, {@code callF64} and {@code callVoid} methods for common ones. A typed path
 * whose signature is not exactly the function's type throws {@link IllegalArgumentException}
 * naming both.
 */
public non-sealed interface Func extends Extern {

    @Override
    ExternType.Func type();

    /**
     * Calls the function.
     *
     * @param args the arguments, as many and of the types its parameters declare
     * @return the results, as many and of the types its type declares (empty for none)
     * @throws WasmTrapException when it traps (also when a host function it calls throws: that
     *     exception is the cause)
     * @throws IllegalArgumentException when the arguments do not match its type
     */
    Val[] call(Val... args);

    /**
     * This function as an implementation of {@code functionalInterface}, whose one abstract
     * method has the function's type in Java: {@code int}, {@code long}, {@code float},
     * {@code double} for i32, i64, f32, f64, and {@code void} for no result. For example
     * {@code IntBinaryOperator add = func.typed(IntBinaryOperator.class)} for an
     * {@code (i32, i32) -> i32} function. Its calls allocate nothing; they trap, and are refused
     * on another thread or after the store closed, as {@link #call(Val...)} is. Functions with
     * reference or v128 values or several results have no typed form: use {@link #call(Val...)}.
     * Asking again for the same interface returns the same object.
     *
     * @param <F> the functional interface
     * @param functionalInterface the interface to implement
     * @return this function as an {@code F}
     * @throws IllegalArgumentException when the interface is not a public interface with exactly
     *     one abstract method, or its method's signature is not this function's type
     */
    <F> F typed(Class<F> functionalInterface);

    /**
     * Calls a {@code () -> ()} function. Like every {@code call*} method below, it traps and is
     * refused as {@link #call(Val...)} is, and throws {@link IllegalArgumentException} when the
     * function has another type.
     */
    void callVoid();

    /**
     * Calls a {@code () -> i32} function.
     *
     * @return its result
     */
    int callI32();

    /**
     * Calls an {@code (i32) -> i32} function.
     *
     * @param a the argument
     * @return its result
     */
    int callI32(int a);

    /**
     * Calls an {@code (i32, i32) -> i32} function.
     *
     * @param a the first argument
     * @param b the second argument
     * @return its result
     */
    int callI32(int a, int b);

    /**
     * Calls an {@code (i32, i32, i32) -> i32} function.
     *
     * @param a the first argument
     * @param b the second argument
     * @param c the third argument
     * @return its result
     */
    int callI32(int a, int b, int c);

    /**
     * Calls an {@code (i64) -> i64} function.
     *
     * @param a the argument
     * @return its result
     */
    long callI64(long a);

    /**
     * Calls an {@code (i64, i64) -> i64} function.
     *
     * @param a the first argument
     * @param b the second argument
     * @return its result
     */
    long callI64(long a, long b);

    /**
     * Calls an {@code (i64, i64, i64, i64) -> i64} function.
     *
     * @param a the first argument
     * @param b the second argument
     * @param c the third argument
     * @param d the fourth argument
     * @return its result
     */
    long callI64(long a, long b, long c, long d);

    /**
     * Calls an {@code (f64) -> f64} function.
     *
     * @param a the argument
     * @return its result
     */
    double callF64(double a);

    /**
     * Calls an {@code (f64, f64) -> f64} function.
     *
     * @param a the first argument
     * @param b the second argument
     * @return its result
     */
    double callF64(double a, double b);
}
