package dev.nostdwasm.jni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs every test of {@link JniAbiTest} and {@link JniNativeAbiTest} in a child JVM (this JVM's java) with {@code -Xcheck:jni}
 * and fails on any warning it prints: the JVM only reports misuse of JNI on its own output, which
 * surefire's JVMs do not surface as failures.
 */
class CheckJniTest {

    @Test
    void jniAbiTestRunsWithoutCheckJniWarnings() throws IOException, InterruptedException {
        String glue = System.getProperty("nostdwasm.native.glue");
        assumeTrue(System.getProperty("os.arch").equals("amd64") && glue != null && Files.isRegularFile(Path.of(glue)),
                "natives not built");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(System.getProperty("nostdwasm.jni.argLine", "-Xcheck:jni").split("\\s+")));
        command.add("-Xcheck:jni"); // whatever the property says
        for (String property : List.of("nostdwasm.native.glue", "nostdwasm.native.shim", "nostdwasm.native.embedding")) {
            command.add("-D" + property + "=" + System.getProperty(property));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Child.class.getName()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        child.getOutputStream().close();
        byte[] output = child.getInputStream().readAllBytes(); // until the child exits
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child JVM did not exit");
        String text = new String(output, StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), "child JVM failed:\n" + text);
        assertTrue(text.contains(Child.DONE), "child JVM did not finish:\n" + text);
        String warnings = text.lines().filter(l -> l.toLowerCase().contains("warning")).collect(Collectors.joining("\n"));
        assertTrue(warnings.isEmpty(), "-Xcheck:jni (or the JVM) warned:\n" + warnings + "\n\nfull output:\n" + text);
    }

    /** Runs the lifecycle methods and tests of both by reflection; exits non-zero on a failure. */
    static final class Child {
        static final String DONE = "check-jni child: all tests ran";

        public static void main(String[] args) throws Exception {
            for (Class<?> tests : List.of(JniAbiTest.class, JniNativeAbiTest.class)) {
                run(tests);
            }
            System.out.println(DONE);
        }

        private static void run(Class<?> tests) throws Exception {
            invoke(annotated(tests, BeforeAll.class), null);
            for (Method test : annotated(tests, Test.class)) {
                var constructor = tests.getDeclaredConstructor();
                constructor.setAccessible(true);
                Object instance = constructor.newInstance();
                invoke(annotated(tests, BeforeEach.class), instance);
                try {
                    invoke(List.of(test), instance);
                } finally {
                    invoke(annotated(tests, AfterEach.class), instance);
                }
                System.out.println("ran " + tests.getSimpleName() + "." + test.getName());
            }
        }

        /** The methods of {@code type} and its superclasses (superclass first) that carry {@code a}. */
        private static List<Method> annotated(Class<?> type, Class<? extends java.lang.annotation.Annotation> a) {
            List<Method> methods = new ArrayList<>();
            for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
                methods.addAll(0, Arrays.stream(c.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(a))
                        .collect(Collectors.toList()));
            }
            return methods;
        }

        private static void invoke(List<Method> methods, Object target) throws Exception {
            for (Method m : methods) {
                m.setAccessible(true);
                try {
                    m.invoke(target);
                } catch (InvocationTargetException e) {
                    throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
                }
            }
        }
    }
}
