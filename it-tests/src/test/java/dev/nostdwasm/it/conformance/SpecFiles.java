package dev.nostdwasm.it.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The converted {@code .wast} files (conformance/FORMAT.md): the converter's {@code index.json}
 * under {@value #DIR} (default {@code target/conformance/spec}), narrowed by {@value #FILES}
 * (comma-separated globs over {@code <suite>/<stem>}, default all).
 */
final class SpecFiles {

    static final String DIR = "nostdwasm.conformance.dir";
    static final String FILES = "nostdwasm.conformance.files";

    /** One converted {@code .wast} file of index.json. */
    record SpecFile(String suite, String stem) {
        String name() {
            return suite + "/" + stem;
        }

        /** As the tests name it: {@code <suite>/<stem>.wast}. */
        String source() {
            return name() + ".wast";
        }

        /** The directory of its commands.json and artifacts. */
        Path dir(Path root) {
            return root.resolve(suite).resolve(stem);
        }
    }

    private SpecFiles() {}

    /** The converter's output directory. */
    static Path dir() {
        return Paths.get(System.getProperty(DIR, "target/conformance/spec"));
    }

    /** The files {@value #FILES} selects among those of index.json, in order. */
    static List<SpecFile> selected(Path dir) {
        return select(index(dir));
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
                files.add(new SpecFile(WastValues.text(f, "suite"), WastValues.text(f, "stem")));
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
    static List<SpecFile> select(List<SpecFile> files) {
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
}
