package dev.nostdwasm.it.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The counts of one provider × profile × target run, and the files they are written to.
 *
 * <p>What is counted: {@code passed} is the number of {@code assert_*} commands that passed
 * (including {@code assert_invalid}/{@code assert_malformed}, which the converter checked);
 * {@code failed} is the number of commands of any type that failed (an {@code assert_*}, or a
 * {@code module}/{@code module_instance}/{@code register}/{@code action} that should have
 * worked, so a broken module is never invisible); {@code skipped} is the number of {@code skip}
 * commands plus commands whose values cannot cross the C ABI (typed function and GC
 * references). Successful {@code module}, {@code module_instance}, {@code register} and {@code
 * action} commands are not counted.
 *
 * <p>Each run writes {@code <out>/rows/<row>.tsv} (one line) and {@code <out>/rows/<row>.skips.tsv},
 * then regenerates {@code <out>/summary.tsv} and {@code <out>/skips.tsv} from every row file,
 * so the forked JVMs of each provider (and the Java 17 run) never overwrite each other.
 */
final class ResultRow {

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

    /** Writes this row's files and regenerates summary.tsv and skips.tsv under {@code out}. */
    synchronized void write(Path out) {
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
