package dev.nostdwasm.api.runtime;

import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.Func;
import dev.nostdwasm.api.Val;
import dev.nostdwasm.api.ValType;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * A function. The typed paths write their arguments straight into the store's slot buffer and
 * read the result back: no allocation per call.
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
            throw Errors.toException(rt, err);
        }
    }

    private ByteBuffer typed(String wanted, String method) {
        if (shape != wanted) {
            throw new IllegalArgumentException(method + " needs a function of type " + describe(wanted)
                    + ", but this one is " + Types.describe(type) + ": use call(Val...)");
        }
        enter();
        try {
            return store.confinement.slots(slotCount);
        } catch (Throwable t) { // OutOfMemoryError: the caller's finally that exits is not reached yet
            exit();
            throw t;
        }
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
        typed(">", "callVoid()");
        try {
            invoke();
        } finally {
            exit();
        }
    }

    @Override
    public int callI32() {
        ByteBuffer s = typed(">i", "callI32()");
        try {
            invoke();
            return s.getInt(0);
        } finally {
            exit();
        }
    }

    @Override
    public int callI32(int a) {
        ByteBuffer s = typed("i>i", "callI32(int)");
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
        ByteBuffer s = typed("ii>i", "callI32(int, int)");
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
        ByteBuffer s = typed("iii>i", "callI32(int, int, int)");
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
        ByteBuffer s = typed("I>I", "callI64(long)");
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
        ByteBuffer s = typed("II>I", "callI64(long, long)");
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
        ByteBuffer s = typed("IIII>I", "callI64(long, long, long, long)");
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
        ByteBuffer s = typed("F>F", "callF64(double)");
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
        ByteBuffer s = typed("FF>F", "callF64(double, double)");
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
