package dev.nostdwasm.api.runtime;

import static dev.nostdwasm.api.abi.NswConstants.NSW_EXTERN_FUNC;
import static dev.nostdwasm.api.abi.NswConstants.NSW_EXTERN_GLOBAL;
import static dev.nostdwasm.api.abi.NswConstants.NSW_EXTERN_MEMORY;
import static dev.nostdwasm.api.abi.NswConstants.NSW_EXTERN_TABLE;
import static dev.nostdwasm.api.abi.NswConstants.NSW_EXTERN_TAG;
import static dev.nostdwasm.api.abi.NswConstants.OFFSETOF_NSW_EXTERN_TYPE_T_CONTENT;
import static dev.nostdwasm.api.abi.NswConstants.OFFSETOF_NSW_EXTERN_TYPE_T_HAS_MAXIMUM;
import static dev.nostdwasm.api.abi.NswConstants.OFFSETOF_NSW_EXTERN_TYPE_T_IS_64;
import static dev.nostdwasm.api.abi.NswConstants.OFFSETOF_NSW_EXTERN_TYPE_T_IS_MUTABLE;
import static dev.nostdwasm.api.abi.NswConstants.OFFSETOF_NSW_EXTERN_TYPE_T_IS_SHARED;
import static dev.nostdwasm.api.abi.NswConstants.OFFSETOF_NSW_EXTERN_TYPE_T_KIND;
import static dev.nostdwasm.api.abi.NswConstants.OFFSETOF_NSW_EXTERN_TYPE_T_MAXIMUM;
import static dev.nostdwasm.api.abi.NswConstants.OFFSETOF_NSW_EXTERN_TYPE_T_MINIMUM;
import static dev.nostdwasm.api.abi.NswConstants.OFFSETOF_NSW_EXTERN_TYPE_T_PARAMS;
import static dev.nostdwasm.api.abi.NswConstants.OFFSETOF_NSW_EXTERN_TYPE_T_PARAMS_LEN;
import static dev.nostdwasm.api.abi.NswConstants.OFFSETOF_NSW_EXTERN_TYPE_T_RESULTS;
import static dev.nostdwasm.api.abi.NswConstants.OFFSETOF_NSW_EXTERN_TYPE_T_RESULTS_LEN;

import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.ValType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/** {@code nsw_extern_type_t} to {@link ExternType}, and value-type lists to code bytes. */
final class Types {

    private Types() {
    }

    /** Decodes the {@code nsw_extern_type_t} at {@link Scratch#TYPE}. */
    static ExternType read(NativeRuntime rt, Scratch s) {
        ByteBuffer b = s.buffer;
        int at = Scratch.TYPE;
        int kind = b.getInt(at + OFFSETOF_NSW_EXTERN_TYPE_T_KIND);
        List<ValType> params = codes(rt, b.getLong(at + OFFSETOF_NSW_EXTERN_TYPE_T_PARAMS),
                b.getLong(at + OFFSETOF_NSW_EXTERN_TYPE_T_PARAMS_LEN));
        List<ValType> results = codes(rt, b.getLong(at + OFFSETOF_NSW_EXTERN_TYPE_T_RESULTS),
                b.getLong(at + OFFSETOF_NSW_EXTERN_TYPE_T_RESULTS_LEN));
        ValType content = ValType.fromCode(b.get(at + OFFSETOF_NSW_EXTERN_TYPE_T_CONTENT) & 0xff);
        boolean mutable = b.get(at + OFFSETOF_NSW_EXTERN_TYPE_T_IS_MUTABLE) != 0;
        boolean is64 = b.get(at + OFFSETOF_NSW_EXTERN_TYPE_T_IS_64) != 0;
        boolean shared = b.get(at + OFFSETOF_NSW_EXTERN_TYPE_T_IS_SHARED) != 0;
        OptionalLong maximum = b.get(at + OFFSETOF_NSW_EXTERN_TYPE_T_HAS_MAXIMUM) != 0
                ? OptionalLong.of(b.getLong(at + OFFSETOF_NSW_EXTERN_TYPE_T_MAXIMUM))
                : OptionalLong.empty();
        long minimum = b.getLong(at + OFFSETOF_NSW_EXTERN_TYPE_T_MINIMUM);
        return switch (kind) {
            case NSW_EXTERN_FUNC -> new ExternType.Func(params, results);
            case NSW_EXTERN_GLOBAL -> new ExternType.Global(content, mutable);
            case NSW_EXTERN_MEMORY -> new ExternType.Memory(minimum, maximum, is64, shared);
            case NSW_EXTERN_TABLE -> new ExternType.Table(content, minimum, maximum, is64);
            case NSW_EXTERN_TAG -> new ExternType.Tag(params);
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
