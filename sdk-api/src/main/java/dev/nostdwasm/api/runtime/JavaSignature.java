package dev.nostdwasm.api.runtime;

import dev.nostdwasm.api.Caller;
import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.ValType;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The wasm function type of a Java method on the typed paths: {@code int}, {@code long},
 * {@code float} and {@code double} are i32, i64, f32 and f64; {@code void} is no result. A
 * host function may take a {@link Caller} first, which is not a wasm parameter. Nothing else
 * crosses: references, v128 and several results need the {@code Val} paths.
 */
record JavaSignature(Method method, ExternType.Func wasmType, boolean takesCaller) {

    /** How the refusals end: where a signature the typed paths cannot carry goes instead. */
    private static final String UNTYPED = "the typed paths carry int, long, float and double (i32, i64, f32, f64) "
            + "and at most one result; use Func.call(Val...) or a HostFunction for other types or several results";

    /** The signature of {@code method}; {@code host} allows a {@link Caller} first parameter. */
    static JavaSignature of(Method method, boolean host) {
        Class<?>[] types = method.getParameterTypes();
        boolean caller = host && types.length > 0 && types[0] == Caller.class;
        List<ValType> params = new ArrayList<>();
        for (int i = caller ? 1 : 0; i < types.length; i++) {
            ValType t = valType(types[i]);
            if (t == null) {
                throw new IllegalArgumentException(describe(method) + ": parameter " + (i + 1) + " is "
                        + types[i].getSimpleName() + (host && types[i] == Caller.class ? " (a Caller comes first)" : "")
                        + "; " + UNTYPED);
            }
            params.add(t);
        }
        Class<?> r = method.getReturnType();
        ValType result = valType(r);
        if (r != void.class && result == null) {
            throw new IllegalArgumentException(describe(method) + " returns " + r.getSimpleName() + "; " + UNTYPED);
        }
        return new JavaSignature(method, new ExternType.Func(params, result == null ? List.of() : List.of(result)),
                caller);
    }

    /** The one abstract method of {@code functionalInterface}, or a refusal naming what it has. */
    static Method functionalMethod(Class<?> functionalInterface) {
        List<Method> abstracts = abstractMethods(functionalInterface);
        if (abstracts.size() != 1) {
            throw new IllegalArgumentException(functionalInterface.getName() + " is not a functional interface: it has "
                    + abstracts.size() + " abstract methods (" + abstracts.stream().map(JavaSignature::describe)
                    .collect(Collectors.joining(", ")) + "); give an interface with exactly one, such as "
                    + "IntBinaryOperator");
        }
        return abstracts.get(0);
    }

    /** The abstract methods of {@code type}, which must be a public interface. */
    static List<Method> abstractMethods(Class<?> type) {
        if (!type.isInterface() || !Modifier.isPublic(type.getModifiers())) {
            throw new IllegalArgumentException(type.getName() + " is not a public interface: the typed paths implement "
                    + "public interfaces");
        }
        List<Method> abstracts = new ArrayList<>();
        for (Method m : type.getMethods()) {
            if (Modifier.isAbstract(m.getModifiers()) && !isObjectMethod(m)) {
                abstracts.add(m);
            }
        }
        abstracts.sort((a, b) -> describe(a).compareTo(describe(b)));
        return abstracts;
    }

    // An interface may redeclare equals, hashCode or toString; the class implementing it has them.
    private static boolean isObjectMethod(Method m) {
        try {
            Object.class.getMethod(m.getName(), m.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static ValType valType(Class<?> c) {
        return c == int.class ? ValType.I32 : c == long.class ? ValType.I64 : c == float.class ? ValType.F32
                : c == double.class ? ValType.F64 : null;
    }

    /** The method's Java type, e.g. {@code (int,int)int}. */
    MethodType methodType() {
        return MethodType.methodType(method.getReturnType(), method.getParameterTypes());
    }

    /** The method as a reader finds it: {@code IntBinaryOperator.applyAsInt(int, int)}. */
    String describe() {
        return describe(method);
    }

    /** A method as a reader finds it: {@code IntBinaryOperator.applyAsInt(int, int)}. */
    static String describe(Method m) {
        return m.getDeclaringClass().getSimpleName() + "." + m.getName() + "(" + Arrays.stream(m.getParameterTypes())
                .map(Class::getSimpleName).collect(Collectors.joining(", ")) + ")";
    }

    @Override
    public String toString() {
        return describe(method) + " " + Types.describe(wasmType);
    }
}
