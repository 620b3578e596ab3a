package dev.nostdwasm.wasi;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The {@code path_*} operations in Java terms, each on paths {@link PathResolver} confined to a
 * preopen, and each refusing a change to a read-only preopen with {@code PERM} (what the standard
 * Wasmtime answers). The ABI layer ({@link PathImports}) only moves their arguments and results
 * through guest memory.
 */
final class PathOperations {
    private PathOperations() {}

    /** {@code PERM} when {@code preopen} is read-only. */
    static void requireWritable(Preopen preopen) throws ErrnoException {
        if (preopen.readOnly()) {
            throw new ErrnoException(Errno.PERM);
        }
    }

    /** {@code INVAL} when {@code value} has a bit outside {@code known}. */
    static void requireKnownFlags(long value, long known) throws ErrnoException {
        if ((value & ~known) != 0) {
            throw new ErrnoException(Errno.INVAL);
        }
    }

    /** {@code path_filestat_get}. */
    static FileStat stat(DirectoryDescriptor dir, int lookupFlags, String path) throws ErrnoException, IOException {
        requireKnownFlags(lookupFlags, WasiAbi.LOOKUP_SYMLINK_FOLLOW);
        return FileStat.of(PathResolver.resolve(dir, path, (lookupFlags & WasiAbi.LOOKUP_SYMLINK_FOLLOW) != 0).hostPath());
    }

    /**
     * {@code path_open}: a {@link DirectoryDescriptor} or a {@link FileDescriptor}, readable
     * and writable as {@code read} and {@code write} (the {@code fd_read} and {@code fd_write}
     * rights) say.
     */
    static Descriptor open(DirectoryDescriptor dir, int lookupFlags, String path, int oflags,
            boolean read, boolean write, int fdflags) throws ErrnoException, IOException {
        requireKnownFlags(lookupFlags, WasiAbi.LOOKUP_SYMLINK_FOLLOW);
        requireKnownFlags(oflags, WasiAbi.OFLAGS_ALL);
        requireKnownFlags(fdflags, WasiAbi.FDFLAGS_ALL);
        boolean create = (oflags & WasiAbi.OFLAGS_CREAT) != 0;
        boolean exclusive = (oflags & WasiAbi.OFLAGS_EXCL) != 0;
        boolean truncate = (oflags & WasiAbi.OFLAGS_TRUNC) != 0;
        boolean directory = (oflags & WasiAbi.OFLAGS_DIRECTORY) != 0;
        if (create || truncate || write) {
            requireWritable(dir.preopen());
        }
        PathResolver.Resolved resolved = PathResolver.resolve(dir, path, (lookupFlags & WasiAbi.LOOKUP_SYMLINK_FOLLOW) != 0);
        Path host = resolved.hostPath();
        BasicFileAttributes attributes = PathResolver.attributesOrNull(host);
        if (attributes != null && create && exclusive) {
            throw new ErrnoException(Errno.EXIST);
        }
        if (attributes != null && attributes.isSymbolicLink()) {
            // Not followed (no SYMLINK_FOLLOW): what O_NOFOLLOW answers.
            throw new ErrnoException(directory ? Errno.NOTDIR : Errno.LOOP);
        }
        if (attributes != null && attributes.isDirectory()) {
            if (write || truncate) {
                throw new ErrnoException(Errno.ISDIR);
            }
            return new DirectoryDescriptor(resolved.preopen(), resolved.components(), null);
        }
        if (directory) {
            throw new ErrnoException(attributes == null ? Errno.NOENT : Errno.NOTDIR);
        }
        if (attributes == null && !create) {
            throw new ErrnoException(Errno.NOENT);
        }
        Set<OpenOption> options = new HashSet<>();
        options.add(LinkOption.NOFOLLOW_LINKS);
        if (read || !write) {
            options.add(StandardOpenOption.READ);
        }
        // Java creates and truncates only through a writable channel; the guest still may not write
        // unless it asked for the right.
        if (write || (create && attributes == null) || (truncate && attributes != null)) {
            options.add(StandardOpenOption.WRITE);
        }
        if (create) {
            options.add(exclusive ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE);
        }
        if (truncate) {
            options.add(StandardOpenOption.TRUNCATE_EXISTING);
        }
        if ((fdflags & WasiAbi.FDFLAGS_SYNC) != 0) {
            options.add(StandardOpenOption.SYNC);
        }
        if ((fdflags & WasiAbi.FDFLAGS_DSYNC) != 0) {
            options.add(StandardOpenOption.DSYNC);
        }
        SeekableByteChannel channel;
        try (ParentDirectory parent = ParentDirectory.open(resolved)) {
            channel = parent.newByteChannel(options);
        }
        FileDescriptor file = new FileDescriptor(resolved, channel, read, write);
        file.append = (fdflags & WasiAbi.FDFLAGS_APPEND) != 0;
        file.nonblock = (fdflags & WasiAbi.FDFLAGS_NONBLOCK) != 0;
        return file;
    }

