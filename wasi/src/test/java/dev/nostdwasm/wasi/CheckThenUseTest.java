package dev.nostdwasm.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window between the sandbox's check and the operation, on the default file system: another
 * process replaces a checked directory with a link to the outside after {@link PathResolver}
 * resolved a path and before the operation runs. The operation's walk ({@link ParentDirectory})
 * must refuse instead of following the link.
 */
class CheckThenUseTest {

    @TempDir
    Path dir;

    @Test
    void aDirectorySwappedForALinkAfterTheCheckIsNotFollowed() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root/a/b"));
        root = dir.resolve("root");
        Files.writeString(root.resolve("a/b/file"), "inside");
        Path outside = Files.createDirectories(dir.resolve("outside/b"));
        Files.writeString(outside.resolve("file"), SandboxTree.SECRET);
        DirectoryDescriptor preopen = new DirectoryDescriptor(new Preopen(root, "/", false), List.of(), "/");

        PathResolver.Resolved checked = PathResolver.resolve(preopen, "a/b/file", false);
        try (ParentDirectory parent = ParentDirectory.open(checked)) {
            assertTrue(parent.isSecure(), "the default file system has secure directory streams here");
        }
        // The swap: root/a becomes a link to the outside.
        Files.move(root.resolve("a"), root.resolve("a-old"));
        Files.createSymbolicLink(root.resolve("a"), dir.resolve("outside"));
        // Going by path would now reach the outside file: what the walk must prevent.
        try (SeekableByteChannel byPath = Files.newByteChannel(checked.hostPath(), StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(64);
            byPath.read(b);
            assertEquals(SandboxTree.SECRET, new String(b.array(), 0, b.position(), StandardCharsets.UTF_8));
        }

        SandboxTest.assertErrno(Errno.LOOP, () -> ParentDirectory.open(checked).close(), "the walk to a/b");
        SandboxTest.assertErrno(Errno.LOOP, () -> {
            try (ParentDirectory parent = ParentDirectory.open(checked)) {
                parent.newByteChannel(Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)).close();
            }
        }, "open");
        SandboxTest.assertErrno(Errno.LOOP, () -> {
            try (ParentDirectory parent = ParentDirectory.open(checked)) {
                parent.deleteFile();
            }
        }, "unlink");
        assertEquals(SandboxTree.SECRET, Files.readString(outside.resolve("file")));
    }
}
