package dev.nostdwasm.cli;

import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.Val;
import dev.nostdwasm.api.ValType;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Values and types as the command line writes them.
 *
 * <ul>
 *   <li>i32, i64: decimal (signed, or unsigned up to 2^32-1 / 2^64-1) or {@code 0x} hex;
 *       results in signed decimal.
 *   <li>f32, f64: decimal or hex floats ({@code 1.5}, {@code -2e3}, {@code 0x1.8p1}),
 *       {@code inf}, {@code -inf}, {@code nan}, {@code nan:0x<payload>}; results in Java's
 *       shortest decimal form ({@code 5.0}) or those words.
 *   <li>v128: 32 hex digits, optionally after {@code 0x}, most significant first (the last two
 *       digits are byte 0, lane 0's low byte); results as {@code 0x} and 32 digits.
 *   <li>funcref, externref: only {@code null} as an argument; results {@code null} or the type name.
 * </ul>
 * Underscores between digits are ignored.
 */
final class ValueText {

    private static final BigInteger TWO_128 = BigInteger.ONE.shiftLeft(128);

    private ValueText() {
    }

    /**
     * The value of {@code type} written as {@code text}.
     *
     * @throws IllegalArgumentException saying what is wrong and what would be right
     */
    static Val parse(ValType type, String text) {
        String t = text.strip().replace("_", "");
        try {
            return switch (type) {
                case I32 -> Val.i32(integer(t, 32).intValue());
                case I64 -> Val.i64(integer(t, 64).longValue());
                case F32 -> new Val.F32(f32Bits(t));
                case F64 -> new Val.F64(f64Bits(t));
                case V128 -> v128(t);
                case FUNCREF -> nullRef(t, type, new Val.FuncRef(null));
                case EXTERNREF -> nullRef(t, type, new Val.ExternRef(null));
                case OTHER_REF -> throw new IllegalArgumentException("reference types other than funcref and"
                        + " externref cannot be written on the command line");
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not " + article(type) + " " + name(type)
                    + " (" + syntax(type) + ")");
        }
    }

    /** {@code value} written as a result. */
    static String format(Val value) {
        if (value instanceof Val.I32 v) {
            return Integer.toString(v.value());
        } else if (value instanceof Val.I64 v) {
            return Long.toString(v.value());
        } else if (value instanceof Val.F32 v) {
            float f = v.value();
            if (Float.isNaN(f)) {
                return nan(v.bits() < 0, v.bits() & 0x7fffff, 0x400000);
            }
            return Float.isInfinite(f) ? (f > 0 ? "inf" : "-inf") : Float.toString(f);
        } else if (value instanceof Val.F64 v) {
            double d = v.value();
            if (Double.isNaN(d)) {
                return nan(v.bits() < 0, v.bits() & 0xfffffffffffffL, 0x8000000000000L);
            }
            return Double.isInfinite(d) ? (d > 0 ? "inf" : "-inf") : Double.toString(d);
        } else if (value instanceof Val.V128 v) {
            byte[] b = v.bytes();
            StringBuilder sb = new StringBuilder("0x");
            for (int i = 15; i >= 0; i--) {
                sb.append(String.format("%02x", b[i] & 0xff));
            }
            return sb.toString();
        } else if (value instanceof Val.FuncRef v) {
            return v.func() == null ? "null" : "funcref";
        } else if (value instanceof Val.ExternRef v) {
            return v.value() == null ? "null" : "externref " + v.value();
        }
        return String.valueOf(value);
    }

    /** {@code func (i32, i32) -> (i32)}, {@code global (mut i64)}, {@code memory 1..4 pages}, ... */
    static String format(ExternType type) {
        if (type instanceof ExternType.Func f) {
            return "func " + list(f.params()) + " -> " + list(f.results());
        } else if (type instanceof ExternType.Global g) {
            return "global " + (g.mutable() ? "(mut " + name(g.content()) + ")" : name(g.content()));
        } else if (type instanceof ExternType.Memory m) {
            return "memory " + limits(m.minimum(), m.maximum()) + " pages" + (m.is64() ? ", 64-bit" : "")
                    + (m.shared() ? ", shared" : "");
        } else if (type instanceof ExternType.Table t) {
            return "table " + name(t.element()) + " " + limits(t.minimum(), t.maximum()) + (t.is64() ? ", 64-bit" : "");
        } else if (type instanceof ExternType.Tag t) {
            return "tag " + list(t.params());
        }
        return String.valueOf(type);
    }

    /** {@code (i32, f64)} */
    static String list(List<ValType> types) {
        return types.stream().map(ValueText::name).collect(Collectors.joining(", ", "(", ")"));
    }

    static String name(ValType type) {
        return type == ValType.OTHER_REF ? "ref" : type.name().toLowerCase(Locale.ROOT);
    }

    private static String limits(long min, OptionalLong max) {
        return min + ".." + (max.isPresent() ? Long.toString(max.getAsLong()) : "");
    }

    private static String syntax(ValType type) {
        return switch (type) {
            case I32 -> "decimal from -2147483648 to 4294967295, or 0x and up to 8 hex digits";
            case I64 -> "decimal from -9223372036854775808 to 18446744073709551615, or 0x and up to 16 hex digits";
            case F32, F64 -> "a decimal or hex float, inf, -inf, nan or nan:0x<payload>";
            case V128 -> "32 hex digits, optionally after 0x";
            default -> "null";
        };
    }

    private static String article(ValType type) {
        return type == ValType.I32 || type == ValType.I64 || type == ValType.EXTERNREF ? "an" : "a";
    }

    /** A signed or unsigned integer of {@code bits} bits, decimal or 0x hex, as its two's complement. */
    private static BigInteger integer(String t, int bits) {
        boolean negative = t.startsWith("-");
        String digits = negative || t.startsWith("+") ? t.substring(1) : t;
        BigInteger magnitude;
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            magnitude = new BigInteger(requireDigits(digits.substring(2)), 16);
        } else {
            magnitude = new BigInteger(requireDigits(digits), 10);
        }
        BigInteger v = negative ? magnitude.negate() : magnitude;
        BigInteger range = BigInteger.ONE.shiftLeft(bits);
        if (v.compareTo(range.shiftRight(1).negate()) < 0 || v.compareTo(range) >= 0) {
            throw new NumberFormatException("out of range");
        }
        return v;
    }

    private static String requireDigits(String s) {
        if (s.isEmpty() || s.startsWith("-") || s.startsWith("+")) {
            throw new NumberFormatException("no digits");
        }
        return s;
    }

    private static int f32Bits(String t) {
        String l = t.toLowerCase(Locale.ROOT);
        boolean negative = l.startsWith("-");
        String body = negative || l.startsWith("+") ? l.substring(1) : l;
        if (body.equals("nan")) {
            return (negative ? 0x80000000 : 0) | 0x7fc00000;
        } else if (body.startsWith("nan:0x")) {
            long payload = Long.parseLong(requireDigits(body.substring(6)), 16);
            if (payload == 0 || payload > 0x7fffff) {
                throw new NumberFormatException("bad payload");
            }
            return (negative ? 0x80000000 : 0) | 0x7f800000 | (int) payload;
        } else if (body.equals("inf") || body.equals("infinity")) {
            return Float.floatToRawIntBits(negative ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY);
        }
        checkFloatSyntax(body);
        return Float.floatToRawIntBits(Float.parseFloat(l));
    }

    private static long f64Bits(String t) {
        String l = t.toLowerCase(Locale.ROOT);
        boolean negative = l.startsWith("-");
        String body = negative || l.startsWith("+") ? l.substring(1) : l;
        if (body.equals("nan")) {
            return (negative ? Long.MIN_VALUE : 0) | 0x7ff8000000000000L;
        } else if (body.startsWith("nan:0x")) {
            long payload = Long.parseUnsignedLong(requireDigits(body.substring(6)), 16);
            if (payload == 0 || Long.compareUnsigned(payload, 0xfffffffffffffL) > 0) {
                throw new NumberFormatException("bad payload");
            }
            return (negative ? Long.MIN_VALUE : 0) | 0x7ff0000000000000L | payload;
        } else if (body.equals("inf") || body.equals("infinity")) {
            return Double.doubleToRawLongBits(negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        checkFloatSyntax(body);
        return Double.doubleToRawLongBits(Double.parseDouble(l));
    }

    /** Java also reads "NaN", "1f" and "2d"; the command line does not. */
    private static void checkFloatSyntax(String body) {
        if (body.isEmpty() || body.startsWith("n") || body.startsWith("i") || body.endsWith("f") && !body.startsWith("0x")
                || body.endsWith("d") && !body.startsWith("0x")) {
            throw new NumberFormatException("not a float");
        }
    }

    private static Val v128(String t) {
        String digits = t.startsWith("0x") || t.startsWith("0X") ? t.substring(2) : t;
        if (digits.length() != 32) {
            throw new NumberFormatException("not 32 digits");
        }
        BigInteger v = new BigInteger(requireDigits(digits), 16);
        if (v.signum() < 0 || v.compareTo(TWO_128) >= 0) {
            throw new NumberFormatException("out of range");
        }
        byte[] be = v.toByteArray(); // big-endian, maybe with a leading 0 or shorter
        byte[] le = new byte[16];
        for (int i = 0; i < 16 && i < be.length; i++) {
            le[i] = be[be.length - 1 - i];
        }
        return new Val.V128(le);
    }

    private static Val nullRef(String t, ValType type, Val nullValue) {
        if (!t.equals("null")) {
            throw new IllegalArgumentException("a " + name(type) + " argument can only be null, not '" + t + "'");
        }
        return nullValue;
    }

    private static String nan(boolean negative, long payload, long canonical) {
        return (negative ? "-" : "") + (payload == canonical ? "nan" : "nan:0x" + Long.toHexString(payload));
    }
}
