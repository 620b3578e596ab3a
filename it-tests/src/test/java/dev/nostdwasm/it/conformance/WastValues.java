package dev.nostdwasm.it.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nostdwasm.api.Val;
import dev.nostdwasm.api.ValType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * The values and patterns of conformance/FORMAT.md: arguments become {@link Val}s, results are
 * matched against expected patterns. Numbers are unsigned decimal strings of the bits.
 */
final class WastValues {

    /** Patterns of GC-proposal references: their values are {@code OTHER_REF}, which the C ABI cannot carry. */
    private static final Set<String> UNOBSERVABLE = Set.of("ref_any", "ref_eq", "ref_i31", "ref_struct",
            "ref_array", "ref_exn", "ref_null_any", "ref_i31_shared", "ref_none", "ref_nofunc", "ref_noextern", "ref_noexn");

    private WastValues() {}

    /** The value or pattern cannot be observed through the C ABI: the command counts as skipped. */
    static class Unobservable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unobservable(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * {@code arg} as a value of {@code type} (the callee's parameter type: a null reference takes
     * the parameter's reference type). {@code hostObject} gives the runner's object for {@code
     * (ref.extern N)}.
     */
    static Val argument(JsonNode arg, ValType type, LongFunction<Object> hostObject) {
        String kind = text(arg, "type");
        if (type == ValType.OTHER_REF) {
            throw new Unobservable("argument " + arg + " has a typed function or GC reference type (OTHER_REF), "
                    + "which cannot cross the C ABI");
        }
        Val v = switch (kind) {
            case "i32" -> Val.i32((int) bits(arg));
            case "i64" -> Val.i64(bits(arg));
            case "f32" -> new Val.F32((int) bits(arg));
            case "f64" -> new Val.F64(bits(arg));
            case "v128" -> new Val.V128(v128(arg));
            case "ref_null" -> type == ValType.FUNCREF ? new Val.FuncRef(null) : new Val.ExternRef(null);
            case "ref_extern", "ref_host" -> new Val.ExternRef(hostObject.apply(bits(arg)));
            default -> throw new IllegalArgumentException("argument type '" + kind + "' is not one of "
                    + "conformance/FORMAT.md's values (" + arg + ")");
        };
        if (v.type() != type) {
            throw new IllegalArgumentException("argument " + arg + " is a " + v.type() + " but the parameter is "
                    + type);
        }
        return v;
    }

    /** The bits of a scalar value (unsigned decimal). */
    static long bits(JsonNode value) {
        return Long.parseUnsignedLong(text(value, "value"));
    }

    /** The 16 bytes of a {@code v128} value, lanes little-endian. */
    static byte[] v128(JsonNode value) {
        String laneType = text(value, "lane_type");
        JsonNode lanes = value.get("value");
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        int width = laneBytes(laneType);
        if (lanes == null || lanes.size() != 16 / width) {
            throw new IllegalArgumentException("a v128 of " + laneType + " lanes has " + 16 / width + " lanes: " + value);
        }
        for (JsonNode lane : lanes) {
            long bits = Long.parseUnsignedLong(lane.asText());
            switch (width) {
                case 1 -> b.put((byte) bits);
                case 2 -> b.putShort((short) bits);
                case 4 -> b.putInt((int) bits);
                default -> b.putLong(bits);
            }
        }
        return b.array();
    }

    private static int laneBytes(String laneType) {
        return switch (laneType) {
            case "i8" -> 1;
            case "i16" -> 2;
            case "i32", "f32" -> 4;
            case "i64", "f64" -> 8;
            default -> throw new IllegalArgumentException("unknown v128 lane type '" + laneType + "'");
        };
    }

    /**
     * Why {@code actual} does not match {@code expected}, or null when it does. {@code hostObject}
     * gives the runner's object for {@code (ref.extern N)}.
     *
     * @throws Unobservable when a pattern is a GC reference the C ABI cannot show
     */
    static String mismatch(List<JsonNode> expected, Val[] actual, LongFunction<Object> hostObject) {
        for (JsonNode pattern : expected) {
            String kind = text(pattern, "type");
            if (UNOBSERVABLE.contains(kind)) {
                throw new Unobservable("pattern " + kind + " is a GC reference, not observable through the C ABI "
                        + "(NSW_VAL_OTHER_REF)");
            }
        }
        if (expected.size() != actual.length) {
            return "expected " + expected.size() + " results " + expected + ", got " + actual.length + ": "
                    + describe(actual);
        }
        for (int i = 0; i < actual.length; i++) {
            String why = mismatch(expected.get(i), actual[i], hostObject);
            if (why != null) {
                return (actual.length > 1 ? "result " + i + ": " : "") + why;
            }
        }
        return null;
    }

    /** Why {@code actual} does not match the single {@code pattern}, or null when it does. */
    static String mismatch(JsonNode pattern, Val actual, LongFunction<Object> hostObject) {
        String kind = text(pattern, "type");
        String got = describe(actual);
        switch (kind) {
            case "i32" -> {
                return actual instanceof Val.I32 v && v.value() == (int) bits(pattern) ? null
                        : "expected i32 " + unsigned32(bits(pattern)) + ", got " + got;
            }
            case "i64" -> {
                return actual instanceof Val.I64 v && v.value() == bits(pattern) ? null
                        : "expected i64 " + Long.toUnsignedString(bits(pattern)) + ", got " + got;
            }
            case "f32" -> {
                String p = text(pattern, "value");
                return actual instanceof Val.F32 v && f32Matches(p, v.bits()) ? null : "expected f32 " + f32Name(p) + ", got " + got;
            }
            case "f64" -> {
                String p = text(pattern, "value");
                return actual instanceof Val.F64 v && f64Matches(p, v.bits()) ? null : "expected f64 " + f64Name(p) + ", got " + got;
            }
            case "v128" -> {
                return actual instanceof Val.V128 v ? v128Mismatch(pattern, v.bytes()) : "expected v128, got " + got;
            }
            case "ref_null" -> {
                boolean isNull = actual instanceof Val.FuncRef f && f.func() == null
                        || actual instanceof Val.ExternRef e && e.value() == null;
                return isNull ? null : "expected a null reference (" + pattern.path("heap").asText("any heap type") + "), got " + got;
            }
            case "ref_extern", "ref_host" -> {
                if (!(actual instanceof Val.ExternRef e) || e.value() == null) {
                    return "expected a non-null externref, got " + got;
                }
                JsonNode n = pattern.get("value");
                if (n == null || n.isNull()) {
                    return null;
                }
                Object wanted = hostObject.apply(Long.parseUnsignedLong(n.asText()));
                return wanted.equals(e.value()) ? null : "expected (ref.extern " + n.asText() + "), got " + got;
            }
            case "ref_func" -> {
                // The C ABI cannot name a function's index, so any non-null funcref matches (also
                // for (ref.func $f) patterns that name one).
                return actual instanceof Val.FuncRef f && f.func() != null ? null : "expected a non-null funcref, got " + got;
            }
            default -> throw new IllegalArgumentException("pattern type '" + kind + "' is not one of "
                    + "conformance/FORMAT.md's patterns (" + pattern + ")");
        }
    }

    static boolean f32Matches(String pattern, int bits) {
        return switch (pattern) {
            case "nan:canonical" -> (bits & 0x7fff_ffff) == 0x7fc0_0000;
            case "nan:arithmetic" -> (bits & 0x7fc0_0000) == 0x7fc0_0000;
            default -> bits == (int) Long.parseUnsignedLong(pattern);
        };
    }

    static boolean f64Matches(String pattern, long bits) {
        return switch (pattern) {
            case "nan:canonical" -> (bits & 0x7fff_ffff_ffff_ffffL) == 0x7ff8_0000_0000_0000L;
            case "nan:arithmetic" -> (bits & 0x7ff8_0000_0000_0000L) == 0x7ff8_0000_0000_0000L;
            default -> bits == Long.parseUnsignedLong(pattern);
        };
    }

    private static String v128Mismatch(JsonNode pattern, byte[] actual) {
        String laneType = text(pattern, "lane_type");
        int width = laneBytes(laneType);
        JsonNode lanes = pattern.get("value");
        if (lanes == null || lanes.size() != 16 / width) {
            throw new IllegalArgumentException("a v128 of " + laneType + " lanes has " + 16 / width + " lanes: " + pattern);
        }
        ByteBuffer b = ByteBuffer.wrap(actual).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < lanes.size(); i++) {
            String p = lanes.get(i).asText();
            boolean ok = switch (laneType) {
                case "i8" -> b.get(i) == (byte) Long.parseUnsignedLong(p);
                case "i16" -> b.getShort(i * 2) == (short) Long.parseUnsignedLong(p);
                case "i32" -> b.getInt(i * 4) == (int) Long.parseUnsignedLong(p);
                case "i64" -> b.getLong(i * 8) == Long.parseUnsignedLong(p);
                case "f32" -> f32Matches(p, b.getInt(i * 4));
                default -> f64Matches(p, b.getLong(i * 8));
            };
            if (!ok) {
                return "expected v128 " + laneType + " lanes " + lanes + ", got " + lanesOf(laneType, actual)
                        + " (lane " + i + " differs)";
            }
        }
        return null;
    }

    private static String lanesOf(String laneType, byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        StringBuilder s = new StringBuilder("[");
        int width = laneBytes(laneType);
        for (int i = 0; i < 16 / width; i++) {
            s.append(i == 0 ? "" : ", ").append(switch (width) {
                case 1 -> Integer.toString(b.get(i) & 0xff);
                case 2 -> Integer.toString(b.getShort(i * 2) & 0xffff);
                case 4 -> unsigned32(b.getInt(i * 4));
                default -> Long.toUnsignedString(b.getLong(i * 8));
            });
        }
        return s.append(']').toString();
    }

    /** A readable form of a result for failure messages (bits and numeric value of floats). */
    static String describe(Val v) {
        if (v instanceof Val.I32 i) {
            return "i32 " + unsigned32(i.value());
        } else if (v instanceof Val.I64 l) {
            return "i64 " + Long.toUnsignedString(l.value());
        } else if (v instanceof Val.F32 f) {
            return "f32 " + unsigned32(f.bits()) + " (" + f.value() + ", 0x" + Integer.toHexString(f.bits()) + ")";
        } else if (v instanceof Val.F64 d) {
            return "f64 " + Long.toUnsignedString(d.bits()) + " (" + d.value() + ", 0x" + Long.toHexString(d.bits()) + ")";
        } else if (v instanceof Val.V128 x) {
            return "v128 i32 lanes " + lanesOf("i32", x.bytes());
        } else if (v instanceof Val.FuncRef f) {
            return f.func() == null ? "null funcref" : "funcref " + f.func();
        } else if (v instanceof Val.ExternRef e) {
            return e.value() == null ? "null externref" : "externref " + e.value();
        }
        return String.valueOf(v);
    }

    static String describe(Val[] values) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ", ").append(describe(values[i]));
        }
        return b.append(']').toString();
    }

    private static String unsigned32(long bits) {
        return Integer.toUnsignedString((int) bits);
    }

    private static String f32Name(String p) {
        return p.startsWith("nan:") ? p : p + " (" + Float.intBitsToFloat((int) Long.parseUnsignedLong(p)) + ")";
    }

    private static String f64Name(String p) {
        return p.startsWith("nan:") ? p : p + " (" + Double.longBitsToDouble(Long.parseUnsignedLong(p)) + ")";
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("'" + field + "' is missing in " + node + " (see conformance/FORMAT.md)");
        }
        return v.asText();
    }
}
