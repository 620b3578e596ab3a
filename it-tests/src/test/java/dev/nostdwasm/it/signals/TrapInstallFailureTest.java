package dev.nostdwasm.it.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nostdwasm.api.WasmException;
import dev.nostdwasm.it.support.ForkedJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A {@code native-signals} engine in a process where the platform shim cannot install its trap
 * handlers is refused with a {@link WasmException} that says so, instead of running wasm whose
 * faults would reach the JVM's handlers as crashes; engines of the other profiles, which need no
 * handlers, are still made. {@link TrapInstallFailure} runs in a JVM forked with {@code
 * LD_PRELOAD} of {@code src/test/c/refuse_shim_sigaction.c}, which makes {@code sigaction} refuse
 * the shim's SIGBUS handler and nothing else. The test builds that library with the C compiler
 * {@code cc}, which the platform shim's build needs too.
 *
 * <p>Runs in surefire's {@code default-test} execution (Java 22+, for the ffm provider).
 */
class TrapInstallFailureTest {
    private static final Path SOURCE = Paths.get("src", "test", "c", "refuse_shim_sigaction.c");
    private static final Path LIBRARY = Paths.get("target", "test-natives", "librefuse_shim_sigaction.so");
    /** Only so that a hung child cannot hang the build; a healthy run takes a second or two. */
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @BeforeAll
    static void buildThePreloadLibrary() throws IOException, InterruptedException {
        assumeTrue(Runtime.version().feature() >= 22, () -> "TrapInstallFailureTest forks this JVM's Java for both"
                + " providers, and the ffm provider needs Java 22 or newer; this JVM is " + Runtime.version());
        Files.createDirectories(LIBRARY.getParent());
        Process cc;
        try {
            cc = new ProcessBuilder("cc", "-shared", "-fPIC", "-O2", "-o", LIBRARY.toString(), SOURCE.toString(), "-ldl")
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("TrapInstallFailureTest builds " + SOURCE + " with cc, which is not on the"
                    + " PATH: install a C compiler (the platform shim's build needs one too)", e);
        }
        String output = new String(cc.getInputStream().readAllBytes());
        assertEquals(0, cc.waitFor(), () -> "cc could not build " + LIBRARY + " from " + SOURCE + ":\n" + output);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ffm", "jni"})
    void aNativeSignalsEngineIsRefusedWhenTheTrapHandlersCannotBeInstalled(String provider) throws Exception {
        ForkedJvm.Result result = ForkedJvm.current()
                .environment("LD_PRELOAD", LIBRARY.toAbsolutePath().toString())
                .run(TrapInstallFailure.class, List.of(provider), TIMEOUT);
        System.out.println("[" + provider + "]\n" + result.output());
        if (!result.exitedWith(0)) {
            fail(result.report());
        }
        List<String> lines = result.output().lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("native-signals: " + WasmException.class.getName() + ": ")
                && l.contains("could not install its trap handlers (os error 1)")), result::report);
        assertTrue(lines.contains("native: engine made") && lines.contains("pulley: engine made"), result::report);
    }
}
