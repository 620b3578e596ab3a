package dev.nostdwasm.api.runtime;

import dev.nostdwasm.api.Caller;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The typed paths as method handles over the slot buffer of a call ({@link Values} has the
 * layout): one for calling an export with Java primitives, one for calling a Java method from a
 * host call's slots. Their values stay primitives from end to end, so a call allocates nothing.
 */
final class SlotHandles {

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final MethodType HOST_CALL = MethodType.methodType(void.class, Caller.class, ByteBuffer.class);

    private SlotHandles() {
    }

    /**
     * {@code (params) -> result} calling {@code func}: enters its store, writes the arguments into
     * the call's slots, calls, reads the result and exits. {@code signature} matches its type.
     */
    static MethodHandle exportCall(FuncImpl func, JavaSignature signature) {
        MethodType type = signature.methodType();
        List<Class<?>> params = type.parameterList();
        // (slots, params) -> result: runs the function once the arguments are in the slots.
        MethodHandle call = MethodHandles.dropArguments(
                find(FuncImpl.class, "run" + suffix(type.returnType()), type.returnType(), ByteBuffer.class).bindTo(func),
                1, params);
        for (int i = params.size() - 1; i >= 0; i--) {
            MethodHandle put = MethodHandles.insertArguments(putter(params.get(i)), 1, i * Values.SLOT);
            call = MethodHandles.foldArguments(call, 0, MethodHandles.dropArguments(put, 1, params.subList(0, i)));
        }
        MethodHandle begin = find(FuncImpl.class, "begin", ByteBuffer.class).bindTo(func);
        return MethodHandles.foldArguments(call, 0, begin);
    }

    /**
     * {@code (Caller, slots) -> void} calling {@code target}, a Java method of {@code signature}
     * (its receiver bound): reads its arguments from the slots, writes its result into slot 0.
     * The caller is passed on only when the method takes one.
     */
    static MethodHandle hostCall(MethodHandle target, JavaSignature signature) {
        int first = signature.takesCaller() ? 1 : 0;
        List<Class<?>> params = target.type().parameterList().subList(first, target.type().parameterCount());
        MethodHandle[] readers = new MethodHandle[params.size()];
        for (int i = 0; i < readers.length; i++) {
            readers[i] = MethodHandles.insertArguments(getter(params.get(i)), 1, i * Values.SLOT);
        }
        // (Caller?, slots...) -> result
        MethodHandle h = MethodHandles.filterArguments(target, first, readers);
        Class<?> result = target.type().returnType();
        // (resultSlots, Caller?, slots...) -> void
        h = result == void.class
                ? MethodHandles.dropArguments(h, 0, ByteBuffer.class)
                : MethodHandles.collectArguments(MethodHandles.insertArguments(putter(result), 1, 0), 1, h);
        if (first == 0) {
            h = MethodHandles.dropArguments(h, 1, Caller.class);
        }
        // every slots parameter is the one buffer; the Caller is the first parameter
        int[] reorder = new int[h.type().parameterCount()];
        java.util.Arrays.fill(reorder, 1);
        reorder[1] = 0;
        return MethodHandles.permuteArguments(h, HOST_CALL, reorder);
    }

    /**
     * The method of {@code signature} (the one abstract method of a functional interface) bound
     * to {@code function}, an instance of that interface: the target of a typed host function.
     */
    static MethodHandle functionTarget(JavaSignature signature, Object function) {
        Method method = signature.method();
        try {
            return MethodHandles.publicLookup().unreflect(method).bindTo(function);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException(method.getDeclaringClass().getName() + " is not in a package its "
                    + "module exports: export it, or use an interface of an exported package", e);
        }
    }

    private static String suffix(Class<?> type) {
        return type == int.class ? "I32" : type == long.class ? "I64" : type == float.class ? "F32"
                : type == double.class ? "F64" : "Void";
    }

    private static MethodHandle putter(Class<?> type) {
        return find(SlotHandles.class, "put" + suffix(type), void.class, ByteBuffer.class, int.class, type);
    }

    private static MethodHandle getter(Class<?> type) {
        return find(SlotHandles.class, "get" + suffix(type), type, ByteBuffer.class, int.class);
    }

    private static MethodHandle find(Class<?> owner, String name, Class<?> result, Class<?>... params) {
        MethodType type = MethodType.methodType(result, params);
        try {
            return owner == SlotHandles.class ? LOOKUP.findStatic(owner, name, type) : LOOKUP.findVirtual(owner, name, type);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e); // a method of this package, found by its own lookup
        }
    }

    private static void putI32(ByteBuffer slots, int at, int v) {
        slots.putInt(at, v);
    }

    private static void putI64(ByteBuffer slots, int at, long v) {
        slots.putLong(at, v);
    }

    private static void putF32(ByteBuffer slots, int at, float v) {
        slots.putInt(at, Float.floatToRawIntBits(v));
    }

    private static void putF64(ByteBuffer slots, int at, double v) {
        slots.putLong(at, Double.doubleToRawLongBits(v));
    }

    private static int getI32(ByteBuffer slots, int at) {
        return slots.getInt(at);
    }

    private static long getI64(ByteBuffer slots, int at) {
        return slots.getLong(at);
    }

    private static float getF32(ByteBuffer slots, int at) {
        return Float.intBitsToFloat(slots.getInt(at));
    }

    private static double getF64(ByteBuffer slots, int at) {
        return Double.longBitsToDouble(slots.getLong(at));
    }
}
