package dev.nostdwasm.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The path sandbox against every way out of a preopen ({@code ..}, absolute paths, links that
 * were there and links the guest makes, hard links, renames) and a read-only preopen's refusals,
 * on Jimfs and the default file system. After each test nothing outside the preopen changed.
 */
class SandboxTest {
    private static final int READ = 0;
    private static final int CREATE_WRITE = WasiAbi.OFLAGS_CREAT | WasiAbi.OFLAGS_TRUNC;
    private static final int FOLLOW = WasiAbi.LOOKUP_SYMLINK_FOLLOW;

    @TempDir
    Path tempDir;

    private SandboxTree tree;

    private DirectoryDescriptor dir(String fileSystem) throws IOException {
        tree = SandboxTree.on(fileSystem, tempDir);
        return tree.preopen(false);
    }

    @AfterEach
    void nothingEscaped() throws IOException {
        if (tree != null) {
            tree.assertNothingEscaped();
            tree.close();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.nostdwasm.wasi.SandboxTree#fileSystems")
    void dotDotAtTheRootIsRefused(String fs) throws IOException, ErrnoException {
        DirectoryDescriptor dir = dir(fs);
        for (String path : List.of("..", "../sentinel.txt", "a/../..", "a/b/../../..", "./../root", "inner/../../..")) {
            assertErrno(Errno.PERM, () -> PathResolver.resolve(dir, path, true), path);
        }
        assertTrue(PathResolver.resolve(dir, "a/..", false).isRoot());
        assertTrue(PathResolver.resolve(dir, "inner/../..", true).isRoot(), "inner is a/b, so two levels up is the root");
    }

    @ParameterizedTest
    @MethodSource("dev.nostdwasm.wasi.SandboxTree#fileSystems")
    void absolutePathsAreRefused(String fs) throws IOException {
        DirectoryDescriptor dir = dir(fs);
        assertErrno(Errno.PERM, () -> PathResolver.resolve(dir, "/", true), "/");
        assertErrno(Errno.PERM, () -> PathResolver.resolve(dir, tree.sentinel.toAbsolutePath().toString(), true), "sentinel");
        assertErrno(Errno.PERM, () -> open(dir, FOLLOW, "/etc/passwd", READ, true, false), "/etc/passwd");
    }

    @ParameterizedTest
    @MethodSource("dev.nostdwasm.wasi.SandboxTree#fileSystems")
    void linksOutOfThePreopenAreRefused(String fs) throws IOException, ErrnoException {
        DirectoryDescriptor dir = dir(fs);
        assertErrno(Errno.PERM, () -> open(dir, FOLLOW, "up", READ, true, false), "up");
        assertErrno(Errno.PERM, () -> open(dir, FOLLOW, "updir/sentinel.txt", READ, true, false), "updir/sentinel.txt");
        assertErrno(Errno.PERM, () -> open(dir, FOLLOW, "abs", READ, true, false), "abs");
        assertErrno(Errno.PERM, () -> open(dir, 0, "updir/root/file.txt", READ, true, false), "a link as a directory is always followed");
        assertErrno(Errno.PERM, () -> PathOperations.stat(dir, FOLLOW, "up"), "stat up");
        assertErrno(Errno.PERM, () -> open(dir, FOLLOW, "up", CREATE_WRITE, false, true), "create through up");
        // Not followed, a link is only itself.
        assertEquals(WasiAbi.FILETYPE_SYMBOLIC_LINK, PathOperations.stat(dir, 0, "up").filetype());
        assertErrno(Errno.LOOP, () -> open(dir, 0, "up", READ, true, false), "open up without following");
        assertEquals("../sentinel.txt", PathOperations.readlink(dir, "up"));
    }

    @ParameterizedTest
    @MethodSource("dev.nostdwasm.wasi.SandboxTree#fileSystems")
    void linksInsideThePreopenResolve(String fs) throws IOException, ErrnoException {
        DirectoryDescriptor dir = dir(fs);
        assertEquals("inside", read(open(dir, FOLLOW, "a/b/back", READ, true, false)));
        assertEquals("inside", read(open(dir, FOLLOW, "inner/back", READ, true, false)));
        assertEquals(WasiAbi.FILETYPE_DIRECTORY, PathOperations.stat(dir, FOLLOW, "inner").filetype());
        Descriptor opened = open(dir, FOLLOW, "inner", READ, true, false);
        assertTrue(opened instanceof DirectoryDescriptor d && d.components().equals(List.of("a", "b")), "inner opens a/b");
        assertEquals("inside", read(open((DirectoryDescriptor) opened, FOLLOW, "../../file.txt", READ, true, false)));
        assertErrno(Errno.PERM, () -> open((DirectoryDescriptor) opened, FOLLOW, "../../../sentinel.txt", READ, true, false), "from a/b");
    }

    @ParameterizedTest
    @MethodSource("dev.nostdwasm.wasi.SandboxTree#fileSystems")
    void linkLoopsEndInLoop(String fs) throws IOException {
        DirectoryDescriptor dir = dir(fs);
        assertErrno(Errno.LOOP, () -> PathOperations.stat(dir, FOLLOW, "loop1"), "loop1");
        assertErrno(Errno.LOOP, () -> open(dir, FOLLOW, "loop2/x", READ, true, false), "loop2/x");
    }

    @ParameterizedTest
    @MethodSource("dev.nostdwasm.wasi.SandboxTree#fileSystems")
    void linksTheGuestMakesCannotLeadOut(String fs) throws IOException, ErrnoException {
        DirectoryDescriptor dir = dir(fs);
        PathOperations.symlink("../sentinel.txt", dir, "mine");
        PathOperations.symlink("a/../../root/../sentinel.txt", dir, "mine2");
        assertErrno(Errno.PERM, () -> open(dir, FOLLOW, "mine", READ, true, false), "mine");
        assertErrno(Errno.PERM, () -> open(dir, FOLLOW, "mine2", CREATE_WRITE, false, true), "mine2");
        assertErrno(Errno.PERM, () -> PathOperations.symlink(tree.sentinel.toAbsolutePath().toString(), dir, "abs2"), "absolute target");
        assertFalse(Files.exists(tree.root.resolve("abs2"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    @ParameterizedTest
    @MethodSource("dev.nostdwasm.wasi.SandboxTree#fileSystems")
    void hardLinksReachNothingOutside(String fs) throws IOException, ErrnoException {
        DirectoryDescriptor dir = dir(fs);
        assertErrno(Errno.PERM, () -> PathOperations.link(dir, FOLLOW, "up", dir, "hard"), "follow up");
        assertErrno(Errno.PERM, () -> PathOperations.link(dir, 0, "../sentinel.txt", dir, "hard"), "..");
        assertErrno(Errno.PERM, () -> PathOperations.link(dir, 0, "file.txt", dir, "../stolen"), "target outside");
        // A link to a link is a copy of the link, never a link to what it points at.
        PathOperations.link(dir, 0, "up", dir, "uplink");
        assertErrno(Errno.PERM, () -> open(dir, FOLLOW, "uplink", READ, true, false), "uplink");
        PathOperations.link(dir, 0, "file.txt", dir, "hard");
        assertEquals("inside", read(open(dir, 0, "hard", READ, true, false)));
    }

    @ParameterizedTest
    @MethodSource("dev.nostdwasm.wasi.SandboxTree#fileSystems")
    void renamesStayInside(String fs) throws IOException, ErrnoException {
        DirectoryDescriptor dir = dir(fs);
        assertErrno(Errno.PERM, () -> PathOperations.rename(dir, "file.txt", dir, "../stolen"), "to outside");
        assertErrno(Errno.PERM, () -> PathOperations.rename(dir, "updir/sentinel.txt", dir, "got"), "from outside");
        assertErrno(Errno.INVAL, () -> PathOperations.rename(dir, ".", dir, "x"), "the root");
        assertErrno(Errno.INVAL, () -> PathOperations.rename(dir, "a/..", dir, "x"), "the root by ..");
        PathOperations.rename(dir, "up", dir, "a/up2"); // moves the link itself
        // Moved, it points at root/sentinel.txt, which does not exist: the link is read where it is.
        assertErrno(Errno.NOENT, () -> open(dir, FOLLOW, "a/up2", READ, true, false), "a/up2");
        PathOperations.unlinkFile(dir, "a/up2"); // removes the link, not its target
    }

    @ParameterizedTest
    @MethodSource("dev.nostdwasm.wasi.SandboxTree#fileSystems")
    void aReadOnlyPreopenRefusesEveryChange(String fs) throws IOException, ErrnoException {
        dir(fs);
        DirectoryDescriptor dir = tree.preopen(true);
        assertErrno(Errno.PERM, () -> open(dir, 0, "file.txt", READ, true, true), "open for writing");
        assertErrno(Errno.PERM, () -> open(dir, 0, "new.txt", WasiAbi.OFLAGS_CREAT, true, false), "create");
        assertErrno(Errno.PERM, () -> open(dir, 0, "file.txt", WasiAbi.OFLAGS_TRUNC, true, false), "truncate");
        assertErrno(Errno.PERM, () -> PathOperations.createDirectory(dir, "d"), "mkdir");
        assertErrno(Errno.PERM, () -> PathOperations.removeDirectory(dir, "a/b"), "rmdir");
        assertErrno(Errno.PERM, () -> PathOperations.unlinkFile(dir, "file.txt"), "unlink");
        assertErrno(Errno.PERM, () -> PathOperations.rename(dir, "file.txt", dir, "f2"), "rename");
        assertErrno(Errno.PERM, () -> PathOperations.symlink("file.txt", dir, "s"), "symlink");
        assertErrno(Errno.PERM, () -> PathOperations.link(dir, 0, "file.txt", dir, "h"), "link");
        assertErrno(Errno.PERM, () -> PathOperations.setTimes(dir, 0, "file.txt", 0, 0, WasiAbi.FSTFLAGS_MTIM), "times");
        assertEquals("inside", read(open(dir, 0, "file.txt", READ, true, false)));
        assertEquals("inside", Files.readString(tree.root.resolve("file.txt")));
    }

    @ParameterizedTest
    @MethodSource("dev.nostdwasm.wasi.SandboxTree#fileSystems")
    void openFlagsBehaveAsPosix(String fs) throws IOException, ErrnoException {
        DirectoryDescriptor dir = dir(fs);
        int exclusive = WasiAbi.OFLAGS_CREAT | WasiAbi.OFLAGS_EXCL;
        assertErrno(Errno.EXIST, () -> open(dir, 0, "file.txt", exclusive, false, true), "O_EXCL on a file");
        assertErrno(Errno.NOENT, () -> open(dir, 0, "missing", READ, true, false), "missing");
        assertErrno(Errno.NOTDIR, () -> open(dir, 0, "file.txt", WasiAbi.OFLAGS_DIRECTORY, true, false), "O_DIRECTORY");
        assertErrno(Errno.NOTDIR, () -> open(dir, 0, "file.txt/x", READ, true, false), "through a file");
        assertErrno(Errno.ISDIR, () -> open(dir, 0, "a", READ, false, true), "a directory for writing");
        assertErrno(Errno.INVAL, () -> open(dir, 0, "file.txt", 16, true, false), "an unknown oflag");
        FileDescriptor created = (FileDescriptor) open(dir, 0, "new.txt", exclusive, false, true);
        created.channel.write(ByteBuffer.wrap("new".getBytes(StandardCharsets.UTF_8)));
        created.close();
        assertEquals("new", Files.readString(tree.root.resolve("new.txt")));
        FileDescriptor truncated = (FileDescriptor) open(dir, 0, "new.txt", WasiAbi.OFLAGS_TRUNC, true, true);
        assertEquals(0, truncated.channel.size());
        truncated.close();
    }

    @ParameterizedTest
    @MethodSource("dev.nostdwasm.wasi.SandboxTree#fileSystems")
    void directoriesAreCreatedListedAndRemoved(String fs) throws IOException, ErrnoException {
        DirectoryDescriptor dir = dir(fs);
        PathOperations.createDirectory(dir, "d/");
        assertErrno(Errno.EXIST, () -> PathOperations.createDirectory(dir, "d"), "twice");
        Files.writeString(tree.root.resolve("d/f"), "x");
        assertErrno(Errno.NOTEMPTY, () -> PathOperations.removeDirectory(dir, "d"), "not empty");
        assertErrno(Errno.ISDIR, () -> PathOperations.unlinkFile(dir, "d"), "unlink a directory");
        assertErrno(Errno.NOTDIR, () -> PathOperations.removeDirectory(dir, "d/f"), "rmdir a file");
        DirectoryDescriptor d = (DirectoryDescriptor) open(dir, 0, "d", WasiAbi.OFLAGS_DIRECTORY, true, false);
        List<String> names = PathOperations.list(d).stream().map(PathOperations.DirEntry::name).toList();
        assertEquals(List.of(".", "..", "f"), names);
        PathOperations.unlinkFile(dir, "d/f");
        PathOperations.removeDirectory(dir, "d");
        assertFalse(Files.exists(tree.root.resolve("d")));
        assertErrno(Errno.INVAL, () -> PathOperations.removeDirectory(dir, "."), "the preopen itself");
        assertErrno(Errno.INVAL, () -> PathOperations.removeDirectory(dir, "a/b/.."), "a by ..");
        assertErrno(Errno.ISDIR, () -> PathOperations.unlinkFile(dir, "a/."), "a by .");
        assertTrue(Files.isDirectory(tree.root.resolve("a")));
    }

    @ParameterizedTest
    @MethodSource("dev.nostdwasm.wasi.SandboxTree#fileSystems")
    void openDescriptorsFollowTheGuestsRenames(String fs) throws IOException, ErrnoException {
        DirectoryDescriptor dir = dir(fs);
        FdTable fds = new FdTable();
        int b = fds.add(open(dir, 0, "a/b", READ, true, false));
        int file = fds.add(open(dir, 0, "file.txt", READ, true, false));
        fds.moved(PathOperations.rename(dir, "a", dir, "c"));
        fds.moved(PathOperations.rename(dir, "file.txt", dir, "c/moved.txt"));

        DirectoryDescriptor movedB = fds.directory(b);
        assertEquals(List.of("c", "b"), movedB.components());
        assertEquals("inside", read(open(movedB, FOLLOW, "../moved.txt", READ, true, false)));
        assertEquals(List.of("c", "moved.txt"), fds.file(file).resolved.components());
        fds.close(file);
    }

    private static Descriptor open(DirectoryDescriptor dir, int lookup, String path, int oflags, boolean read, boolean write)
            throws ErrnoException, IOException {
        return PathOperations.open(dir, lookup, path, oflags, read, write, 0);
    }

    private static String read(Descriptor d) throws IOException {
        FileDescriptor f = (FileDescriptor) d;
        ByteBuffer buffer = ByteBuffer.allocate(100);
        f.channel.read(buffer);
        f.close();
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }

    /** An operation of the sandbox. */
    interface Operation {
        void run() throws Exception;
    }

    /** Fails unless {@code operation} fails with {@code errno}, as the guest would see it. */
    static void assertErrno(int errno, Operation operation, String what) {
        try {
            operation.run();
        } catch (Exception e) {
            assertEquals(errno, Errno.of(e), what + ": " + e);
            return;
        }
        fail(what + ": succeeded, expected errno " + errno);
    }
}
