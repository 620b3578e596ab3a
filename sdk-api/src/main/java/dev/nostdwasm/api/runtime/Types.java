package dev.nostdwasm.api.runtime;

import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.ValType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/** {@code nsw_extern_type_t} to {@link ExternType}, and value-type lists to code bytes. */
final class Types {

    // NSW_EXTERN_* kinds.
    static final int FUNC = 0;
    static final int GLOBAL = 1;
    static final int MEMORY = 2;
    static final int TABLE = 3;
    static final int TAG = 4;

    private Types() {
    }

    /** Decodes the {@code nsw_extern_type_t} at {@link Scratch#TYPE} (LP64 layout). */
    static ExternType read(NativeRuntime rt, Scratch s) {
        ByteBuffer b = s.buffer;
        int at = Scratch.TYPE;
        int kind = b.getInt(at);
        List<ValType> params = codes(rt, b.getLong(at + 8), b.getLong(at + 16));
        List<ValType> results = codes(rt, b.getLong(at + 24), b.getLong(at + 32));
        ValType content = ValType.fromCode(b.get(at + 40) & 0xff);
        boolean mutable = b.get(at + 41) != 0;
        boolean is64 = b.get(at + 42) != 0;
        boolean shared = b.get(at + 43) != 0;
        OptionalLong maximum = b.get(at + 44) != 0 ? OptionalLong.of(b.getLong(at + 56)) : OptionalLong.empty();
        long minimum = b.getLong(at + 48);
        return switch (kind) {
            case FUNC -> new ExternType.Func(params, results);
            case GLOBAL -> new ExternType.Global(content, mutable);
            case MEMORY -> new ExternType.Memory(minimum, maximum, is64, shared);
            case TABLE -> new ExternType.Table(content, minimum, maximum, is64);
            case TAG -> new ExternType.Tag(params);
            default -> throw new IllegalStateException("the native runtime reported extern kind " + kind
                    + ", unknown to this SDK version");
        };
    }

    private static List<ValType> codes(NativeRuntime rt, long address, long length) {
        if (length == 0) {
            return List.of();
        }
        ByteBuffer b = rt.abi.view(address, length);
        List<ValType> types = new ArrayList<>((int) length);
        for (int i = 0; i < length; i++) {
            types.add(ValType.fromCode(b.get(i) & 0xff));
        }
        return List.copyOf(types);
    }

    static byte[] codes(List<ValType> types) {
        byte[] codes = new byte[types.size()];
        for (int i = 0; i < codes.length; i++) {
            ValType t = types.get(i);
            if (t == ValType.OTHER_REF) {
                throw new IllegalArgumentException("host functions cannot take or return typed function or GC "
                        + "references yet; use funcref or externref");
            }
            codes[i] = (byte) t.code();
        }
        return codes;
    }

    static String describe(ExternType.Func f) {
        return "(" + names(f.params()) + ") -> (" + names(f.results()) + ")";
    }

    static String names(List<ValType> types) {
        return types.stream().map(t -> t.name().toLowerCase(java.util.Locale.ROOT)).collect(Collectors.joining(", "));
    }

    static String kindName(ExternType t) {
        if (t instanceof ExternType.Func) {
            return "a function";
        } else if (t instanceof ExternType.Global) {
            return "a global";
        } else if (t instanceof ExternType.Memory) {
            return "a memory";
        } else if (t instanceof ExternType.Table) {
            return "a table";
        }
        return "a tag";
    }
}
