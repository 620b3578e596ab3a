package dev.nostdwasm.jni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nostdwasm.api.spi.NativeAbi;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Fails when nsw.h, NativeAbi, JniAbi and the glue's registration table drift apart: every
 * header function has a NativeAbi method with the mapped Java types, every such method is a
 * {@code native} of JniAbi with the same types, and the glue registers each native of JniAbi
 * under its exact JNI descriptor and binds every header function.
 */
class NativeAbiDriftTest {

    /** A prototype of nsw.h, its types already mapped to Java as NativeAbi's javadoc says. */
    record Prototype(String name, Class<?> returns, List<Class<?>> params) {
    }

    private static final Pattern PROTOTYPE = Pattern.compile("^(.*?)\\b(nsw_\\w+)\\s*\\((.*)\\)$", Pattern.DOTALL);

    static Map<String, Prototype> header() throws IOException {
        String text = Files.readString(property("nsw.header"))
                .replaceAll("(?s)/\\*.*?\\*/", " ")
                .replaceAll("//[^\n]*", " ")
                .replaceAll("(?m)^\\s*#.*$", " ");
        Map<String, Prototype> functions = new TreeMap<>();
        for (String declaration : text.split("[;{}]")) {
            String d = declaration.replaceAll("\\s+", " ").trim();
            Matcher m = PROTOTYPE.matcher(d);
            if (d.startsWith("typedef") || !m.matches()) {
                continue;
            }
            List<Class<?>> params = new ArrayList<>();
            String list = m.group(3).trim();
            if (!list.equals("void")) {
                for (String param : list.split(",")) {
                    // the type is all but the parameter's name
                    String p = param.trim();
                    params.add(javaType(p.substring(0, p.length() - p.replaceAll(".*?(\\w+)$", "$1").length()), d));
                }
            }
            functions.put(m.group(2), new Prototype(m.group(2), javaType(m.group(1), d), params));
        }
        assertTrue(functions.size() > 40, "read only " + functions.keySet() + " from the header: is the parser broken?");
        return functions;
    }

    /** NativeAbi's mapping of a C type. */
    static Class<?> javaType(String cType, String declaration) {
        String t = cType.replace("const ", "").replace("struct ", "").trim();
        if (t.endsWith("*") || t.equals("nsw_host_callback_t") || t.equals("nsw_finalizer_t")) {
            return long.class;
        }
        switch (t) {
            case "void": return void.class;
            case "size_t": case "uint64_t": case "int64_t": return long.class;
            case "uint32_t": return int.class;
            case "uint8_t": return byte.class;
            case "bool": return boolean.class;
            default: throw new AssertionError("NativeAbi has no mapping for C type '" + t + "' in: " + declaration);
        }
    }

    static List<Method> abiFunctions() {
        return Arrays.stream(NativeAbi.class.getMethods()).filter(m -> m.getName().startsWith("nsw_"))
                .collect(Collectors.toList());
    }

    @Test
    void everyHeaderFunctionHasANativeAbiMethodOfTheSameShape() throws IOException {
        Map<String, Method> abi = abiFunctions().stream().collect(Collectors.toMap(Method::getName, m -> m));
        for (Prototype p : header().values()) {
            Method m = abi.get(p.name());
            assertTrue(m != null, "nsw.h has " + p.name() + " but NativeAbi does not");
            assertEquals(p.params().size(), m.getParameterCount(), p.name() + ": arity");
            assertEquals(p.params(), List.of(m.getParameterTypes()), p.name() + ": parameter types");
            assertEquals(p.returns(), m.getReturnType(), p.name() + ": return type");
        }
    }

    @Test
    void everyNativeAbiFunctionIsInTheHeader() throws IOException {
        Set<String> inHeader = header().keySet();
        for (Method m : abiFunctions()) {
            assertTrue(inHeader.contains(m.getName()), "NativeAbi." + m.getName() + " is not a function of nsw.h");
        }
    }

    @Test
    void everyNativeAbiFunctionIsANativeOfJniAbi() {
        for (Method m : abiFunctions()) {
            Method impl;
            try {
                impl = JniAbi.class.getDeclaredMethod(m.getName(), m.getParameterTypes());
            } catch (NoSuchMethodException e) {
                throw new AssertionError("JniAbi does not declare " + m, e);
            }
            assertTrue(Modifier.isNative(impl.getModifiers()), impl + " is not native");
            assertEquals(m.getReturnType(), impl.getReturnType(), impl + ": return type");
        }
    }

    @Test
    void theGlueRegistersEveryNativeUnderItsDescriptor() throws IOException {
        String glue = Files.readString(property("nsw.glue.source"));
        Map<String, String> registered = new TreeMap<>();
        Matcher n = Pattern.compile("\\bN\\((\\w+), \"([^\"]+)\"\\)").matcher(glue);
        while (n.find()) {
            registered.put(n.group(1), n.group(2));
        }
        Map<String, String> natives = new TreeMap<>();
        for (Method m : JniAbi.class.getDeclaredMethods()) {
            if (Modifier.isNative(m.getModifiers())) {
                natives.put(m.getName(), descriptor(m));
            }
        }
        assertEquals(natives, registered, "JniAbi's natives (left) vs the glue's table (right)");
    }

    @Test
    void theGlueBindsEveryHeaderFunction() throws IOException {
        String glue = Files.readString(property("nsw.glue.source"));
        Set<String> bound = new TreeSet<>();
        Matcher x = Pattern.compile("\\bX\\((nsw_\\w+)\\)").matcher(glue);
        while (x.find()) {
            bound.add(x.group(1));
        }
        assertEquals(header().keySet(), bound, "nsw.h (left) vs NSW_FUNCTIONS of the glue (right)");
    }

    static String descriptor(Method m) {
        return Arrays.stream(m.getParameterTypes()).map(NativeAbiDriftTest::descriptor)
                .collect(Collectors.joining("", "(", ")")) + descriptor(m.getReturnType());
    }

    private static String descriptor(Class<?> c) {
        if (c == long.class) return "J";
        if (c == int.class) return "I";
        if (c == byte.class) return "B";
        if (c == boolean.class) return "Z";
        if (c == void.class) return "V";
        return "L" + c.getName().replace('.', '/') + ";";
    }

    private static Path property(String name) {
        String value = System.getProperty(name);
        assertTrue(value != null, "system property " + name + " is not set (the pom sets it)");
        return Path.of(value);
    }
}
