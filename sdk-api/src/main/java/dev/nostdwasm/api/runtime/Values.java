package dev.nostdwasm.api.runtime;

import dev.nostdwasm.api.TypeMismatchException;
import dev.nostdwasm.api.Val;
import dev.nostdwasm.api.ValType;
import dev.nostdwasm.api.abi.NswConstants;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * {@link Val}s in and out of {@code nsw_val_raw_t} slots (16 bytes, little-endian). References
 * cross as registry ids that the store makes and releases.
 */
final class Values {

    static final int SLOT = NswConstants.SIZEOF_NSW_VAL_RAW_T;

    private Values() {
    }

    static void checkArgs(String what, List<ValType> params, Val[] args) {
        if (args == null) {
            throw new NullPointerException("the arguments of " + what + " are null; pass no arguments instead");
        }
        if (!matches(params, args)) {
            throw new TypeMismatchException(what + " takes (" + Types.names(params) + "), not (" + names(args) + ")");
        }
    }

    static boolean matches(List<ValType> types, Val[] values) {
        if (values.length != types.size()) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null || values[i].type() != types.get(i)) {
                return false;
            }
        }
        return true;
    }

    static String names(Val[] values) {
        StringBuilder b = new StringBuilder();
        for (Val v : values) {
            b.append(b.length() == 0 ? "" : ", ").append(v == null ? "null" : v.type().name().toLowerCase(java.util.Locale.ROOT));
        }
        return b.toString();
    }

    /** Writes {@code v} into slot {@code slot}; reference ids it makes are temporary in {@code store}. */
    static void write(StoreImpl store, ByteBuffer b, int slot, Val v) {
        int at = slot * SLOT;
        if (v instanceof Val.I32 i) {
            b.putInt(at, i.value());
        } else if (v instanceof Val.I64 l) {
            b.putLong(at, l.value());
        } else if (v instanceof Val.F32 f) {
            b.putInt(at, f.bits());
        } else if (v instanceof Val.F64 d) {
            b.putLong(at, d.bits());
        } else if (v instanceof Val.V128 x) {
            b.put(at, x.bytes());
        } else if (v instanceof Val.FuncRef f) {
            b.putLong(at, store.refs.funcRefId(f.func()));
        } else if (v instanceof Val.ExternRef e) {
            b.putLong(at, store.refs.externRefId(e.value()));
        } else {
            throw new IllegalArgumentException("unknown value " + v);
        }
    }

    /** Reads slot {@code slot} as a value of {@code type}; releases reference ids it consumes. */
    static Val read(StoreImpl store, ByteBuffer b, int slot, ValType type) {
        int at = slot * SLOT;
        return switch (type) {
            case I32 -> Val.i32(b.getInt(at));
            case I64 -> Val.i64(b.getLong(at));
            case F32 -> new Val.F32(b.getInt(at));
            case F64 -> new Val.F64(b.getLong(at));
            case V128 -> {
                byte[] bytes = new byte[16];
                b.get(at, bytes);
                yield new Val.V128(bytes);
            }
            case FUNCREF -> new Val.FuncRef(store.refs.funcOfRef(b.getLong(at)));
            case EXTERNREF -> new Val.ExternRef(store.refs.objectOfRef(b.getLong(at)));
            case OTHER_REF -> throw new UnsupportedOperationException(
                    "typed function and GC references cannot cross into Java yet");
        };
    }
}
