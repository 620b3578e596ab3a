package dev.nostdwasm.it.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The counts of one row: a provider × profile × target run of the runtime assertions, or the
 * converter's answers to the validation and decoding assertions ({@link SpecConversionTest}).
 *
 * <p>What is counted (the tests of the row, see {@link CommandRole}): {@code passed} is the
 * number of assertions that held; {@code failed} the number of tests that failed (an assertion,
 * or the setup commands before it, or setup commands after a file's last assertion, so a broken
 * module is never invisible); {@code skipped} the number of tests that could not run, each with
 * its reason in {@code skips.tsv}: {@code skip} commands of the converter, and assertions whose
 * values cannot cross the C ABI (typed function and GC references). Setup commands are never
 * counted as passed.
 *
 * <p>Each row writes {@code <out>/rows/<row>.tsv} (one line) and {@code <out>/rows/<row>.skips.tsv},
 * then regenerates {@code <out>/summary.tsv} and {@code <out>/skips.tsv} from every row file,
 * so the forked JVMs of each provider (and the Java 17 run) never overwrite each other. {@code
 * <out>} is the system property {@value #OUT} (default {@code target/conformance}).
 */
final class ResultRow {

    static final String OUT = "nostdwasm.conformance.out";
    static final String HEADER = "provider\tprofile\ttarget\tfiles\tpassed\tfailed\tskipped";

    final String provider;
    final String profile;
    final String target;
    int files;
    int passed;
    int failed;
    int skipped;
    private long startNanos;
    private long elapsedNanos;
    private final List<String> skips = new ArrayList<>();

    ResultRow(String provider, String profile, String target) {
        this.provider = provider;
        this.profile = profile;
        this.target = target;
    }

    void startClock() {
        if (startNanos == 0) {
            startNanos = System.nanoTime();
        }
    }

    void stopClock() {
        if (startNanos != 0) {
            elapsedNanos = System.nanoTime() - startNanos;
        }
    }

    double seconds() {
        return elapsedNanos / 1e9;
    }

    void skip(String source, int line, String reason) {
        skipped++;
        skips.add(source + "\t" + line + "\t" + reason.replace('\t', ' ').replace('\n', ' '));
    }

    String key() {
        return provider + "-" + profile + "-" + target;
    }

    String line() {
        return provider + "\t" + profile + "\t" + target + "\t" + files + "\t" + passed + "\t" + failed + "\t" + skipped;
    }

    /** Writes this row's files and regenerates summary.tsv and skips.tsv under {@value #OUT}. */
    synchronized void write() {
        Path out = Paths.get(System.getProperty(OUT, "target/conformance"));
        try {
            Path rows = out.resolve("rows");
            Files.createDirectories(rows);
            replace(rows.resolve(key() + ".tsv"), List.of(line()));
            replace(rows.resolve(key() + ".skips.tsv"), skips);
            replace(rows.resolve(key() + ".time"), List.of(String.format(java.util.Locale.ROOT, "%.1f", seconds())));
            TreeSet<String> all = new TreeSet<>();
            TreeSet<String> allSkips = new TreeSet<>();
            try (Stream<Path> files = Files.list(rows)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    String name = p.getFileName().toString();
                    if (name.endsWith(".skips.tsv")) {
                        allSkips.addAll(Files.readAllLines(p, StandardCharsets.UTF_8));
                    } else if (name.endsWith(".tsv")) {
                        all.addAll(Files.readAllLines(p, StandardCharsets.UTF_8));
                    }
                }
            }
            List<String> summary = new ArrayList<>();
            summary.add(HEADER);
            all.stream().filter(s -> !s.isBlank()).forEach(summary::add);
            replace(out.resolve("summary.tsv"), summary);
            List<String> skipLines = new ArrayList<>();
            skipLines.add("file\tline\treason");
            allSkips.stream().filter(s -> !s.isBlank()).forEach(skipLines::add);
            replace(out.resolve("skips.tsv"), skipLines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the conformance results under " + out, e);
        }
    }

    private static void replace(Path file, List<String> lines) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
