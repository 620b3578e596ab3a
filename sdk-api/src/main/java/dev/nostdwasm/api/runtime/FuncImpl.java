package dev.nostdwasm.api.runtime;

import dev.nostdwasm.api.TypeMismatchException;
import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.Func;
import dev.nostdwasm.api.Val;
import dev.nostdwasm.api.ValType;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A function. The typed paths write their arguments straight into the store's slot buffer and
 * read the result back: no allocation per call. {@link #typed} builds such a path for any
 * signature ({@link SlotHandles}) and implements the interface with it ({@link HandleProxy}).
 */
final class FuncImpl extends ExternImpl implements Func {

    private final ExternType.Func type;
    private final int slotCount;
    // The signature as a string like "ii>i", compared by the typed paths (interned).
    private final String shape;
    // Why a call could not hand back the results, or null: checked before running the function,
    // whose effects would otherwise happen before the call fails.
    private final String uncrossableResults;
    private final MemoryViews views;
    // typed(Class) by interface, made once: defining a class per call would be slow. Used inside
    // the store only, so confined to one thread at a time.
    private final Map<Class<?>, Object> typedViews = new HashMap<>();

    FuncImpl(StoreImpl store, long handle) {
        super(store, handle);
        this.type = (ExternType.Func) externType;
        this.slotCount = Math.max(1, Math.max(type.params().size(), type.results().size()));
        // Interned, so that the typed paths compare it with their literal by identity.
        this.shape = (shape(type.params()) + ">" + shape(type.results())).intern();
        this.uncrossableResults = type.results().contains(ValType.OTHER_REF)
                ? "this function " + Types.describe(type) + " returns typed function or GC references, which cannot "
                        + "cross into Java yet, so it was not called: call it from wasm, or export a wrapper that "
                        + "returns funcref or externref"
                : null;
        this.views = store.state.views;
    }

    private static String shape(List<ValType> types) {
        StringBuilder b = new StringBuilder();
        for (ValType t : types) {
            b.append(switch (t) {
                case I32 -> 'i';
                case I64 -> 'I';
                case F32 -> 'f';
                case F64 -> 'F';
                default -> 'r';
            });
        }
        return b.toString();
    }

    @Override
    public ExternType.Func type() {
        return type;
    }

    @Override
    public Val[] call(Val... args) {
        Values.checkArgs("this function " + Types.describe(type), type.params(), args);
        if (uncrossableResults != null) {
            throw new UnsupportedOperationException(uncrossableResults);
        }
        enter();
        int mark = store.refs.tempMark();
        try {
            ByteBuffer slots = store.confinement.slots(slotCount);
            for (int i = 0; i < args.length; i++) {
                Values.write(store, slots, i, args[i]);
            }
            invoke();
            List<ValType> results = type.results();
            Val[] out = new Val[results.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = Values.read(store, slots, i, results.get(i));
            }
            return out;
        } finally {
            store.refs.releaseTemps(mark);
            exit();
        }
    }

    private void invoke() {
        long err = rt.abi.nsw_func_call(store.ctx, handle, store.confinement.slotsAddress(), slotCount);
        views.revalidate(store.ctx); // wasm may have moved a memory Java holds views of
        if (err != 0) {
            throw Errors.toException(store, err);
        }
    }

    @Override
    public <F> F typed(Class<F> functionalInterface) {
        Objects.requireNonNull(functionalInterface, "functionalInterface");
        enter();
        try {
            Object view = typedViews.get(functionalInterface);
            if (view == null) {
                Method method = JavaSignature.functionalMethod(functionalInterface);
                MethodHandle call = typedCall(JavaSignature.of(method, false), "this function");
                view = HandleProxy.implement(functionalInterface, List.of(method), List.of(call));
                typedViews.put(functionalInterface, view);
            }
            return functionalInterface.cast(view);
        } finally {
            exit();
        }
    }

    /**
     * A handle calling this function with the Java types of {@code signature}, which must match
     * its type exactly; {@code what} names the function in the refusal.
     */
    MethodHandle typedCall(JavaSignature signature, String what) {
        if (!signature.wasmType().equals(type)) {
            boolean untypable = type.results().size() > 1 || !numeric(type.params()) || !numeric(type.results());
            throw new TypeMismatchException(signature.describe() + " is " + Types.describe(signature.wasmType())
                    + ", but " + what + " is " + Types.describe(type) + (untypable
                    ? ": the typed paths carry i32, i64, f32, f64 and at most one result; use call(Val...)"
                    : ": use an interface whose method has that signature (int, long, float, double for i32, "
                            + "i64, f32, f64; void for no result)"));
        }
        return SlotHandles.exportCall(this, signature);
    }

    private static boolean numeric(List<ValType> types) {
        return types.stream().allMatch(t -> t == ValType.I32 || t == ValType.I64 || t == ValType.F32
                || t == ValType.F64);
    }

    /** Enters the store and returns this call's slot buffer: the start of a typed call. */
    ByteBuffer begin() {
        enter();
        try {
            return store.confinement.slots(slotCount);
        } catch (Throwable t) { // OutOfMemoryError: the run method that exits is not reached
            exit();
            throw t;
        }
    }

    // The ends of a typed call, once the arguments are in the slots: call, read the result, exit.

    void runVoid(ByteBuffer slots) {
        try {
            invoke();
        } finally {
            exit();
        }
    }

    int runI32(ByteBuffer slots) {
        try {
            invoke();
            return slots.getInt(0);
        } finally {
            exit();
        }
    }

    long runI64(ByteBuffer slots) {
        try {
            invoke();
            return slots.getLong(0);
        } finally {
            exit();
        }
    }

    float runF32(ByteBuffer slots) {
        try {
            invoke();
            return Float.intBitsToFloat(slots.getInt(0));
        } finally {
            exit();
        }
    }

    double runF64(ByteBuffer slots) {
        try {
            invoke();
            return Double.longBitsToDouble(slots.getLong(0));
        } finally {
            exit();
        }
    }

    /** {@link #begin()} for the {@code callI32}-style method {@code method}, of signature {@code wanted}. */
    private ByteBuffer fixedShape(String wanted, String method) {
        if (shape != wanted) {
            throw new TypeMismatchException(method + " needs a function of type " + describe(wanted)
                    + ", but this one is " + Types.describe(type) + ": use call(Val...) or typed(Class)");
        }
        return begin();
    }

    private static String describe(String shape) {
        int arrow = shape.indexOf('>');
        return "(" + names(shape.substring(0, arrow)) + ") -> (" + names(shape.substring(arrow + 1)) + ")";
    }

    private static String names(String codes) {
        StringBuilder b = new StringBuilder();
        for (char c : codes.toCharArray()) {
            b.append(b.length() == 0 ? "" : ", ").append(switch (c) {
                case 'i' -> "i32";
                case 'I' -> "i64";
                case 'f' -> "f32";
                default -> "f64";
            });
        }
        return b.toString();
    }

    @Override
    public void callVoid() {
        fixedShape(">", "callVoid()");
        try {
            invoke();
        } finally {
            exit();
        }
    }

    @Override
    public int callI32() {
        ByteBuffer s = fixedShape(">i", "callI32()");
        try {
            invoke();
            return s.getInt(0);
        } finally {
            exit();
        }
    }

    @Override
    public int callI32(int a) {
        ByteBuffer s = fixedShape("i>i", "callI32(int)");
        try {
            s.putInt(0, a);
            invoke();
            return s.getInt(0);
        } finally {
            exit();
        }
    }

    @Override
    public int callI32(int a, int b) {
        ByteBuffer s = fixedShape("ii>i", "callI32(int, int)");
        try {
            s.putInt(0, a);
            s.putInt(16, b);
            invoke();
            return s.getInt(0);
        } finally {
            exit();
        }
    }

    @Override
    public int callI32(int a, int b, int c) {
        ByteBuffer s = fixedShape("iii>i", "callI32(int, int, int)");
        try {
            s.putInt(0, a);
            s.putInt(16, b);
            s.putInt(32, c);
            invoke();
            return s.getInt(0);
        } finally {
            exit();
        }
    }

    @Override
    public long callI64(long a) {
        ByteBuffer s = fixedShape("I>I", "callI64(long)");
        try {
            s.putLong(0, a);
            invoke();
            return s.getLong(0);
        } finally {
            exit();
        }
    }

    @Override
    public long callI64(long a, long b) {
        ByteBuffer s = fixedShape("II>I", "callI64(long, long)");
        try {
            s.putLong(0, a);
            s.putLong(16, b);
            invoke();
            return s.getLong(0);
        } finally {
            exit();
        }
    }

    @Override
    public long callI64(long a, long b, long c, long d) {
        ByteBuffer s = fixedShape("IIII>I", "callI64(long, long, long, long)");
        try {
            s.putLong(0, a);
            s.putLong(16, b);
            s.putLong(32, c);
            s.putLong(48, d);
            invoke();
            return s.getLong(0);
        } finally {
            exit();
        }
    }

    @Override
    public double callF64(double a) {
        ByteBuffer s = fixedShape("F>F", "callF64(double)");
        try {
            s.putLong(0, Double.doubleToRawLongBits(a));
            invoke();
            return Double.longBitsToDouble(s.getLong(0));
        } finally {
            exit();
        }
    }

    @Override
    public double callF64(double a, double b) {
        ByteBuffer s = fixedShape("FF>F", "callF64(double, double)");
        try {
            s.putLong(0, Double.doubleToRawLongBits(a));
            s.putLong(16, Double.doubleToRawLongBits(b));
            invoke();
            return Double.longBitsToDouble(s.getLong(0));
        } finally {
            exit();
        }
    }

    @Override
    public String toString() {
        return "Func" + Types.describe(type);
    }
}
