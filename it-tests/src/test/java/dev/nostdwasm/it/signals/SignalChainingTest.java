package dev.nostdwasm.it.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nostdwasm.api.NoStdRuntime;
import dev.nostdwasm.it.support.Artifacts;
import dev.nostdwasm.it.support.CrashReports;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shim's trap handler chains every fault that is not wasm's to HotSpot: {@link SignalStress}
 * (wasm SIGSEGV/SIGFPE traps on some threads, JIT-compiled implicit null and division checks on
 * others and inside host calls) in a forked JVM, for each provider and JDK, with and without
 * {@code LD_PRELOAD} of that JDK's {@code libjsig.so}, and with tiered compilation as well as with C1
 * only ({@code -XX:TieredStopAtLevel=1}, where every null check in compiled code stays a signal). A crash (hs_err, death by signal), a hang
 * (the timeout below only keeps CI from hanging; it is not a performance limit) or a wrong count
 * fails with the child's output.
 *
 * <p>Runs in surefire's {@code default-test} execution (on the JVM running Maven, Java 22+); the
 * Java 17 cases fork the launcher named by {@code -Djdk17.java} (default
 * {@code /usr/lib/jvm/java-17-openjdk-amd64/bin/java}) and are skipped when it is absent.
 */
class SignalChainingTest {
    /** Only so that a hung child cannot hang the build; a healthy run takes seconds. */
    private static final long TIMEOUT_MINUTES = 5;
    private static final String JDK17_PROPERTY = "jdk17.java";
    private static final String JDK17_DEFAULT = "/usr/lib/jvm/java-17-openjdk-amd64/bin/java";

