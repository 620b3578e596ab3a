package dev.nostdwasm.it.signals;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nostdwasm.api.NoStdRuntime;
import dev.nostdwasm.it.support.Artifacts;
import dev.nostdwasm.it.support.ForkedJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * Java 17 cases fork the launcher named by {@code -Dnostdwasm.jdk17.java} (default
 * {@code /usr/lib/jvm/java-17-openjdk-amd64/bin/java}) and fail when it is absent, unless the
 * build's {@code -Dnostdwasm.it.jdk17.skip=true} left out the Java 17 run (then they are skipped).
 */
class SignalChainingTest {
    /** Only so that a hung child cannot hang the build; a healthy run takes seconds. */
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final String JDK17_PROPERTY = "nostdwasm.jdk17.java";
    private static final String JDK17_DEFAULT = "/usr/lib/jvm/java-17-openjdk-amd64/bin/java";
    /** The build's switch that leaves out the Java 17 run (it-tests/pom.xml), passed on by surefire. */
    private static final String JDK17_SKIP_PROPERTY = "nostdwasm.it.jdk17.skip";

    static Stream<Arguments> cases() {
        Path jdk17 = Paths.get(System.getProperty(JDK17_PROPERTY, JDK17_DEFAULT));
        List<Arguments> cases = new ArrayList<>();
        for (boolean c1Only : new boolean[] {false, true}) {
            for (boolean jsig : new boolean[] {false, true}) {
                String suffix = (jsig ? " · LD_PRELOAD=libjsig" : " · no libjsig") + (c1Only ? " · C1 only" : "");
                String java = "Java " + Runtime.version().feature();
                cases.add(Arguments.argumentSet("ffm · " + java + suffix, "ffm", null, jsig, c1Only));
                cases.add(Arguments.argumentSet("jni · " + java + suffix, "jni", null, jsig, c1Only));
                cases.add(Arguments.argumentSet("jni · Java 17" + suffix, "jni", jdk17, jsig, c1Only));
            }
        }
        return cases.stream();
    }

    /** {@code java} is the launcher of a Java 17 case, null for this JVM's Java. */
    @ParameterizedTest(name = "{argumentSetName}")
    @MethodSource("cases")
    void jvmFaultsAndWasmTrapsTogether(String provider, Path java, boolean jsig, boolean c1Only) throws Exception {
        // The Java 17 cases are forked from here; in the jdk17 execution (reached only through
        // -Dtest=...) every case would run again on the same launchers.
        assumeTrue(Runtime.version().feature() >= 22, () -> "SignalChainingTest runs from a Java 22+ JVM (the"
                + " default-test execution), which forks Java 17 itself; this JVM is " + Runtime.version());
        if (java != null) {
            assumeFalse(Boolean.getBoolean(JDK17_SKIP_PROPERTY), "the Java 17 run is switched off (-Dnostdwasm.it.jdk17.skip=true)");
            assertTrue(Files.isExecutable(java), () -> "no Java launcher at " + java + " (set -D" + JDK17_PROPERTY
                    + "=<java 17>/bin/java, or leave out the Java 17 run with -D" + JDK17_SKIP_PROPERTY + "=true)");
        }
        ForkedJvm jvm = java == null ? ForkedJvm.current() : ForkedJvm.launcher(java);
        if (c1Only) {
            // Only C1 compiles: C2 stops taking implicit null checks as signals once it has
            // seen a few (it recompiles with explicit checks), C1 keeps taking every one, so
            // this mode sends about 1.5 million JVM faults through the shim instead of about 0.2.
            jvm.option("-XX:TieredStopAtLevel=1");
        }
        if (jsig) {
            Path libjsig = jvm.home().resolve("lib").resolve("libjsig.so");
            assertTrue(Files.isRegularFile(libjsig), () -> "no " + libjsig + " in the JDK at " + jvm.home());
            jvm.environment("LD_PRELOAD", libjsig.toString());
        }
        jvm.property(NoStdRuntime.PROVIDER_PROPERTY, provider)
                .property(Artifacts.DIR_PROPERTY, Artifacts.dir().toAbsolutePath().toString());

        ForkedJvm.Result result = jvm.run(SignalStress.class, List.of(provider), TIMEOUT);
        System.out.println("[" + provider + ", Java " + jvm.feature() + (jsig ? ", libjsig" : "")
                + (c1Only ? ", C1 only" : "") + "] " + result.elapsed().toMillis() + " ms\n" + result.output());

        if (!result.exitedWith(0)) {
            fail(result.report());
        }
        String expected = "signals: " + SignalStress.EXPECTED_WASM_TRAPS + " wasm traps, " + SignalStress.EXPECTED_NPES
                + " NPEs, " + SignalStress.EXPECTED_ARITH + " ArithmeticExceptions in " + SignalStress.THREADS
                + " threads";
        assertTrue(result.output().lines().anyMatch(expected::equals),
                () -> "no line '" + expected + "' in the child's output:\n" + result.report());
    }
}
