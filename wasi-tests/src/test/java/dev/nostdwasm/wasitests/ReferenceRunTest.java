package dev.nostdwasm.wasitests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case under the reference Wasmtime CLI: the C programs give the same outcome on two runs (so a
 * difference from our SDK is never noise), each ends the way its expectation says, no run leaves
 * anything outside its preopened directory, and every Go test binary prints {@code PASS}. Writes one
 * row per case to {@code <nostdwasm.wasi.results>/reference.tsv} for scripts/wasi-report.py.
 */
class ReferenceRunTest {

    private static final List<String> ROWS = new ArrayList<>();

    private final WasiCases cases = WasiCases.fromBuild();
    private final WasiRunner reference = new ReferenceRunner(cliPath());

    static Path cliPath() {
        try {
            return Path.of(Files.readString(Path.of(WasiCases.property("nostdwasm.wasi.cliPathFile"))).trim());
        } catch (IOException e) {
            throw new IllegalStateException("no path of the reference CLI: the wasi-tests build writes it with"
                    + " scripts/wasmtime-cli.sh", e);
        }
    }

    @TestFactory
    Stream<DynamicTest> cProgramsAreStable() {
        return cases.c().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Outcome first = timed(c);
            Outcome second = CaseRun.run(reference, c);
            assertEquals(List.of(), first.differencesFrom(second), c.name() + " gave two different outcomes");
            assertStaysInside(c, first);
            ProgramResult result = first.result();
            if (c.expectation() == WasiCase.Expectation.ENDS_IN_ERROR) {
                assertTrue(result.endedInError(), c.name() + " should end in an error of the runner:\n" + result.stderrText());
            } else {
                int expectedExit = c.args().equals(List.of("42")) ? 42 : 0;
                assertEquals(expectedExit, result.exitCode(), c.name() + " exit code; stderr:\n" + result.stderrText());
                assertTrue(result.stdout().length > 0, c.name() + " printed nothing");
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> goTestsPass() throws IOException {
        return cases.go().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Outcome outcome = timed(c);
            ProgramResult result = outcome.result();
            String stdout = result.stdoutText().strip();
            assertTrue(result.exitCode() == 0 && (stdout.endsWith("\nPASS") || stdout.equals("PASS")),
                    c.name() + " did not pass (exit " + result.exitCode() + "):\n" + tail(stdout) + "\n" + tail(result.stderrText()));
            assertStaysInside(c, outcome);
        }));
    }

    private Outcome timed(WasiCase c) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Outcome outcome = CaseRun.run(reference, c);
        double seconds = (System.nanoTime() - start) / 1e9;
        synchronized (ROWS) {
            ROWS.add(String.join("\t", c.name(), reference.name(), ending(outcome.result()), String.format("%.1f", seconds)));
        }
        return outcome;
    }

    /** How a run ended, as the report's table shows it. */
    static String ending(ProgramResult result) {
        return result.endedInError() ? "error" : "exit " + result.exitCode();
    }

    private static void assertStaysInside(WasiCase c, Outcome outcome) {
        assertEquals(List.of(CaseRun.PREOPEN), outcome.tree().topLevel(),
                c.name() + " left something outside its preopened directory");
    }

    private static String tail(String text) {
        return text.length() <= 4000 ? text : "..." + text.substring(text.length() - 4000);
    }

    @AfterAll
    static void writeRows() throws IOException {
        Path dir = Path.of(WasiCases.property("nostdwasm.wasi.results"));
        Files.createDirectories(dir);
        List<String> rows;
        synchronized (ROWS) {
            rows = new ArrayList<>(ROWS);
        }
        rows.sort(null);
        Files.write(dir.resolve("reference.tsv"), rows);
    }
}
