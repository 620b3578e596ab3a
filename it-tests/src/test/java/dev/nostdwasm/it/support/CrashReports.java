package dev.nostdwasm.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The hs_err files a forked JVM wrote into its own error directory (tests that fork JVMs). */
public final class CrashReports {
    private CrashReports() {
    }

    /** Every report in {@code dir}, each under a {@code --- name ---} line; deletes them and {@code dir}. */
    public static String collect(Path dir) throws IOException {
        StringBuilder reports = new StringBuilder();
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.sorted().toList();
        }
        for (Path f : files) {
            reports.append("\n--- ").append(f.getFileName()).append(" ---\n")
                    .append(Files.readString(f, StandardCharsets.ISO_8859_1));
            Files.delete(f);
        }
        Files.delete(dir);
        return reports.toString();
    }
}