    static Stream<Arguments> cases() {
        Path current = Paths.get(System.getProperty("java.home"), "bin", "java");
        Path jdk17 = Paths.get(System.getProperty(JDK17_PROPERTY, JDK17_DEFAULT));
        List<Arguments> cases = new ArrayList<>();
        for (boolean c1Only : new boolean[] {false, true}) {
            for (boolean jsig : new boolean[] {false, true}) {
                String suffix = (jsig ? " · LD_PRELOAD=libjsig" : " · no libjsig") + (c1Only ? " · C1 only" : "");
                String java = "Java " + Runtime.version().feature();
                cases.add(Arguments.argumentSet("ffm · " + java + suffix, "ffm", current, jsig, c1Only));
                cases.add(Arguments.argumentSet("jni · " + java + suffix, "jni", current, jsig, c1Only));
                cases.add(Arguments.argumentSet("jni · Java 17" + suffix, "jni", jdk17, jsig, c1Only));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{argumentSetName}")
    @MethodSource("cases")
    void jvmFaultsAndWasmTrapsTogether(String provider, Path java, boolean jsig, boolean c1Only) throws Exception {
        // The Java 17 cases are forked from here; in the jdk17 execution (reached only through
        // -Dtest=...) every case would run again on the same launchers.
        assumeTrue(Runtime.version().feature() >= 22, () -> "SignalChainingTest runs from a Java 22+ JVM (the"
                + " default-test execution), which forks Java 17 itself; this JVM is " + Runtime.version());
        assumeTrue(Files.isExecutable(java), () -> "no Java launcher at " + java + " (set -D" + JDK17_PROPERTY
                + "=<java 17>/bin/java to run the Java 17 cases)");
        Path home = java.toAbsolutePath().getParent().getParent();
        int feature = featureVersion(home);
        assumeTrue(!"ffm".equals(provider) || feature >= 22,
                () -> "the ffm provider needs Java 22 or newer; " + java + " is Java " + feature);
        Path libjsig = home.resolve("lib").resolve("libjsig.so");
        if (jsig) {
            assumeTrue(Files.isRegularFile(libjsig), () -> "no " + libjsig + " in this JDK");
        }

        List<String> command = new ArrayList<>();
        command.add(java.toString());
        if (feature >= 22) {
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        if (c1Only) {
            // Only C1 compiles: C2 stops taking implicit null checks as signals once it has
            // seen a few (it recompiles with explicit checks), C1 keeps taking every one, so
            // this mode sends about 1.5 million JVM faults through the shim instead of about 0.2.
            command.add("-XX:TieredStopAtLevel=1");
        }
        command.add("-D" + NoStdRuntime.PROVIDER_PROPERTY + "=" + provider);
        command.add("-D" + Artifacts.DIR_PROPERTY + "=" + Artifacts.dir().toAbsolutePath());
        // A crash report goes to a temporary directory and into the failure message.
        Path errorDir = Files.createTempDirectory("nsw-signals-");
        command.add("-XX:ErrorFile=" + errorDir.resolve("hs_err_pid%p.log"));
        command.add("-cp");
        command.add(classPath(feature));
        command.add(SignalStress.class.getName());
        command.add(provider);

        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("LD_PRELOAD");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("_JAVA_OPTIONS");
        if (jsig) {
            builder.environment().put("LD_PRELOAD", libjsig.toString());
        }
        Path log = Files.createTempFile("nsw-signals-", ".log");
        builder.redirectOutput(log.toFile());
        String description = (jsig ? "LD_PRELOAD=" + libjsig + " " : "") + String.join(" ", command);

        long started = System.nanoTime();
        Process process = builder.start();
        boolean exited = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!exited) {
            process.destroyForcibly().waitFor();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        String output = Files.readString(log, StandardCharsets.ISO_8859_1) + CrashReports.collect(errorDir);
        Files.deleteIfExists(log);
        System.out.println("[" + provider + ", " + java + (jsig ? ", libjsig" : "") + (c1Only ? ", C1 only" : "") + "] "
                + millis + " ms\n" + output);

        if (!exited) {
            fail("the child JVM did not finish in " + TIMEOUT_MINUTES + " minutes (hang?):\n" + description
                    + "\n--- child output ---\n" + output);
        }
        int exit = process.exitValue();
        assumeTrue(exit != SignalStress.EXIT_SKIPPED, () -> output.lines()
                .filter(l -> l.startsWith("signals: skipped")).findFirst().orElse("skipped"));
        if (exit != 0 || output.contains("A fatal error has been detected") || output.contains("--- hs_err")) {
            fail("the child JVM exited with " + exit + describeExit(exit) + ":\n" + description
                    + "\n--- child output ---\n" + output);
        }
        String expected = "signals: " + SignalStress.EXPECTED_WASM_TRAPS + " wasm traps, " + SignalStress.EXPECTED_NPES
                + " NPEs, " + SignalStress.EXPECTED_ARITH + " ArithmeticExceptions in " + SignalStress.THREADS
                + " threads";
        assertTrue(output.lines().anyMatch(expected::equals),
                () -> "no line '" + expected + "' in the child's output:\n" + output);
        assertEquals(0, exit);
    }

    private static String describeExit(int exit) {
        if (exit == 134) {
            return " (SIGABRT: a JVM crash; see the hs_err report below)";
        }
        if (exit > 128) {
            return " (killed by signal " + (exit - 128) + ")";
        }
        return "";
    }

    /**
     * This JVM's class path (surefire sets {@code java.class.path} to the test class path); for
     * a JVM older than 22 without sdk-ffm, whose classes it cannot load.
     */
    private static String classPath(int feature) {
        String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
        return Stream.of(entries)
                .filter(e -> feature >= 22 || !isSdkFfm(e))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static boolean isSdkFfm(String entry) {
        Path p = Paths.get(entry).normalize();
        String name = p.getFileName() == null ? "" : p.getFileName().toString();
        return name.startsWith("sdk-ffm") || p.toString().contains(File.separator + "sdk-ffm" + File.separator);
    }

    /** The feature version of the JDK at {@code home}, from its {@code release} file. */
    private static int featureVersion(Path home) throws IOException {
        Path release = home.resolve("release");
        if (Files.isRegularFile(release)) {
            for (String line : Files.readAllLines(release)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    String first = v.startsWith("1.") ? v.substring(2) : v;
                    return Integer.parseInt(first.split("[.+-]")[0]);
                }
            }
        }
        if (home.equals(Paths.get(System.getProperty("java.home")))) {
            return Runtime.version().feature();
        }
        throw new IOException("cannot tell the Java version of " + home + " (no JAVA_VERSION in " + release + ")");
    }
}