    /** {@code path_create_directory}. */
    static void createDirectory(DirectoryDescriptor dir, String path) throws ErrnoException, IOException {
        requireWritable(dir.preopen());
        PathResolver.Resolved resolved = PathResolver.resolve(dir, path, false);
        if (resolved.isRoot()) {
            throw new ErrnoException(Errno.EXIST);
        }
        Files.createDirectory(resolved.hostPath());
    }

    /** {@code path_remove_directory}. */
    static void removeDirectory(DirectoryDescriptor dir, String path) throws ErrnoException, IOException {
        requireWritable(dir.preopen());
        refuseDotNames(path, Errno.INVAL); // rmdir(2) of "." or ".."
        PathResolver.Resolved resolved = PathResolver.resolve(dir, path, false);
        requireNotRoot(resolved);
        BasicFileAttributes attributes = existing(resolved.hostPath());
        if (!attributes.isDirectory()) {
            throw new ErrnoException(Errno.NOTDIR);
        }
        try (ParentDirectory parent = ParentDirectory.open(resolved)) {
            parent.deleteDirectory();
        }
    }

    /** {@code path_unlink_file}. */
    static void unlinkFile(DirectoryDescriptor dir, String path) throws ErrnoException, IOException {
        requireWritable(dir.preopen());
        refuseDotNames(path, Errno.ISDIR); // unlink(2) of "." or ".."
        PathResolver.Resolved resolved = PathResolver.resolve(dir, path, false);
        requireNotRoot(resolved);
        if (path.endsWith("/")) {
            throw new ErrnoException(existing(resolved.hostPath()).isDirectory() ? Errno.ISDIR : Errno.NOTDIR);
        }
        if (existing(resolved.hostPath()).isDirectory()) {
            throw new ErrnoException(Errno.ISDIR);
        }
        try (ParentDirectory parent = ParentDirectory.open(resolved)) {
            parent.deleteFile();
        }
    }

    /** {@code path_rename}: replaces a file, or an empty directory, at the destination. */
    static Move rename(DirectoryDescriptor fromDir, String from, DirectoryDescriptor toDir, String to)
            throws ErrnoException, IOException {
        requireWritable(fromDir.preopen());
        requireWritable(toDir.preopen());
        refuseDotNames(from, Errno.INVAL); // rename(2) of "." or ".."
        refuseDotNames(to, Errno.INVAL);
        PathResolver.Resolved source = PathResolver.resolve(fromDir, from, false);
        PathResolver.Resolved target = PathResolver.resolve(toDir, to, false);
        requireNotRoot(source);
        requireNotRoot(target);
        existing(source.hostPath());
        try (ParentDirectory sourceParent = ParentDirectory.open(source);
                ParentDirectory targetParent = ParentDirectory.open(target)) {
            sourceParent.moveTo(targetParent);
        }
        return new Move(source, target);
    }

    /** What {@link #rename} moved: the descriptors open below {@code from} now live below {@code to}. */
    record Move(PathResolver.Resolved from, PathResolver.Resolved to) {}

    /**
     * {@code path_symlink}: a link at {@code path} whose text is {@code target}. An absolute
     * target is refused with {@code PERM}: inside the sandbox it could never resolve, and outside
     * it (to a host program reading the tree later) it would point out of it.
     */
    static void symlink(String target, DirectoryDescriptor dir, String path) throws ErrnoException, IOException {
        requireWritable(dir.preopen());
        if (target.startsWith("/")) {
            throw new ErrnoException(Errno.PERM);
        }
        PathResolver.Resolved link = PathResolver.resolve(dir, path, false);
        requireNotRoot(link);
        if (path.endsWith("/")) {
            throw new ErrnoException(PathResolver.attributesOrNull(link.hostPath()) != null ? Errno.EXIST : Errno.NOENT);
        }
        Files.createSymbolicLink(link.hostPath(), link.hostPath().getFileSystem().getPath(target));
    }

    /** {@code path_readlink}: the link's text as the guest wrote it. */
    static String readlink(DirectoryDescriptor dir, String path) throws ErrnoException, IOException {
        PathResolver.Resolved link = PathResolver.resolve(dir, path, false);
        if (!existing(link.hostPath()).isSymbolicLink()) {
            throw new ErrnoException(Errno.INVAL);
        }
        return Files.readSymbolicLink(link.hostPath()).toString();
    }

