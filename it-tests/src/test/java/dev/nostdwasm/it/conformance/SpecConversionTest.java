package dev.nostdwasm.it.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nostdwasm.it.conformance.SpecFiles.SpecFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;

/**
 * The spec's {@code assert_invalid} and {@code assert_malformed} commands, counted once: the
 * converter ({@code nsw-wast-convert}, conformance/FORMAT.md) compiles each such module with the
 * engine's settings and records whether it was rejected; no provider or profile is involved, so
 * the provider × profile rows of {@link ConformanceSuite} leave them out. One test per command,
 * named {@code <suite>/<stem>.wast:<line>}: it holds when the converter recorded {@code
 * "rejected"}, and is skipped, with the converter's reason, for a {@code skip} the converter
 * recorded in its place (a module a later proposal made valid). The counts are the row {@value
 * #ROW} of {@code summary.tsv} ({@link ResultRow}).
 *
 * <p>Not per provider: it runs in the {@code default-test} execution only (its name matches
 * neither {@code Jni*Test} nor {@code Ffm*Test}, which the other executions include).
 */
class SpecConversionTest {

    /** The provider column of this row in summary.tsv; profile and target are {@code all}. */
    static final String ROW = "nsw-wast-convert";

    @TestFactory
    Stream<DynamicNode> validationAndDecoding() {
        Path dir = SpecFiles.dir();
        List<SpecFile> files = SpecFiles.selected(dir);
        ResultRow row = new ResultRow(ROW, "all", "all");
        row.startClock();
        return files.stream()
                .map(f -> (DynamicNode) file(f, f.dir(dir), row))
                .onClose(() -> {
                    row.stopClock();
                    row.write();
                    System.out.printf(Locale.ROOT, "conformance %s: %d files, %d held, %d failed, %d skipped%n",
                            row.key(), row.files, row.passed, row.failed, row.skipped);
                });
    }

    private static DynamicContainer file(SpecFile f, Path fileDir, ResultRow row) {
        String source = f.source();
        // Read when JUnit reaches this file: one file's commands in memory at a time.
        Stream<DynamicNode> tests = Stream.of(f).flatMap(x -> {
            row.files++;
            return WastScript.commands(fileDir).stream()
                    .filter(c -> CommandRole.of(c) == CommandRole.CONVERSION)
                    .map(c -> DynamicTest.dynamicTest(source + ":" + c.path("line").asInt(), () -> check(c, source, row)));
        });
        return DynamicContainer.dynamicContainer(source, tests);
    }

    private static void check(JsonNode c, String source, ResultRow row) {
        int line = c.path("line").asInt();
        if (c.path("type").asText().equals("skip")) {
            String reason = c.path("command").asText() + ": " + c.path("reason").asText("(the converter gave no reason)");
            row.skip(source, line, reason);
            throw new TestAbortedException(reason);
        }
        String outcome = c.path("outcome").asText();
        if (!"rejected".equals(outcome)) {
            row.failed++;
            throw new AssertionError(source + ":" + line + " " + c.path("type").asText() + ": the spec expects the"
                    + " module to be rejected ('" + c.path("text").asText() + "'), but the converter reports '"
                    + outcome + "'" + (c.hasNonNull("error") ? ": " + c.get("error").asText() : ""));
        }
        row.passed++;
    }
}
