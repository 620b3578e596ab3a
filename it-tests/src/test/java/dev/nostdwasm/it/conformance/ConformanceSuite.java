package dev.nostdwasm.it.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nostdwasm.api.Architecture;
import dev.nostdwasm.api.Engine;
import dev.nostdwasm.api.EngineConfig;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.it.conformance.SpecFiles.SpecFile;
import dev.nostdwasm.it.support.ProviderSuite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;

/**
 * The runtime assertions of the WebAssembly spec test suite, converted by {@code
 * it-tests/scripts/convert-spec.sh} (conformance/FORMAT.md), run through {@link #provider()}: one
 * container per profile (a row of {@code summary.tsv}, see {@link ResultRow}), one per {@code
 * .wast} file, one test per assertion ({@link CommandRole}), named {@code <suite>/<stem>.wast:<line>}.
 * The setup commands before an assertion run inside its test; setup commands after a file's last
 * assertion become a failing test only when they fail. Each file runs in a fresh store and
 * linker; one engine per profile serves all files.
 *
 * <p>System properties: those of {@link SpecFiles} and {@link ResultRow}, and {@value #PROFILES}
 * (comma-separated profile names, default every profile the runtime supports here).
 */
public abstract class ConformanceSuite extends ProviderSuite {

    static final String PROFILES = "nostdwasm.conformance.profiles";

    @TestFactory
    Stream<DynamicNode> spec() {
        Path dir = SpecFiles.dir();
        List<SpecFile> files = SpecFiles.selected(dir);
        return profilesToRun().stream().map(p -> (DynamicNode) profile(p, dir, files));
    }

    /** The provider as shown in summary.tsv: the Java 17 run of a provider gets its own row. */
    private String providerLabel() {
        int feature = Runtime.version().feature();
        return feature >= 22 ? provider() : provider() + "-java" + feature;
    }

    private DynamicContainer profile(Profile profile, Path dir, List<SpecFile> files) {
        String target = profile == Profile.PULLEY ? "pulley64" : Architecture.current().id();
        ResultRow row = new ResultRow(providerLabel(), profile.cliName(), Architecture.current().id());
        Engine[] engine = new Engine[1];
        Stream<DynamicNode> children = files.stream()
                .map(f -> (DynamicNode) file(f, f.dir(dir), profile, target, row, engine))
                .onClose(() -> {
                    row.stopClock();
                    if (engine[0] != null) {
                        engine[0].close();
                    }
                    row.write();
                    System.out.printf(Locale.ROOT, "conformance %s: %d files, %d assertions held, %d failed, %d skipped in %.1f s%n",
                            row.key(), row.files, row.passed, row.failed, row.skipped, row.seconds());
                });
        return DynamicContainer.dynamicContainer(provider() + " · " + profile.cliName(), children);
    }

    private DynamicContainer file(SpecFile f, Path fileDir, Profile profile, String target, ResultRow row,
            Engine[] engine) {
        String source = f.source();
        // Built when JUnit reaches this file, so only one file's commands are in memory at a time.
        // JUnit runs the nodes of a container as it takes them from the stream (Stream.forEach),
        // so everything below runs in command order.
        Stream<DynamicNode> tests = Stream.of(f).flatMap(x -> {
            row.startClock();
            row.files++;
            List<JsonNode> commands;
            WastScript script;
            try {
                if (engine[0] == null) {
                    engine[0] = runtime.newEngine(EngineConfig.of(profile).allowUnsignedArtifacts());
                }
                commands = WastScript.commands(fileDir);
                script = new WastScript(engine[0], fileDir, source, profile, target);
            } catch (RuntimeException e) {
                row.failed++;
                return Stream.of(DynamicTest.dynamicTest(source + ":0", () -> {
                    throw e;
                }));
            }
            List<DynamicNode> assertions = new ArrayList<>();
            List<JsonNode> setup = new ArrayList<>();
            for (JsonNode c : commands) {
                switch (CommandRole.of(c)) {
                    case SETUP -> setup.add(c);
                    case CONVERSION -> {
                        // Answered once by the converter: SpecConversionTest.
                    }
                    case ASSERTION, SKIPPED -> {
                        List<JsonNode> before = List.copyOf(setup);
                        setup.clear();
                        assertions.add(DynamicTest.dynamicTest(source + ":" + c.path("line").asInt(),
                                () -> run(script, before, c, source, row)));
                    }
                }
            }
            Stream<DynamicNode> trailing = Stream.of(List.copyOf(setup)).flatMap(after -> trailingSetup(script, after,
                    source, row));
            return Stream.concat(assertions.stream(), trailing).onClose(script::close);
        });
        return DynamicContainer.dynamicContainer(source, tests);
    }