    /**
     * {@code path_link}: a hard link at {@code to} to what {@code from} names. Both ends are
     * resolved inside their preopens, so a guest can never link a host file from outside in.
     */
    static void link(DirectoryDescriptor fromDir, int lookupFlags, String from, DirectoryDescriptor toDir, String to)
            throws ErrnoException, IOException {
        requireKnownFlags(lookupFlags, WasiAbi.LOOKUP_SYMLINK_FOLLOW);
        requireWritable(toDir.preopen());
        PathResolver.Resolved source = PathResolver.resolve(fromDir, from, (lookupFlags & WasiAbi.LOOKUP_SYMLINK_FOLLOW) != 0);
        PathResolver.Resolved target = PathResolver.resolve(toDir, to, false);
        requireNotRoot(target);
        BasicFileAttributes attributes = existing(source.hostPath());
        if (attributes.isDirectory()) {
            throw new ErrnoException(Errno.PERM); // link(2) on a directory
        }
        if (attributes.isSymbolicLink()) {
            // Whether Files.createLink follows a link is up to the file system (Jimfs does): a copy
            // of the link has the same meaning and can never reach what the link points at.
            Files.createSymbolicLink(target.hostPath(), Files.readSymbolicLink(source.hostPath()));
            return;
        }
        Files.createLink(target.hostPath(), source.hostPath());
    }

    /** {@code path_filestat_set_times}. */
    static void setTimes(DirectoryDescriptor dir, int lookupFlags, String path, long atim, long mtim, int fstFlags)
            throws ErrnoException, IOException {
        requireKnownFlags(lookupFlags, WasiAbi.LOOKUP_SYMLINK_FOLLOW);
        FileTime[] times = times(atim, mtim, fstFlags);
        requireWritable(dir.preopen());
        PathResolver.Resolved resolved = PathResolver.resolve(dir, path, (lookupFlags & WasiAbi.LOOKUP_SYMLINK_FOLLOW) != 0);
        existing(resolved.hostPath());
        setTimes(resolved, times);
    }

    /**
     * The access and modification times {@code fstFlags} asks for (null: unchanged); {@code
     * INVAL} for unknown flags and for a time both given and "now".
     */
    static FileTime[] times(long atim, long mtim, int fstFlags) throws ErrnoException {
        requireKnownFlags(fstFlags, WasiAbi.FSTFLAGS_ALL);
        return new FileTime[] {
            time(atim, (fstFlags & WasiAbi.FSTFLAGS_ATIM) != 0, (fstFlags & WasiAbi.FSTFLAGS_ATIM_NOW) != 0),
            time(mtim, (fstFlags & WasiAbi.FSTFLAGS_MTIM) != 0, (fstFlags & WasiAbi.FSTFLAGS_MTIM_NOW) != 0)
        };
    }

    /** Sets the times of {@code resolved} itself (a link is not followed). */
    static void setTimes(PathResolver.Resolved resolved, FileTime[] times) throws IOException {
        try (ParentDirectory parent = ParentDirectory.open(resolved)) {
            parent.setTimes(times);
        }
    }

    /** The entries of {@code dir} for {@code fd_readdir}: "." and "..", then the rest by name. */
    static List<DirEntry> list(DirectoryDescriptor dir) throws IOException {
        Path host = dir.hostPath();
        List<DirEntry> entries = new ArrayList<>();
        long selfIno = FileStat.of(host).ino();
        entries.add(new DirEntry(".", selfIno, WasiAbi.FILETYPE_DIRECTORY));
        entries.add(new DirEntry("..", selfIno, WasiAbi.FILETYPE_DIRECTORY));
        List<String> names;
        try (ParentDirectory parent = ParentDirectory.open(dir.resolved())) {
            names = parent.list();
        }
        names.sort(null);
        for (String name : names) {
            try {
                FileStat stat = FileStat.of(host.resolve(name));
                entries.add(new DirEntry(name, stat.ino(), stat.filetype()));
            } catch (IOException gone) {
                // Removed since it was listed: it is simply not there any more.
            }
        }
        return entries;
    }

    /** One {@code dirent} and its name. */
    record DirEntry(String name, long ino, int filetype) {}

    private static FileTime time(long nanos, boolean set, boolean now) throws ErrnoException {
        if (set && now) {
            throw new ErrnoException(Errno.INVAL);
        }
        if (now) {
            return FileTime.from(Instant.now());
        }
        return set ? FileTime.from(nanos, TimeUnit.NANOSECONDS) : null;
    }

    private static BasicFileAttributes existing(Path path) throws ErrnoException, IOException {
        BasicFileAttributes attributes = PathResolver.attributesOrNull(path);
        if (attributes == null) {
            throw new ErrnoException(Errno.NOENT);
        }
        return attributes;
    }

    /** {@code errno} when the last component of {@code path} is {@code .} or {@code ..}. */
    private static void refuseDotNames(String path, int errno) throws ErrnoException {
        String trimmed = path.replaceAll("/+$", "");
        String last = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        if (last.equals(".") || last.equals("..")) {
            throw new ErrnoException(errno);
        }
    }

    /** The preopen itself is not the guest's to remove, rename or replace. */
    private static void requireNotRoot(PathResolver.Resolved resolved) throws ErrnoException {
        if (resolved.isRoot()) {
            throw new ErrnoException(Errno.PERM);
        }
    }
}
