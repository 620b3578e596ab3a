package dev.nostdwasm.wasi;

import static dev.nostdwasm.wasi.HostImports.errno;
import static dev.nostdwasm.wasi.HostImports.u;

import dev.nostdwasm.api.Caller;
import dev.nostdwasm.api.HostExport;
import java.nio.charset.StandardCharsets;

/** The {@code path_*} functions: guest memory in and out around {@link PathOperations}. */
final class PathImports {

    @HostExport("path_create_directory")
    int pathCreateDirectory(Caller caller, int fd, int path, int pathLength) {
        WasiContext c = WasiContext.of(caller);
        try {
            PathOperations.createDirectory(c.fds.directory(fd), c.memory.bind(caller).readString(u(path), u(pathLength)));
            return Errno.SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    @HostExport("path_filestat_get")
    int pathFilestatGet(Caller caller, int fd, int lookupFlags, int path, int pathLength, int resultAt) {
        BadArgument.requireFlags(u(lookupFlags), WasiAbi.LOOKUP_SYMLINK_FOLLOW, "lookupflags");
        WasiContext c = WasiContext.of(caller);
        try {
            DirectoryDescriptor dir = c.fds.directory(fd);
            GuestMemory m = c.memory.bind(caller);
            PathOperations.stat(dir, lookupFlags, m.readString(u(path), u(pathLength))).write(m, u(resultAt));
            return Errno.SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    @HostExport("path_filestat_set_times")
    int pathFilestatSetTimes(Caller caller, int fd, int lookupFlags, int path, int pathLength, long atim, long mtim,
            int fstFlags) {
        BadArgument.requireFlags(u(lookupFlags), WasiAbi.LOOKUP_SYMLINK_FOLLOW, "lookupflags");
        BadArgument.requireFlags(u(fstFlags), WasiAbi.FSTFLAGS_ALL, "fstflags");
        WasiContext c = WasiContext.of(caller);
        try {
            PathOperations.times(atim, mtim, fstFlags);
            DirectoryDescriptor dir = c.fds.directory(fd);
            String name = c.memory.bind(caller).readString(u(path), u(pathLength));
            PathOperations.setTimes(dir, lookupFlags, name, atim, mtim, fstFlags);
            return Errno.SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    @HostExport("path_link")
    int pathLink(Caller caller, int fromFd, int lookupFlags, int from, int fromLength, int toFd, int to, int toLength) {
        BadArgument.requireFlags(u(lookupFlags), WasiAbi.LOOKUP_SYMLINK_FOLLOW, "lookupflags");
        WasiContext c = WasiContext.of(caller);
        try {
            DirectoryDescriptor fromDir = c.fds.directory(fromFd);
            DirectoryDescriptor toDir = c.fds.directory(toFd);
            GuestMemory m = c.memory.bind(caller);
            PathOperations.link(fromDir, lookupFlags, m.readString(u(from), u(fromLength)), toDir,
                    m.readString(u(to), u(toLength)));
            return Errno.SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    @HostExport("path_open")
    int pathOpen(Caller caller, int fd, int lookupFlags, int path, int pathLength, int oflags, long rightsBase,
            long rightsInheriting, int fdflags, int resultAt) {
        BadArgument.requireFlags(u(lookupFlags), WasiAbi.LOOKUP_SYMLINK_FOLLOW, "lookupflags");
        BadArgument.requireFlags(u(oflags), WasiAbi.OFLAGS_ALL, "oflags");
        BadArgument.requireFlags(rightsBase, WasiAbi.RIGHTS_ALL, "rights");
        BadArgument.requireFlags(rightsInheriting, WasiAbi.RIGHTS_ALL, "rights");
        BadArgument.requireFlags(u(fdflags), WasiAbi.FDFLAGS_ALL, "fdflags");
        WasiContext c = WasiContext.of(caller);
        try {
            GuestMemory m = c.memory.bind(caller);
            String name = m.readString(u(path), u(pathLength));
            Descriptor at = c.fds.get(fd);
            if (!(at instanceof DirectoryDescriptor dir)) {
                return at instanceof FileDescriptor ? Errno.NOTDIR : Errno.BADF;
            }
            m.checkRange(u(resultAt), 4); // before opening: a trap must not leave a file created
            Descriptor opened = PathOperations.open(dir, lookupFlags, name, oflags,
                    (rightsBase & WasiAbi.RIGHT_FD_READ) != 0, (rightsBase & WasiAbi.RIGHT_FD_WRITE) != 0, fdflags);
            m.writeI32(u(resultAt), c.fds.add(opened));
            return Errno.SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    @HostExport("path_readlink")
    int pathReadlink(Caller caller, int fd, int path, int pathLength, int buffer, int bufferLength, int resultAt) {
        WasiContext c = WasiContext.of(caller);
        try {
            DirectoryDescriptor dir = c.fds.directory(fd);
            GuestMemory m = c.memory.bind(caller);
            byte[] target = PathOperations.readlink(dir, m.readString(u(path), u(pathLength)))
                    .getBytes(StandardCharsets.UTF_8);
            int n = (int) Math.min(target.length, u(bufferLength)); // cut to the buffer, as readlink(2)
            m.write(u(buffer), target, 0, n);
            m.writeI32(u(resultAt), n);
            return Errno.SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    @HostExport("path_remove_directory")
    int pathRemoveDirectory(Caller caller, int fd, int path, int pathLength) {
        WasiContext c = WasiContext.of(caller);
        try {
            PathOperations.removeDirectory(c.fds.directory(fd), c.memory.bind(caller).readString(u(path), u(pathLength)));
            return Errno.SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    @HostExport("path_rename")
    int pathRename(Caller caller, int fromFd, int from, int fromLength, int toFd, int to, int toLength) {
        WasiContext c = WasiContext.of(caller);
        try {
            DirectoryDescriptor fromDir = c.fds.directory(fromFd);
            DirectoryDescriptor toDir = c.fds.directory(toFd);
            GuestMemory m = c.memory.bind(caller);
            c.fds.moved(PathOperations.rename(fromDir, m.readString(u(from), u(fromLength)), toDir,
                    m.readString(u(to), u(toLength))));
            return Errno.SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    @HostExport("path_symlink")
    int pathSymlink(Caller caller, int target, int targetLength, int fd, int path, int pathLength) {
        WasiContext c = WasiContext.of(caller);
        try {
            DirectoryDescriptor dir = c.fds.directory(fd);
            GuestMemory m = c.memory.bind(caller);
            PathOperations.symlink(m.readString(u(target), u(targetLength)), dir, m.readString(u(path), u(pathLength)));
            return Errno.SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    @HostExport("path_unlink_file")
    int pathUnlinkFile(Caller caller, int fd, int path, int pathLength) {
        WasiContext c = WasiContext.of(caller);
        try {
            PathOperations.unlinkFile(c.fds.directory(fd), c.memory.bind(caller).readString(u(path), u(pathLength)));
            return Errno.SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }
}