    /** Runs {@code setup}, then the assertion (or skip) {@code c}; counts the outcome in {@code row}. */
    private static void run(WastScript script, List<JsonNode> setup, JsonNode c, String source, ResultRow row) {
        int line = c.path("line").asInt();
        try {
            for (JsonNode step : setup) {
                runSetup(script, step, source, "before the assertion at line " + line);
            }
            script.run(c);
        } catch (WastValues.Unobservable e) {
            row.skip(source, line, e.getMessage());
            throw new TestAbortedException(e.getMessage());
        } catch (AssertionError | RuntimeException e) {
            row.failed++;
            if (e instanceof SetupFailure) {
                throw e;
            }
            throw failure(source, c, e);
        }
        row.passed++;
    }

    /**
     * The setup commands after a file's last assertion: nothing when they work, one failing (or
     * skipped) test named after the first that failed (or could not run) when one does not.
     */
    private static Stream<DynamicNode> trailingSetup(WastScript script, List<JsonNode> setup, String source,
            ResultRow row) {
        for (JsonNode step : setup) {
            int line = step.path("line").asInt();
            try {
                runSetup(script, step, source, "after the last assertion of the file");
            } catch (WastValues.Unobservable e) {
                row.skip(source, line, e.getMessage());
                return Stream.of(DynamicTest.dynamicTest(source + ":" + line, () -> {
                    throw new TestAbortedException(e.getMessage());
                }));
            } catch (AssertionError | RuntimeException e) {
                row.failed++;
                return Stream.of(DynamicTest.dynamicTest(source + ":" + line, () -> {
                    throw e;
                }));
            }
        }
        return Stream.empty();
    }

    private static void runSetup(WastScript script, JsonNode step, String source, String where) {
        try {
            script.run(step);
        } catch (WastValues.Unobservable e) {
            throw e;
        } catch (AssertionError | RuntimeException e) {
            throw new SetupFailure(failure(source, step, e).getMessage() + " (a setup step " + where + ")", e);
        }
    }

    /** Surefire's summary shows only the message: it names the command. */
    private static AssertionError failure(String source, JsonNode c, Throwable e) {
        return new AssertionError(source + ":" + c.path("line").asInt() + " " + c.path("type").asText() + ": "
                + (e instanceof AssertionError ? e.getMessage() : e.toString()), e);
    }

    /** A setup command failed: the test that ran it fails with this. */
    private static final class SetupFailure extends AssertionError {
        private static final long serialVersionUID = 1L;

        SetupFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The profiles {@value #PROFILES} selects among those the runtime supports here (all when unset). */
    private List<Profile> profilesToRun() {
        List<Profile> supported = runtime.profiles().stream().sorted(Comparator.comparingInt(Profile::id)).toList();
        String wanted = System.getProperty(PROFILES, "").trim();
        if (wanted.isEmpty()) {
            return supported;
        }
        List<Profile> chosen = new ArrayList<>();
        for (String name : wanted.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            Profile p = Profile.fromCliName(name.trim());
            if (!supported.contains(p)) {
                throw new IllegalArgumentException("-D" + PROFILES + " names " + p.cliName() + ", which the "
                        + provider() + " provider does not support here (it supports " + supported + ")");
            }
            chosen.add(p);
        }
        return chosen;
    }
}
