package dev.nostdwasm.it.stress;

import dev.nostdwasm.it.support.Artifacts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The figures of the stress and soak runs, for the release note: each test case appends its line
 * to {@code target/stress/<section>.txt} (the section file is truncated when a test class starts),
 * and {@code target/stress/summary.txt} is rebuilt from every section file after each line.
 */
final class SummaryFile {
    private SummaryFile() {}

    /** {@code target/stress}, next to the artifacts directory surefire names. */
    static Path dir() {
        Path artifacts = Artifacts.dir().toAbsolutePath();
        Path target = artifacts.getParent() != null ? artifacts.getParent() : Path.of("target");
        return target.resolve("stress");
    }

    /** Empties {@code section} (at the start of a test class: its figures are this run's only). */
    static synchronized void reset(String section, String header) {
        try {
            Files.createDirectories(dir());
            Files.writeString(dir().resolve(section + ".txt"), "## " + header + "\n", StandardCharsets.UTF_8);
            rebuild();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends {@code line} to {@code section} and rebuilds summary.txt. */
    static synchronized void append(String section, String line) {
        try {
            Files.createDirectories(dir());
            Files.writeString(dir().resolve(section + ".txt"), line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            rebuild();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void rebuild() throws IOException {
        List<Path> sections;
        try (Stream<Path> files = Files.list(dir())) {
            sections = files.filter(p -> p.getFileName().toString().endsWith(".txt"))
                    .filter(p -> !p.getFileName().toString().equals("summary.txt"))
                    .sorted()
                    .collect(Collectors.toList());
        }
        StringBuilder all = new StringBuilder();
        for (Path p : sections) {
            all.append(Files.readString(p, StandardCharsets.UTF_8)).append('\n');
        }
        Files.writeString(dir().resolve("summary.txt"), all.toString(), StandardCharsets.UTF_8);
    }
}
