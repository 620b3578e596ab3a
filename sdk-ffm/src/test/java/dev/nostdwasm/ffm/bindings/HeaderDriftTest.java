package dev.nostdwasm.ffm.bindings;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.PaddingLayout;
import java.lang.foreign.SequenceLayout;
import java.lang.foreign.ValueLayout;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fails when {@code rust-nostd/include/nsw.h} and the hand-written bindings of this package
 * disagree: function set, descriptors, Java signatures, constants, struct and union layouts,
 * callback types. Reads the header named by the {@code nsw.header} system property (set by
 * sdk-ffm's pom). Compares descriptors only: no symbol is looked up, no handle made.
 */
class HeaderDriftTest {

    private static final String FIX = "\n=> nsw.h and the FFM bindings drifted: regenerate them"
            + " (sdk-ffm/scripts/regen-bindings.sh, where jextract exists) or update"
            + " sdk-ffm/src/main/java/dev/nostdwasm/ffm/bindings/ by hand to match the header"
            + " (and bump NSW_ABI_VERSION if the ABI changed).";

    private static CHeader header;

    @BeforeAll
    static void readHeader() throws Exception {
        String property = System.getProperty("nsw.header");
        Path path = property != null ? Path.of(property) : Path.of("../rust-nostd/include/nsw.h");
        assertTrue(Files.isRegularFile(path), "nsw.h not found at " + path.toAbsolutePath()
                + " (set -Dnsw.header=/path/to/rust-nostd/include/nsw.h)");
        header = CHeader.parse(path);
        assertTrue(header.functions.size() > 0, "no function prototypes found in " + path);
    }

    private static void failIf(List<String> problems, String what) {
        if (!problems.isEmpty()) {
            fail(what + ":\n  " + String.join("\n  ", problems) + FIX);
        }
    }

    // ------------------------------------------------------------------ functions

    @Test
    void everyFunctionOfTheHeaderIsBoundAndNothingElse() {
        Set<String> inHeader = new TreeSet<>(header.functions.keySet());
        Set<String> listed = new TreeSet<>(nsw_h.functionNames());
        Set<String> methods = Arrays.stream(nsw_h.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()))
                .map(Method::getName)
                .filter(n -> n.startsWith("nsw_") && !n.contains("$"))
                .collect(Collectors.toCollection(TreeSet::new));

        List<String> problems = new ArrayList<>();
        diff(inHeader, listed, "nsw_h.functionNames()", problems);
        diff(inHeader, methods, "nsw_h's public static methods", problems);
        if (listed.size() != nsw_h.functionNames().size()) {
            problems.add("nsw_h.functionNames() lists a name twice");
        }
        failIf(problems, "function sets differ");
    }

    private static void diff(Set<String> expected, Set<String> actual, String where, List<String> problems) {
        for (String name : expected) {
            if (!actual.contains(name)) {
                problems.add(name + " is in nsw.h but not in " + where);
            }
        }
        for (String name : actual) {
            if (!expected.contains(name)) {
                problems.add(name + " is in " + where + " but not in nsw.h");
            }
        }
    }

    @Test
    void everyDescriptorMatchesItsPrototype() throws Exception {
        List<String> problems = new ArrayList<>();
        for (CHeader.Function f : header.functions.values()) {
            FunctionDescriptor expected = descriptorOf(f);
            FunctionDescriptor actual;
            try {
                actual = nsw_h.descriptor(f.name());
            } catch (IllegalArgumentException missing) {
                continue; // reported by everyFunctionOfTheHeaderIsBoundAndNothingElse
            }
            if (!expected.equals(actual)) {
                problems.add(f.name() + ": header " + expected + " but nsw_h " + actual + "\n      from: " + f.text());
            }
            Method accessor = optionalMethod(nsw_h.class, f.name() + "$descriptor");
            if (accessor == null) {
                problems.add(f.name() + "$descriptor() is missing");
            } else if (!expected.equals(accessor.invoke(null))) {
                problems.add(f.name() + "$descriptor() differs from the header: " + accessor.invoke(null));
            }
        }
        failIf(problems, "function descriptors differ from nsw.h");
    }

    @Test
    void everyJavaSignatureMatchesItsDescriptor() {
        List<String> problems = new ArrayList<>();
        for (CHeader.Function f : header.functions.values()) {
            FunctionDescriptor expected = descriptorOf(f);
            List<Method> candidates = Arrays.stream(nsw_h.class.getDeclaredMethods())
                    .filter(m -> m.getName().equals(f.name()) && Modifier.isStatic(m.getModifiers())
                            && Modifier.isPublic(m.getModifiers()))
                    .toList();
            if (candidates.size() != 1) {
                problems.add(f.name() + ": expected one public static method, found " + candidates.size());
                continue;
            }
            Method method = candidates.get(0);
            List<Class<?>> expectedParams = expected.argumentLayouts().stream().map(HeaderDriftTest::carrier).toList();
            Class<?> expectedReturn = expected.returnLayout().map(HeaderDriftTest::carrier).orElse(void.class);
            if (!expectedParams.equals(List.of(method.getParameterTypes())) || expectedReturn != method.getReturnType()) {
                problems.add(f.name() + ": Java " + method + " but the header asks for " + expectedReturn.getName()
                        + " " + f.name() + expectedParams.stream().map(Class::getName)
                        .collect(Collectors.joining(", ", "(", ")")));
            }
        }
        failIf(problems, "Java signatures differ from nsw.h");
    }

    private static FunctionDescriptor descriptorOf(CHeader.Function f) {
        MemoryLayout[] args = f.params().stream().map(p -> layoutOfParameter(p)).toArray(MemoryLayout[]::new);
        MemoryLayout ret = header.layout(f.returnType());
        return ret == null ? FunctionDescriptor.ofVoid(args) : FunctionDescriptor.of(ret, args);
    }

    private static MemoryLayout layoutOfParameter(CHeader.Decl p) {
        if (p.arrayLength() >= 0 || p.type().endsWith("(*)(...)")) {
            return ValueLayout.ADDRESS; // arrays and function pointers decay to pointers
        }
        return header.layout(p.type());
    }

    private static Class<?> carrier(MemoryLayout layout) {
        if (layout instanceof ValueLayout value) {
            return value.carrier();
        }
        throw new IllegalArgumentException("not a value layout: " + layout);
    }

    private static Method optionalMethod(Class<?> type, String name, Class<?>... params) {
        try {
            return type.getMethod(name, params);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ constants

    @Test
    void everyDefineAndEnumeratorMatchesItsConstant() throws Exception {
        List<String> problems = new ArrayList<>();
        Set<String> expectedNames = new HashSet<>();
        Map<String, BigInteger> defines = header.defines;
        for (var e : defines.entrySet()) {
            if (e.getKey().startsWith("NSW_") && e.getValue() != null) {
                expectedNames.add(e.getKey());
                checkConstant(e.getKey(), e.getValue(), "#define", problems);
            }
        }
        for (var e : header.enumerators.entrySet()) {
            expectedNames.add(e.getKey());
            checkConstant(e.getKey(), e.getValue(), "enumerator", problems);
        }
        for (Field field : nsw_h.class.getFields()) {
            if (field.getName().startsWith("NSW_") && !expectedNames.contains(field.getName())) {
                problems.add("nsw_h." + field.getName() + " is not a #define or enumerator of nsw.h");
            }
        }
        failIf(problems, "constants differ from nsw.h");
    }

    private static void checkConstant(String name, BigInteger value, String what, List<String> problems)
            throws IllegalAccessException {
        Field field;
        try {
            field = nsw_h.class.getField(name);
        } catch (NoSuchFieldException e) {
            problems.add(what + " " + name + " = " + value + " has no constant nsw_h." + name);
            return;
        }
        int mods = field.getModifiers();
        if (!Modifier.isStatic(mods) || !Modifier.isFinal(mods)) {
            problems.add("nsw_h." + name + " is not static final");
            return;
        }
        BigInteger bits;
        int width;
        if (field.getType() == int.class) {
            bits = BigInteger.valueOf(field.getInt(null));
            width = 32;
        } else if (field.getType() == long.class) {
            bits = BigInteger.valueOf(field.getLong(null));
            width = 64;
        } else {
            problems.add("nsw_h." + name + " is a " + field.getType() + ", not an int or long");
            return;
        }
        // The C value must fit the Java type, signed or as an unsigned bit pattern.
        BigInteger min = BigInteger.ONE.shiftLeft(width - 1).negate();
        BigInteger limit = BigInteger.ONE.shiftLeft(width);
        if (value.compareTo(min) < 0 || value.compareTo(limit) >= 0) {
            problems.add(what + " " + name + " = " + value + " does not fit nsw_h." + name + " (" + field.getType() + ")");
        } else if (!value.subtract(bits).mod(limit).equals(BigInteger.ZERO)) {
            problems.add(what + " " + name + " = " + value + " but nsw_h." + name + " = " + bits);
        }
    }

    // ------------------------------------------------------------------ structs and unions

    @Test
    void structAndUnionLayoutsFollowCNaturalAlignment() throws Exception {
        List<String> problems = new ArrayList<>();
        assertTrue(header.aggregates.containsKey("nsw_extern_type_t"), "nsw.h defines no nsw_extern_type_t");
        assertTrue(header.aggregates.containsKey("nsw_val_raw_t"), "nsw.h defines no nsw_val_raw_t");
        for (CHeader.Aggregate aggregate : header.aggregates.values()) {
            Class<?> binding;
            try {
                binding = Class.forName(nsw_h.class.getPackageName() + "." + aggregate.name());
            } catch (ClassNotFoundException e) {
                problems.add((aggregate.union() ? "union " : "struct ") + aggregate.name() + " has no binding class");
                continue;
            }
            GroupLayout actual = (GroupLayout) binding.getMethod("layout").invoke(null);
            compare(aggregate, binding, actual, problems);
        }
        failIf(problems, "struct/union layouts differ from nsw.h");
    }

    @Test
    void valueSlotIsSixteenBytesAlignedToEight() {
        assertEquals(16, nsw_val_raw_t.sizeof(), "sizeof(nsw_val_raw_t)" + FIX);
        assertEquals(8, nsw_val_raw_t.layout().byteAlignment(), "alignof(nsw_val_raw_t)" + FIX);
        assertEquals(16, naturalSize(header.aggregates.get("nsw_val_raw_t")),
                "nsw.h's nsw_val_raw_t is no longer 16 bytes: the provider's slot arithmetic depends on it" + FIX);
    }

    private static long naturalSize(CHeader.Aggregate aggregate) {
        long size = 0;
        long align = 1;
        for (CHeader.Decl field : aggregate.fields()) {
            MemoryLayout layout = header.layout(field);
            long fieldAlign = alignmentOf(layout);
            align = Math.max(align, fieldAlign);
            size = aggregate.union() ? Math.max(size, layout.byteSize())
                    : alignUp(size, fieldAlign) + layout.byteSize();
        }
        return alignUp(size, align);
    }

    private static void compare(CHeader.Aggregate aggregate, Class<?> binding, GroupLayout actual,
                                List<String> problems) throws Exception {
        String what = (aggregate.union() ? "union " : "struct ") + aggregate.name();
        if (aggregate.union() != (actual instanceof java.lang.foreign.UnionLayout)) {
            problems.add(what + ": binding is a " + actual.getClass().getSimpleName());
        }
        if (!actual.name().equals(Optional.of(aggregate.name()))) {
            problems.add(what + ": layout is named " + actual.name());
        }
        List<MemoryLayout> named = actual.memberLayouts().stream().filter(m -> !(m instanceof PaddingLayout)).toList();
        List<String> expectedNames = aggregate.fields().stream().map(CHeader.Decl::name).toList();
        List<String> actualNames = named.stream().map(m -> m.name().orElse("<unnamed>")).toList();
        if (!expectedNames.equals(actualNames)) {
            problems.add(what + ": fields " + expectedNames + " in the header but " + actualNames + " in the binding");
            return;
        }
        long offset = 0;
        long align = 1;
        long size = 0;
        for (CHeader.Decl field : aggregate.fields()) {
            MemoryLayout expected = header.layout(field);
            long fieldAlign = alignmentOf(expected);
            align = Math.max(align, fieldAlign);
            long expectedOffset = aggregate.union() ? 0 : alignUp(offset, fieldAlign);
            MemoryLayout member = actual.select(groupElement(field.name()));
            long actualOffset = actual.byteOffset(groupElement(field.name()));
            if (!expected.equals(member.withoutName())) {
                problems.add(what + "." + field.name() + ": " + field.type() + " is " + expected
                        + " but the binding has " + member.withoutName());
            }
            if (expectedOffset != actualOffset) {
                problems.add(what + "." + field.name() + ": offset " + expectedOffset + " in C but "
                        + actualOffset + " in the binding");
            }
            Method offsetAccessor = optionalMethod(binding, field.name() + "$offset");
            if (offsetAccessor == null) {
                problems.add(what + "." + field.name() + ": no " + field.name() + "$offset() accessor");
            } else if ((long) offsetAccessor.invoke(null) != expectedOffset) {
                problems.add(what + "." + field.name() + "$offset() is " + offsetAccessor.invoke(null));
            }
            if (optionalMethod(binding, field.name(), MemorySegment.class) == null) {
                problems.add(what + "." + field.name() + ": no " + field.name() + "(MemorySegment) getter");
            }
            if (aggregate.union()) {
                size = Math.max(size, expected.byteSize());
            } else {
                offset = expectedOffset + expected.byteSize();
                size = offset;
            }
        }
        long expectedSize = alignUp(size, align);
        if (actual.byteSize() != expectedSize) {
            problems.add(what + ": sizeof is " + expectedSize + " in C but " + actual.byteSize() + " in the binding");
        }
        if (actual.byteAlignment() != align) {
            problems.add(what + ": alignof is " + align + " in C but " + actual.byteAlignment() + " in the binding");
        }
        long sizeof = (long) binding.getMethod("sizeof").invoke(null);
        if (sizeof != expectedSize) {
            problems.add(what + ": sizeof() returns " + sizeof);
        }
    }

    private static long alignmentOf(MemoryLayout layout) {
        // C's natural alignment: a scalar's size, an array's element's alignment.
        return layout instanceof SequenceLayout seq ? alignmentOf(seq.elementLayout()) : layout.byteSize();
    }

    private static long alignUp(long n, long align) {
        return (n + align - 1) / align * align;
    }

    // ------------------------------------------------------------------ typedefs

    @Test
    void callbackTypesMatchTheirTypedefs() throws Exception {
        List<String> problems = new ArrayList<>();
        assertTrue(header.functionPointerTypedefs.containsKey("nsw_host_callback_t"), "no nsw_host_callback_t");
        for (CHeader.Function typedef : header.functionPointerTypedefs.values()) {
            Class<?> binding;
            try {
                binding = Class.forName(nsw_h.class.getPackageName() + "." + typedef.name());
            } catch (ClassNotFoundException e) {
                problems.add("typedef " + typedef.name() + " has no binding interface");
                continue;
            }
            FunctionDescriptor expected = descriptorOf(typedef);
            FunctionDescriptor actual = (FunctionDescriptor) binding.getMethod("descriptor").invoke(null);
            if (!expected.equals(actual)) {
                problems.add(typedef.name() + ": header " + expected + " but binding " + actual);
            }
            List<Method> apply = Arrays.stream(binding.getMethods())
                    .filter(m -> m.getName().equals("apply") && Modifier.isAbstract(m.getModifiers())).toList();
            List<Class<?>> params = expected.argumentLayouts().stream().map(HeaderDriftTest::carrier).toList();
            Class<?> ret = expected.returnLayout().map(HeaderDriftTest::carrier).orElse(void.class);
            if (apply.size() != 1 || !List.of(apply.get(0).getParameterTypes()).equals(params)
                    || apply.get(0).getReturnType() != ret) {
                problems.add(typedef.name() + ": apply" + apply + " does not take " + params + " and return " + ret);
            }
        }
        failIf(problems, "callback types differ from nsw.h");
    }

    @Test
    void scalarTypedefsMatchTheirLayouts() throws Exception {
        List<String> problems = new ArrayList<>();
        for (var e : header.scalarTypedefs.entrySet()) {
            Field field;
            try {
                field = nsw_h.class.getField(e.getKey());
            } catch (NoSuchFieldException missing) {
                problems.add("typedef " + e.getValue() + " " + e.getKey() + " has no layout nsw_h." + e.getKey());
                continue;
            }
            MemoryLayout expected = header.layout(e.getValue());
            if (!expected.equals(field.get(null))) {
                problems.add("nsw_h." + e.getKey() + " is " + field.get(null) + " but the header says " + e.getValue());
            }
        }
        failIf(problems, "typedef layouts differ from nsw.h");
    }
}
