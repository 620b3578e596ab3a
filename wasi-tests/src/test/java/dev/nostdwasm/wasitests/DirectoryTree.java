package dev.nostdwasm.wasitests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What a directory holds, in a form two runs can be compared by: every path below it (relative, with
 * {@code /}, sorted, names that are not UTF-8 as the JDK decodes them) mapped to what it is. A file is
 * its size and the SHA-256 of its bytes, a symbolic link its target (never followed), a directory just
 * that. Times, permissions and inode numbers are left out: they differ between any two runs.
 */
final class DirectoryTree {

    private final SortedMap<String, String> entries;

    private DirectoryTree(SortedMap<String, String> entries) {
        this.entries = entries;
    }

    /** Takes the snapshot of everything below {@code root}. */
    static DirectoryTree of(Path root) throws IOException {
        SortedMap<String, String> entries = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (path.equals(root)) {
                    continue;
                }
                entries.put(root.relativize(path).toString().replace('\\', '/'), describe(path));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new DirectoryTree(entries);
    }

    private static String describe(Path path) throws IOException {
        if (Files.isSymbolicLink(path)) {
            return "symlink -> " + Files.readSymbolicLink(path);
        }
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return "directory";
        }
        if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = Files.readAllBytes(path);
            return "file, " + bytes.length + " bytes, sha256 " + sha256(bytes);
        }
        return "other";
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** One line per entry, {@code path: what it is}: the form reports show. */
    String canonical() {
        StringBuilder text = new StringBuilder();
        entries.forEach((path, what) -> text.append(path).append(": ").append(what).append('\n'));
        return text.toString();
    }

    /** Every path whose entry differs, as {@code path: <this> vs <other>} lines; empty when the trees are equal. */
    List<String> differencesFrom(DirectoryTree other) {
        List<String> differences = new ArrayList<>();
        TreeSet<String> paths = new TreeSet<>(entries.keySet());
        paths.addAll(other.entries.keySet());
        for (String path : paths) {
            String mine = entries.getOrDefault(path, "absent");
            String theirs = other.entries.getOrDefault(path, "absent");
            if (!mine.equals(theirs)) {
                differences.add(path + ": " + mine + " vs " + theirs);
            }
        }
        return differences;
    }

    /** The paths at the top level, e.g. to see whether anything appeared next to a preopened directory. */
    List<String> topLevel() {
        return entries.keySet().stream().filter(p -> !p.contains("/")).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DirectoryTree other && entries.equals(other.entries);
    }

    @Override
    public int hashCode() {
        return Objects.hash(entries);
    }

    @Override
    public String toString() {
        return canonical();
    }
}
