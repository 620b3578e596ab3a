package dev.nostdwasm.it.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nostdwasm.api.Architecture;
import dev.nostdwasm.api.Engine;
import dev.nostdwasm.api.EngineConfig;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.it.support.ProviderSuite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
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
 * The WebAssembly spec test suite, converted by {@code it-tests/scripts/convert-spec.sh}
 * (conformance/FORMAT.md), run through {@link #provider()}: one container per profile, one per
 * {@code .wast} file, one test per command, named {@code <suite>/<stem>.wast:<line>}. Each file
 * runs in a fresh store and linker; one engine per profile serves all files. The counts go to
 * {@code summary.tsv} (see {@link ResultRow}).
 *
 * <p>System properties: {@value #DIR} (the converter's output), {@value #OUT} (where results go),
 * {@value #FILES} (comma-separated globs over {@code <suite>/<stem>}, default all) and {@value
 * #PROFILES} (comma-separated profile names, default every profile the runtime supports here).
 */
public abstract class ConformanceSuite extends ProviderSuite {

    static final String DIR = "nsw.conformance.dir";
    static final String OUT = "nsw.conformance.out";
    static final String FILES = "nsw.conformance.files";
    static final String PROFILES = "nsw.conformance.profiles";

    /** One converted {@code .wast} file of index.json. */
    record SpecFile(String suite, String stem, String path) {
        String name() {
            return suite + "/" + stem;
        }
    }

    @TestFactory
    Stream<DynamicNode> spec() {
        Path dir = Paths.get(System.getProperty(DIR, "target/conformance/spec"));
        Path out = Paths.get(System.getProperty(OUT, "target/conformance"));
        List<SpecFile> files = selected(index(dir));
        List<Profile> profiles = profilesToRun();
        return profiles.stream().map(p -> (DynamicNode) profile(p, dir, out, files));
    }

    /** The provider as shown in summary.tsv: the Java 17 run of a provider gets its own row. */
    private String providerLabel() {
        int feature = Runtime.version().feature();
        return feature >= 22 ? provider() : provider() + "-java" + feature;
    }

    private DynamicContainer profile(Profile profile, Path dir, Path out, List<SpecFile> files) {
        String target = profile == Profile.PULLEY ? "pulley64" : Architecture.current().id();
        ResultRow row = new ResultRow(providerLabel(), profile.cliName(), Architecture.current().id());
        Engine[] engine = new Engine[1];
        Stream<DynamicNode> children = files.stream()
                .map(f -> (DynamicNode) file(f, dir.resolve(f.suite()).resolve(f.stem()), profile, target, row, engine))
                .onClose(() -> {
                    row.stopClock();
                    if (engine[0] != null) {
                        engine[0].close();
                    }
                    row.write(out);
                    System.out.printf(Locale.ROOT, "conformance %s: %d files, %d passed, %d failed, %d skipped in %.1f s%n",
                            row.key(), row.files, row.passed, row.failed, row.skipped, row.seconds());
                });
        return DynamicContainer.dynamicContainer(provider() + " · " + profile.cliName(), children);
    }

    private DynamicContainer file(SpecFile f, Path fileDir, Profile profile, String target, ResultRow row,
            Engine[] engine) {
        String source = f.name() + ".wast";
        // Built when JUnit reaches this file, so only one file's commands are in memory at a time.
        Stream<DynamicNode> tests = Stream.of(f).flatMap(x -> {
            row.startClock();
            row.files++;
            List<JsonNode> commands;
            WastScript script;
            try {
                if (engine[0] == null) {
                    engine[0] = runtime.newEngine(EngineConfig.of(profile));
                }
                commands = WastScript.commands(fileDir);
                script = new WastScript(engine[0], fileDir, source, profile, target);
            } catch (RuntimeException e) {
                row.failed++;
                return Stream.of(DynamicTest.dynamicTest(source + ":0", () -> {
                    throw e;
                }));
            }
            return commands.stream()
                    .map(c -> (DynamicNode) DynamicTest.dynamicTest(source + ":" + c.path("line").asInt(),
                            () -> run(script, c, source, row)))
                    .onClose(script::close);
        });
        return DynamicContainer.dynamicContainer(source, tests);
    }

    private static void run(WastScript script, JsonNode c, String source, ResultRow row) {
        try {
            script.run(c);
        } catch (WastValues.Unobservable e) {
            row.skip(source, c.path("line").asInt(), e.getMessage());
            throw new TestAbortedException(e.getMessage());
        } catch (AssertionError | RuntimeException e) {
            row.failed++;
            // Surefire's summary shows only the message: name the command there.
            throw new AssertionError(source + ":" + c.path("line").asInt() + " " + c.path("type").asText() + ": "
                    + (e instanceof AssertionError ? e.getMessage() : e.toString()), e);
        }
        if (WastScript.isAssertion(c)) {
            row.passed++;
        }
    }

    /** The files of index.json, in order. */
    static List<SpecFile> index(Path dir) {
        Path index = dir.resolve("index.json");
        if (!Files.isRegularFile(index)) {
            throw new IllegalStateException("the converted spec suite is missing: " + index.toAbsolutePath()
                    + " does not exist. Create it from the repository root with\n"
                    + "    rust-nostd/scripts/build.sh x86_64\n"
                    + "    bash it-tests/scripts/convert-spec.sh rust-nostd/target/native it-tests/target/conformance/spec\n"
                    + "or point -D" + DIR + " at a directory the converter wrote.");
        }
        try {
            JsonNode root = new ObjectMapper().readTree(index.toFile());
            List<SpecFile> files = new ArrayList<>();
            for (JsonNode f : root.path("files")) {
                files.add(new SpecFile(WastValues.text(f, "suite"), WastValues.text(f, "stem"), f.path("path").asText()));
            }
            if (files.isEmpty()) {
                throw new IllegalStateException(index + " lists no files: rerun it-tests/scripts/convert-spec.sh");
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + index, e);
        }
    }

    /** The files {@value #FILES} selects (all when unset). */
    static List<SpecFile> selected(List<SpecFile> files) {
        String globs = System.getProperty(FILES, "").trim();
        if (globs.isEmpty()) {
            return files;
        }
        List<PathMatcher> matchers = Arrays.stream(globs.split(","))
                .map(String::trim)
                .filter(g -> !g.isEmpty())
                .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g))
                .toList();
        List<SpecFile> chosen = files.stream()
                .filter(f -> matchers.stream().anyMatch(m -> m.matches(Paths.get(f.name()))))
                .toList();
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("-D" + FILES + "=" + globs + " selects none of the " + files.size()
                    + " converted files; the globs match <suite>/<stem>, e.g. wasm-v2/i32 or 'proposals/simd/*'");
        }
        return chosen;
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
