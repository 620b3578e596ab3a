package dev.nostdwasm.ffm.bindings;

import java.io.IOException;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.ValueLayout;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small reader of the C header cbindgen writes for the embedding: enough C (comments, the
 * preprocessor conditionals it emits, typedefs, structs, unions, enums, prototypes) to check
 * the hand-written bindings against it. Types map to layouts as on LP64 Linux.
 */
final class CHeader {

    /** A declared name with its C type, e.g. a parameter or a field; {@code arrayLength} is -1 unless an array. */
    record Decl(String type, String name, long arrayLength) {
    }

    /** A function prototype or function-pointer typedef. */
    record Function(String name, String returnType, List<Decl> params, String text) {
    }

    /** A struct or union definition. */
    record Aggregate(String name, boolean union, List<Decl> fields) {
    }

    final Map<String, BigInteger> defines = new LinkedHashMap<>();
    final Map<String, BigInteger> enumerators = new LinkedHashMap<>();
    final Map<String, Function> functions = new LinkedHashMap<>();
    final Map<String, Function> functionPointerTypedefs = new LinkedHashMap<>();
    final Map<String, Aggregate> aggregates = new LinkedHashMap<>();
    final Map<String, String> scalarTypedefs = new LinkedHashMap<>();
    final List<String> opaqueTypes = new ArrayList<>();

    static CHeader parse(Path path) throws IOException {
        CHeader header = new CHeader();
        header.read(Files.readString(path));
        return header;
    }

    // ------------------------------------------------------------------ reading

    private void read(String source) {
        String text = preprocess(stripComments(source));
        for (String declaration : splitTopLevel(text)) {
            declaration(declaration.replaceAll("\\s+", " ").trim());
        }
    }

