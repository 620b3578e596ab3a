package dev.nostdwasm.api;

/**
 * A function of a store. {@link #call(Val...)} takes any signature; the {@code callI32},
 * {@code callI64}, {@code callF64} and {@code callVoid} methods are typed paths for common
 * signatures that allocate nothing per call. A typed method whose signature is not exactly the
 * function's type throws {@link IllegalArgumentException} naming both.
 */
public non-sealed interface Func extends Extern {

    @Override
    ExternType.Func type();

    /**
     * Calls the function.
     *
     * @throws WasmTrapException when it traps (also when a host function it calls throws: that
     *     exception is the cause)
     * @throws IllegalArgumentException when the arguments do not match its type
     */
    Val[] call(Val... args);

    /** Calls a {@code () -> ()} function. */
    void callVoid();

    /** Calls a {@code () -> i32} function. */
    int callI32();

    /** Calls an {@code (i32) -> i32} function. */
    int callI32(int a);

    /** Calls an {@code (i32, i32) -> i32} function. */
    int callI32(int a, int b);

    /** Calls an {@code (i32, i32, i32) -> i32} function. */
    int callI32(int a, int b, int c);

    /** Calls an {@code (i64) -> i64} function. */
    long callI64(long a);

    /** Calls an {@code (i64, i64) -> i64} function. */
    long callI64(long a, long b);

    /** Calls an {@code (i64, i64, i64, i64) -> i64} function. */
    long callI64(long a, long b, long c, long d);

    /** Calls an {@code (f64) -> f64} function. */
    double callF64(double a);

    /** Calls an {@code (f64, f64) -> f64} function. */
    double callF64(double a, double b);
}
