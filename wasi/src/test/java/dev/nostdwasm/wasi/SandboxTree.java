package dev.nostdwasm.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A preopen {@code outer/root} beside a sentinel file {@code outer/sentinel.txt}, on Jimfs or the
 * default file system, with links that point out of the preopen and back into it:
 *
 * <pre>
 * outer/sentinel.txt      SECRET
 * outer/root/file.txt     inside
 * outer/root/a/b/         (directories)
 * outer/root/a/b/back  -> ../../file.txt
 * outer/root/inner     -> a/b
 * outer/root/up        -> ../sentinel.txt
 * outer/root/updir     -> ..
 * outer/root/abs       -> (the sentinel's absolute path)
 * outer/root/loop1     -> loop2,  loop2 -> loop1
 * </pre>
 *
 * {@link #assertNothingEscaped()} checks that nothing outside the preopen was read, changed,
 * added or removed.
 */
final class SandboxTree implements AutoCloseable {
    static final String SECRET = "SECRET";

    final Path outer;
    final Path root;
    final Path sentinel;
    private final FileSystem jimfs;
    private final FileTime sentinelModified;

    private SandboxTree(Path base, FileSystem jimfs) throws IOException {
        this.jimfs = jimfs;
        outer = Files.createDirectories(base.resolve("outer"));
        sentinel = Files.writeString(outer.resolve("sentinel.txt"), SECRET);
        root = Files.createDirectory(outer.resolve("root"));
        Files.writeString(root.resolve("file.txt"), "inside");
        Files.createDirectories(root.resolve("a/b"));
        Files.createSymbolicLink(root.resolve("a/b/back"), root.getFileSystem().getPath("../../file.txt"));
        Files.createSymbolicLink(root.resolve("inner"), root.getFileSystem().getPath("a/b"));
        Files.createSymbolicLink(root.resolve("up"), root.getFileSystem().getPath("../sentinel.txt"));
        Files.createSymbolicLink(root.resolve("updir"), root.getFileSystem().getPath(".."));
        Files.createSymbolicLink(root.resolve("abs"), sentinel.toAbsolutePath());
        Files.createSymbolicLink(root.resolve("loop1"), root.getFileSystem().getPath("loop2"));
        Files.createSymbolicLink(root.resolve("loop2"), root.getFileSystem().getPath("loop1"));
        sentinelModified = Files.getLastModifiedTime(sentinel);
    }

    /** The file systems every sandbox test runs on. */
    static Stream<String> fileSystems() {
        return Stream.of("default", "jimfs");
    }

    /** A tree on {@code fileSystem} ("default": in {@code tempDir}; "jimfs": in memory). */
    static SandboxTree on(String fileSystem, Path tempDir) throws IOException {
        if (fileSystem.equals("jimfs")) {
            FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
            return new SandboxTree(fs.getPath("/work"), fs);
        }
        return new SandboxTree(tempDir, null);
    }

    /** The preopen's directory descriptor, as the guest gets it. */
    DirectoryDescriptor preopen(boolean readOnly) {
        return new DirectoryDescriptor(new Preopen(root, "/", readOnly), List.of(), "/");
    }

    /** Fails when anything outside {@code root} changed: the sentinel's bytes and time, and what {@code outer} holds. */
    void assertNothingEscaped() throws IOException {
        assertEquals(SECRET, Files.readString(sentinel), "the sentinel's content changed");
        assertEquals(sentinelModified, Files.getLastModifiedTime(sentinel), "the sentinel's time changed");
        Set<String> names = new TreeSet<>();
        try (Stream<Path> list = Files.list(outer)) {
            list.forEach(p -> names.add(p.getFileName().toString()));
        }
        assertEquals(Set.of("root", "sentinel.txt"), names, "something was added to or removed from outside the preopen");
        if (Files.exists(root.getParent().getParent().resolve("stolen"))) {
            fail("a file appeared beside the sentinel tree");
        }
    }

    @Override
    public void close() throws IOException {
        if (jimfs != null) {
            jimfs.close();
        }
    }
}