    private static String stripComments(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated comment in header");
                }
                // keep line structure for the preprocessor
                s.substring(i, end + 2).chars().filter(c -> c == '\n').forEach(c -> out.append('\n'));
                out.append(' ');
                i = end + 2;
            } else if (s.startsWith("//", i)) {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (s.charAt(i) == '"') {
                int end = s.indexOf('"', i + 1);
                out.append(s, i, end + 1);
                i = end + 1;
            } else {
                out.append(s.charAt(i++));
            }
        }
        return out.toString();
    }

    /** Keeps the lines a C11 (not C++, not C23) compiler would see; records #defines. */
    private String preprocess(String text) {
        StringBuilder out = new StringBuilder();
        List<boolean[]> stack = new ArrayList<>(); // {active, anyBranchTaken}
        for (String line : text.split("\n", -1)) {
            String t = line.trim();
            boolean active = stack.isEmpty() || stack.get(stack.size() - 1)[0];
            if (!t.startsWith("#")) {
                if (active) {
                    out.append(line).append('\n');
                }
                continue;
            }
            String directive = t.substring(1).trim();
            String word = directive.split("\\s+", 2)[0];
            String rest = directive.substring(word.length()).trim();
            boolean parentActive = active;
            switch (word) {
                case "ifdef", "ifndef", "if" -> {
                    boolean cond = switch (word) {
                        case "ifdef" -> isDefined(rest);
                        case "ifndef" -> !isDefined(rest);
                        default -> !evaluate(rest, true).equals(BigInteger.ZERO);
                    };
                    stack.add(new boolean[] {parentActive && cond, cond});
                }
                case "elif" -> {
                    boolean[] top = stack.get(stack.size() - 1);
                    boolean outer = stack.size() < 2 || stack.get(stack.size() - 2)[0];
                    boolean cond = !top[1] && !evaluate(rest, true).equals(BigInteger.ZERO);
                    top[0] = outer && cond;
                    top[1] |= cond;
                }
                case "else" -> {
                    boolean[] top = stack.get(stack.size() - 1);
                    boolean outer = stack.size() < 2 || stack.get(stack.size() - 2)[0];
                    top[0] = outer && !top[1];
                    top[1] = true;
                }
                case "endif" -> stack.remove(stack.size() - 1);
                case "define" -> {
                    if (active) {
                        String[] parts = rest.split("\\s+", 2);
                        String name = parts[0];
                        if (name.contains("(")) {
                            throw new IllegalArgumentException("function-like macro in header: " + t);
                        }
                        defines.put(name, parts.length > 1 ? evaluate(parts[1], false) : null);
                    }
                }
                case "include", "pragma", "undef", "error", "warning" -> {
                    // nothing the bindings depend on
                }
                default -> throw new IllegalArgumentException("unknown preprocessor directive: " + t);
            }
        }
        return out.toString();
    }

    private boolean isDefined(String name) {
        return defines.containsKey(name.trim());
    }

    /** Splits at semicolons outside braces and parentheses. */
    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{' || c == '(') {
                depth++;
            } else if (c == '}' || c == ')') {
                depth--;
            } else if (c == ';' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        if (!text.substring(start).isBlank()) {
            throw new IllegalArgumentException("trailing text in header: " + text.substring(start).trim());
        }
        return parts;
    }

    private static final Pattern AGGREGATE =
            Pattern.compile("(?:typedef )?(struct|union) (\\w+) ?\\{(.*)\\} ?(\\w*)");
    private static final Pattern ENUM = Pattern.compile("enum (\\w+) ?\\{(.*)\\}");
    private static final Pattern FUNCTION_POINTER =
            Pattern.compile("typedef (.+?)\\( ?\\* ?(\\w+) ?\\) ?\\((.*)\\)");
    private static final Pattern OPAQUE = Pattern.compile("typedef (struct|union) (\\w+) (\\w+)");
    private static final Pattern TYPEDEF = Pattern.compile("typedef (.+?) ?(\\w+)");
    private static final Pattern PROTOTYPE = Pattern.compile("(.*?)\\b(\\w+) ?\\((.*)\\)");

    private void declaration(String d) {
        if (d.isEmpty()) {
            return;
        }
        Matcher m;
        if ((m = AGGREGATE.matcher(d)).matches()) {
            List<Decl> fields = new ArrayList<>();
            for (String field : m.group(3).split(";")) {
                if (!field.isBlank()) {
                    fields.add(decl(field.trim()));
                }
            }
            aggregates.put(m.group(2), new Aggregate(m.group(2), m.group(1).equals("union"), fields));
        } else if ((m = ENUM.matcher(d)).matches()) {
            BigInteger next = BigInteger.ZERO;
            for (String item : m.group(2).split(",")) {
                if (item.isBlank()) {
                    continue;
                }
                String[] kv = item.split("=", 2);
                BigInteger value = kv.length > 1 ? evaluate(kv[1], false) : next;
                enumerators.put(kv[0].trim(), value);
                next = value.add(BigInteger.ONE);
            }
        } else if ((m = FUNCTION_POINTER.matcher(d)).matches()) {
            functionPointerTypedefs.put(m.group(2), new Function(m.group(2), m.group(1).trim(), params(m.group(3)), d));
        } else if ((m = OPAQUE.matcher(d)).matches()) {
            opaqueTypes.add(m.group(3));
        } else if ((m = TYPEDEF.matcher(d)).matches()) {
            scalarTypedefs.put(m.group(2), m.group(1).trim());
        } else if (d.startsWith("extern \"C\"")) {
            throw new IllegalArgumentException("extern \"C\" outside #ifdef __cplusplus");
        } else if ((m = PROTOTYPE.matcher(d)).matches()) {
            String name = m.group(2);
            if (functions.put(name, new Function(name, m.group(1).trim(), params(m.group(3)), d)) != null) {
                throw new IllegalArgumentException("function declared twice: " + name);
            }
        } else {
            throw new IllegalArgumentException("declaration HeaderDriftTest cannot read: " + d);
        }
    }

    private static List<Decl> params(String list) {
        List<Decl> params = new ArrayList<>();
        if (list.isBlank() || list.trim().equals("void")) {
            return params;
        }
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= list.length(); i++) {
            char c = i < list.length() ? list.charAt(i) : ',';
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                params.add(decl(list.substring(start, i).trim()));
                start = i + 1;
            }
        }
        return params;
    }

    private static final Pattern DECL_FUNCTION_POINTER = Pattern.compile("(.+?)\\( ?\\* ?(\\w+) ?\\) ?\\(.*\\)");
    private static final Pattern DECL = Pattern.compile("(.+?) ?(\\w+) ?(?:\\[ ?(\\w+) ?\\])?");

    private static Decl decl(String text) {
        Matcher m = DECL_FUNCTION_POINTER.matcher(text);
        if (m.matches()) {
            return new Decl(m.group(1).trim() + " (*)(...)", m.group(2), -1);
        }
        m = DECL.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot read declaration: " + text);
        }
        long length = m.group(3) == null ? -1 : Long.decode(m.group(3));
        return new Decl(m.group(1).trim(), m.group(2), length);
    }

    // ------------------------------------------------------------------ types

    /** The layout of a C type, {@code null} for {@code void}. */
    MemoryLayout layout(String ctype) {
        String t = ctype.replaceAll("\\b(const|volatile|struct|union|enum)\\b", " ").replaceAll("\\s+", " ").trim();
        if (t.contains("*")) {
            return ValueLayout.ADDRESS;
        }
        if (functionPointerTypedefs.containsKey(t)) {
            return ValueLayout.ADDRESS;
        }
        if (scalarTypedefs.containsKey(t)) {
            return layout(scalarTypedefs.get(t));
        }
        if (aggregates.containsKey(t) || opaqueTypes.contains(t)) {
            throw new IllegalArgumentException("struct/union passed by value: " + ctype);
        }
        return switch (t) {
            case "void" -> null;
            case "bool", "_Bool" -> ValueLayout.JAVA_BOOLEAN;
            case "char", "signed char", "unsigned char", "int8_t", "uint8_t" -> ValueLayout.JAVA_BYTE;
            case "short", "unsigned short", "int16_t", "uint16_t" -> ValueLayout.JAVA_SHORT;
            case "int", "unsigned", "unsigned int", "int32_t", "uint32_t" -> ValueLayout.JAVA_INT;
            case "long", "unsigned long", "long long", "unsigned long long", "int64_t", "uint64_t", "size_t",
                 "ssize_t", "intptr_t", "uintptr_t", "ptrdiff_t" -> ValueLayout.JAVA_LONG;
            case "float" -> ValueLayout.JAVA_FLOAT;
            case "double" -> ValueLayout.JAVA_DOUBLE;
            default -> throw new IllegalArgumentException("C type HeaderDriftTest does not know: " + ctype);
        };
    }

    /** The layout of a field: arrays become sequence layouts. */
    MemoryLayout layout(Decl field) {
        MemoryLayout element = layout(field.type());
        return field.arrayLength() < 0 ? element : MemoryLayout.sequenceLayout(field.arrayLength(), element);
    }

    // ------------------------------------------------------------------ constant expressions

    private final Map<String, BigInteger> builtins = new HashMap<>(Map.of(
            "UINT8_MAX", BigInteger.valueOf(0xFF),
            "UINT16_MAX", BigInteger.valueOf(0xFFFF),
            "UINT32_MAX", BigInteger.valueOf(0xFFFF_FFFFL),
            "UINT64_MAX", BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE),
            "INT32_MAX", BigInteger.valueOf(Integer.MAX_VALUE),
            "INT64_MAX", BigInteger.valueOf(Long.MAX_VALUE),
            "SIZE_MAX", BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE),
            "__STDC_VERSION__", BigInteger.valueOf(201112L)));

    /** Evaluates an integer constant expression; {@code inConditional} allows defined() and unknown names (0). */
    BigInteger evaluate(String expression, boolean inConditional) {
        return new Expr(expression, inConditional).parse();
    }

    private final class Expr {
        private final String s;
        private final boolean conditional;
        private int pos;

        Expr(String s, boolean conditional) {
            this.s = s;
            this.conditional = conditional;
        }

        BigInteger parse() {
            BigInteger v = or();
            skip();
            if (pos != s.length()) {
                throw error();
            }
            return v;
        }

        private IllegalArgumentException error() {
            return new IllegalArgumentException("constant expression HeaderDriftTest cannot evaluate: " + s);
        }

        private void skip() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private boolean eat(String op) {
            skip();
            if (s.startsWith(op, pos)) {
                // do not take "<" out of "<<" or "<=", "|" out of "||", ...
                String next = pos + op.length() < s.length() ? s.substring(pos + op.length(), pos + op.length() + 1) : "";
                if ((op.equals("<") || op.equals(">")) && (next.equals(op) || next.equals("="))) {
                    return false;
                }
                if ((op.equals("|") || op.equals("&")) && next.equals(op)) {
                    return false;
                }
                pos += op.length();
                return true;
            }
            return false;
        }

        private static BigInteger bool(boolean b) {
            return b ? BigInteger.ONE : BigInteger.ZERO;
        }

        private BigInteger or() {
            BigInteger v = and();
            while (eat("||")) {
                BigInteger r = and();
                v = bool(v.signum() != 0 || r.signum() != 0);
            }
            return v;
        }

        private BigInteger and() {
            BigInteger v = bitOr();
            while (eat("&&")) {
                BigInteger r = bitOr();
                v = bool(v.signum() != 0 && r.signum() != 0);
            }
            return v;
        }

        private BigInteger bitOr() {
            BigInteger v = bitAnd();
            while (eat("|")) {
                v = v.or(bitAnd());
            }
            return v;
        }

        private BigInteger bitAnd() {
            BigInteger v = equality();
            while (eat("&")) {
                v = v.and(equality());
            }
            return v;
        }

        private BigInteger equality() {
            BigInteger v = relational();
            while (true) {
                if (eat("==")) {
                    v = bool(v.equals(relational()));
                } else if (eat("!=")) {
                    v = bool(!v.equals(relational()));
                } else {
                    return v;
                }
            }
        }

        private BigInteger relational() {
            BigInteger v = shift();
            while (true) {
                if (eat("<=")) {
                    v = bool(v.compareTo(shift()) <= 0);
                } else if (eat(">=")) {
                    v = bool(v.compareTo(shift()) >= 0);
                } else if (eat("<")) {
                    v = bool(v.compareTo(shift()) < 0);
                } else if (eat(">")) {
                    v = bool(v.compareTo(shift()) > 0);
                } else {
                    return v;
                }
            }
        }

        private BigInteger shift() {
            BigInteger v = additive();
            while (true) {
                if (eat("<<")) {
                    v = v.shiftLeft(additive().intValueExact());
                } else if (eat(">>")) {
                    v = v.shiftRight(additive().intValueExact());
                } else {
                    return v;
                }
            }
        }

        private BigInteger additive() {
            BigInteger v = multiplicative();
            while (true) {
                if (eat("+")) {
                    v = v.add(multiplicative());
                } else if (eat("-")) {
                    v = v.subtract(multiplicative());
                } else {
                    return v;
                }
            }
        }

        private BigInteger multiplicative() {
            BigInteger v = unary();
            while (true) {
                if (eat("*")) {
                    v = v.multiply(unary());
                } else if (eat("/")) {
                    v = v.divide(unary());
                } else if (eat("%")) {
                    v = v.remainder(unary());
                } else {
                    return v;
                }
            }
        }

        private BigInteger unary() {
            if (eat("-")) {
                return unary().negate();
            }
            if (eat("+")) {
                return unary();
            }
            if (eat("!")) {
                return bool(unary().signum() == 0);
            }
            if (eat("~")) {
                return unary().not();
            }
            return primary();
        }

        private BigInteger primary() {
            skip();
            if (eat("(")) {
                BigInteger v = or();
                if (!eat(")")) {
                    throw error();
                }
                return v;
            }
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                pos++;
            }
            String token = s.substring(start, pos);
            if (token.isEmpty()) {
                throw error();
            }
            if (Character.isDigit(token.charAt(0))) {
                String digits = token.replaceAll("(?i)[ul]+$", "");
                if (digits.startsWith("0x") || digits.startsWith("0X")) {
                    return new BigInteger(digits.substring(2), 16);
                }
                if (digits.length() > 1 && digits.startsWith("0")) {
                    return new BigInteger(digits.substring(1), 8);
                }
                return new BigInteger(digits);
            }
            if (conditional && token.equals("defined")) {
                boolean paren = eat("(");
                skip();
                int nameStart = pos;
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                    pos++;
                }
                String name = s.substring(nameStart, pos);
                if (paren && !eat(")")) {
                    throw error();
                }
                return bool(defines.containsKey(name));
            }
            if (defines.get(token) != null) {
                return defines.get(token);
            }
            if (builtins.containsKey(token)) {
                return builtins.get(token);
            }
            if (enumerators.containsKey(token)) {
                return enumerators.get(token);
            }
            if (conditional) {
                return BigInteger.ZERO; // an undefined identifier in #if is 0 (e.g. __cplusplus)
            }
            throw error();
        }
    }
}
