package dev.nostdwasm.wasi;

import static dev.nostdwasm.wasi.HostImports.errno;
import static dev.nostdwasm.wasi.HostImports.u;

import dev.nostdwasm.api.Caller;
import dev.nostdwasm.api.HostExport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.util.List;

/**
 * The {@code fd_*} functions. Reads and writes use the first non-empty buffer of their iovec
 * array, as the standard Wasmtime does (a short transfer, which callers loop over), and move at
 * most {@value #MAX_TRANSFER} bytes per call.
 */
final class FdImports {
    /** The most one read or write moves (a short transfer is allowed; callers loop). */
    static final int MAX_TRANSFER = 1 << 22;
    private static final int DIRENT_SIZE = 24;
    private static final int ADVICE_MAX = 5;

    @HostExport("fd_advise")
    int fdAdvise(Caller caller, int fd, long offset, long length, int advice) {
        BadArgument.requireEnum(u(advice), ADVICE_MAX, "advice");
        WasiContext c = WasiContext.of(caller);
        try {
            c.fds.file(fd);
            return Errno.SUCCESS; // advice only: nothing to do
        } catch (Exception e) {
            return errno(e);
        }
    }

    @HostExport("fd_allocate")
    int fdAllocate(Caller caller, int fd, long offset, long length) {
        WasiContext c = WasiContext.of(caller);
        try {
            c.fds.file(fd);
            return Errno.NOTSUP; // as the standard Wasmtime: there is no portable fallocate
        } catch (Exception e) {
            return errno(e);
        }
    }

    @HostExport("fd_close")
    int fdClose(Caller caller, int fd) {
        WasiContext c = WasiContext.of(caller);
        try {
            c.fds.close(fd);
            return Errno.SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    @HostExport("fd_datasync")
    int fdDatasync(Caller caller, int fd) {
        WasiContext c = WasiContext.of(caller);
        try {
            return force(c.fds.file(fd), false);
        } catch (Exception e) {
            return errno(e);
        }
    }

    @HostExport("fd_sync")
    int fdSync(Caller caller, int fd) {
        WasiContext c = WasiContext.of(caller);
        try {
            return force(c.fds.file(fd), true);
        } catch (Exception e) {
            return errno(e);
        }
    }

    @HostExport("fd_fdstat_get")
    int fdFdstatGet(Caller caller, int fd, int resultAt) {
        WasiContext c = WasiContext.of(caller);
        try {
            return fdstat(c.memory.bind(caller), c.fds.get(fd), u(resultAt));
        } catch (Exception e) {
            return errno(e);
        }
    }

    @HostExport("fd_fdstat_set_flags")
    int fdFdstatSetFlags(Caller caller, int fd, int flags) {
        BadArgument.requireFlags(u(flags), WasiAbi.FDFLAGS_ALL, "fdflags");
        WasiContext c = WasiContext.of(caller);
        try {
            FileDescriptor f = c.fds.file(fd);
            if ((flags & (WasiAbi.FDFLAGS_DSYNC | WasiAbi.FDFLAGS_RSYNC | WasiAbi.FDFLAGS_SYNC)) != 0) {
                return Errno.INVAL; // only APPEND and NONBLOCK can change after opening
            }
            f.append = (flags & WasiAbi.FDFLAGS_APPEND) != 0;
            f.nonblock = (flags & WasiAbi.FDFLAGS_NONBLOCK) != 0;
            return Errno.SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    @HostExport("fd_fdstat_set_rights")
    int fdFdstatSetRights(Caller caller, int fd, long base, long inheriting) {
        BadArgument.requireFlags(base, WasiAbi.RIGHTS_ALL, "rights");
        BadArgument.requireFlags(inheriting, WasiAbi.RIGHTS_ALL, "rights");
        WasiContext c = WasiContext.of(caller);
        try {
            fileOrDirectory(c.fds.get(fd));
            return Errno.SUCCESS; // rights are not enforced beyond read and write (as the standard Wasmtime)
        } catch (Exception e) {
            return errno(e);
        }
    }

    @HostExport("fd_filestat_get")
    int fdFilestatGet(Caller caller, int fd, int resultAt) {
        WasiContext c = WasiContext.of(caller);
        try {
            Descriptor d = c.fds.get(fd);
            FileStat stat = d instanceof InputDescriptor || d instanceof OutputDescriptor
                    ? FileStat.STREAM
                    : FileStat.of(fileOrDirectory(d).hostPath());
            stat.write(c.memory.bind(caller), u(resultAt));
            return Errno.SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    @HostExport("fd_filestat_set_size")
    int fdFilestatSetSize(Caller caller, int fd, long size) {
        WasiContext c = WasiContext.of(caller);
        try {
            FileDescriptor f = c.fds.file(fd);
            PathOperations.requireWritable(f.resolved.preopen());
            if (!f.writable) {
                return Errno.INVAL; // ftruncate(2) on a descriptor not open for writing
            }
            long current = f.channel.size();
            if (size < current) {
                f.channel.truncate(size);
            } else if (size > current) {
                f.channel.position(size - 1).write(ByteBuffer.allocate(1));
            }
            return Errno.SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    @HostExport("fd_filestat_set_times")
    int fdFilestatSetTimes(Caller caller, int fd, long atim, long mtim, int fstFlags) {
        BadArgument.requireFlags(u(fstFlags), WasiAbi.FSTFLAGS_ALL, "fstflags");
        WasiContext c = WasiContext.of(caller);
        try {
            FileTime[] times = PathOperations.times(atim, mtim, fstFlags);
            PathResolver.Resolved resolved = fileOrDirectory(c.fds.get(fd));
            PathOperations.requireWritable(resolved.preopen());
            PathOperations.setTimes(resolved, times);
            return Errno.SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    @HostExport("fd_read")
    int fdRead(Caller caller, int fd, int iovs, int iovsLength, int resultAt) {
        WasiContext c = WasiContext.of(caller);
        try {
            return read(c, c.memory.bind(caller), c.fds.get(fd), u(iovs), u(iovsLength), -1, u(resultAt));
        } catch (Exception e) {
            return errno(e);
        }
    }

    @HostExport("fd_pread")
    int fdPread(Caller caller, int fd, int iovs, int iovsLength, long offset, int resultAt) {
        WasiContext c = WasiContext.of(caller);
        try {
            if (offset < 0) {
                return Errno.INVAL;
            }
            return read(c, c.memory.bind(caller), c.fds.get(fd), u(iovs), u(iovsLength), offset, u(resultAt));
        } catch (Exception e) {
            return errno(e);
        }
    }

    @HostExport("fd_write")
    int fdWrite(Caller caller, int fd, int iovs, int iovsLength, int resultAt) {
        WasiContext c = WasiContext.of(caller);
        try {
            return write(c, c.memory.bind(caller), c.fds.get(fd), u(iovs), u(iovsLength), -1, u(resultAt));
        } catch (Exception e) {
            return errno(e);
        }
    }

    @HostExport("fd_pwrite")
    int fdPwrite(Caller caller, int fd, int iovs, int iovsLength, long offset, int resultAt) {
        WasiContext c = WasiContext.of(caller);
        try {
            if (offset < 0) {
                return Errno.INVAL;
            }
            return write(c, c.memory.bind(caller), c.fds.get(fd), u(iovs), u(iovsLength), offset, u(resultAt));
        } catch (Exception e) {
            return errno(e);
        }
    }

    @HostExport("fd_prestat_get")
    int fdPrestatGet(Caller caller, int fd, int resultAt) {
        WasiContext c = WasiContext.of(caller);
        try {
            if (!(c.fds.get(fd) instanceof DirectoryDescriptor d) || d.preopenName() == null) {
                return Errno.BADF;
            }
            GuestMemory m = c.memory.bind(caller);
            m.checkRange(u(resultAt), 8);
            m.writeI32(u(resultAt), 0); // tag 0: a directory, and padding
            m.writeI32(u(resultAt) + 4, d.preopenName().getBytes(StandardCharsets.UTF_8).length);
            return Errno.SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    @HostExport("fd_prestat_dir_name")
    int fdPrestatDirName(Caller caller, int fd, int path, int pathLength) {
        WasiContext c = WasiContext.of(caller);
        try {
            if (!(c.fds.get(fd) instanceof DirectoryDescriptor d) || d.preopenName() == null) {
                return Errno.NOTDIR; // what the standard Wasmtime answers for a descriptor that is no preopen
            }
            byte[] name = d.preopenName().getBytes(StandardCharsets.UTF_8);
            if (name.length > u(pathLength)) {
                return Errno.NAMETOOLONG;
            }
            c.memory.bind(caller).write(u(path), name, 0, name.length);
            return Errno.SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    @HostExport("fd_readdir")
    int fdReaddir(Caller caller, int fd, int buffer, int bufferLength, long cookie, int resultAt) {
        WasiContext c = WasiContext.of(caller);
        try {
            return readdir(c.memory.bind(caller), c.fds.directory(fd), u(buffer), u(bufferLength), cookie, u(resultAt));
        } catch (Exception e) {
            return errno(e);
        }
    }

    @HostExport("fd_renumber")
    int fdRenumber(Caller caller, int fd, int to) {
        WasiContext c = WasiContext.of(caller);
        try {
            c.fds.renumber(fd, to);
            return Errno.SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    @HostExport("fd_seek")
    int fdSeek(Caller caller, int fd, long offset, int whence, int resultAt) {
        BadArgument.requireEnum(u(whence), WasiAbi.WHENCE_END, "whence");
        WasiContext c = WasiContext.of(caller);
        try {
            FileDescriptor f = seekable(c.fds.get(fd));
            long base = switch (whence) {
                case WasiAbi.WHENCE_SET -> 0;
                case WasiAbi.WHENCE_CUR -> f.position;
                default -> f.channel.size();
            };
            long position = base + offset;
            if ((whence == WasiAbi.WHENCE_SET && offset < 0) || position < 0 || (offset > 0 && position < base)) {
                return Errno.INVAL;
            }
            c.memory.bind(caller).writeI64(u(resultAt), position);
            f.position = position;
            return Errno.SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    @HostExport("fd_tell")
    int fdTell(Caller caller, int fd, int resultAt) {
        WasiContext c = WasiContext.of(caller);
        try {
            c.memory.bind(caller).writeI64(u(resultAt), seekable(c.fds.get(fd)).position);
            return Errno.SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    /** The file of a seekable descriptor: {@code SPIPE} for a stream, {@code BADF} for a directory. */
    private static FileDescriptor seekable(Descriptor d) throws ErrnoException {
        if (d instanceof FileDescriptor f) {
            return f;
        }
        throw new ErrnoException(d instanceof DirectoryDescriptor ? Errno.BADF : Errno.SPIPE);
    }

    /** Where a file or directory descriptor was opened; {@code BADF} for a stream. */
    private static PathResolver.Resolved fileOrDirectory(Descriptor d) throws ErrnoException {
        if (d instanceof FileDescriptor f) {
            return f.resolved;
        }
        if (d instanceof DirectoryDescriptor dir) {
            return dir.resolved();
        }
        throw new ErrnoException(Errno.BADF);
    }

    private static int force(FileDescriptor f, boolean metadata) throws IOException {
        if (f.channel instanceof FileChannel channel) {
            channel.force(metadata);
        }
        return Errno.SUCCESS;
    }

    private static int fdstat(GuestMemory m, Descriptor d, long at) {
        int filetype;
        int flags = 0;
        long base;
        long inheriting;
        if (d instanceof InputDescriptor) {
            filetype = WasiAbi.FILETYPE_UNKNOWN;
            base = inheriting = WasiAbi.RIGHT_FD_READ;
        } else if (d instanceof OutputDescriptor) {
            filetype = WasiAbi.FILETYPE_UNKNOWN;
            base = inheriting = WasiAbi.RIGHT_FD_WRITE;
        } else if (d instanceof DirectoryDescriptor dir) {
            filetype = WasiAbi.FILETYPE_DIRECTORY;
            if (dir.preopenName() != null) {
                base = WasiAbi.RIGHTS_PREOPEN;
                inheriting = WasiAbi.RIGHTS_PREOPEN_INHERITING;
            } else {
                base = inheriting = WasiAbi.RIGHTS_ALL & ~WasiAbi.RIGHT_FD_SEEK & ~WasiAbi.RIGHT_FD_FILESTAT_SET_SIZE & ~WasiAbi.RIGHT_FD_WRITE;
            }
        } else {
            FileDescriptor f = (FileDescriptor) d;
            filetype = WasiAbi.FILETYPE_REGULAR_FILE;
            base = WasiAbi.RIGHTS_ALL;
            if (!f.readable) {
                base &= ~(WasiAbi.RIGHT_FD_READ | WasiAbi.RIGHT_FD_READDIR);
            }
            if (!f.writable) {
                base &= ~WasiAbi.RIGHT_FD_WRITE;
            }
            inheriting = base;
            flags = (f.append ? WasiAbi.FDFLAGS_APPEND : 0) | (f.nonblock ? WasiAbi.FDFLAGS_NONBLOCK : 0);
        }
        m.checkRange(at, 24);
        m.writeI64(at, filetype); // u8 filetype, padding, u16 flags at 2 (written next)
        m.writeU16(at + 2, flags);
        m.writeI64(at + 8, base);
        m.writeI64(at + 16, inheriting);
        return Errno.SUCCESS;
    }

    /**
     * The address of the first iovec of the array at {@code iovs} whose buffer is not empty, or
     * -1 when all are. Traps when the array, or that buffer, is outside the memory.
     */
    private static long firstIovec(GuestMemory m, long iovs, long count) {
        m.checkRange(iovs, count * 8);
        for (long iov = iovs; iov < iovs + count * 8; iov += 8) {
            long length = m.readU32(iov + 4);
            if (length != 0) {
                m.checkRange(m.readU32(iov), length);
                return iov;
            }
        }
        return -1;
    }

    /** The buffer address of the iovec at {@code iov} (from {@link #firstIovec}), 0 for none. */
    private static long bufferAddress(GuestMemory m, long iov) {
        return iov < 0 ? 0 : m.readU32(iov);
    }

    /** The buffer length of the iovec at {@code iov}, cut to {@value #MAX_TRANSFER}; 0 for none. */
    private static int bufferLength(GuestMemory m, long iov) {
        return iov < 0 ? 0 : (int) Math.min(m.readU32(iov + 4), MAX_TRANSFER);
    }

    /** {@code fd_read} ({@code offset} -1) and {@code fd_pread}. The descriptor is checked before the buffers. */
    private static int read(WasiContext c, GuestMemory m, Descriptor d, long iovs, long count, long offset, long resultAt)
            throws IOException {
        int n;
        long iov;
        byte[] bytes;
        if (d instanceof InputDescriptor in) {
            if (offset >= 0) {
                return Errno.SPIPE;
            }
            iov = firstIovec(m, iovs, count);
            int length = bufferLength(m, iov);
            bytes = c.transferBuffer(length);
            n = length == 0 ? 0 : Math.max(0, in.in().read(bytes, 0, length));
        } else if (d instanceof FileDescriptor f) {
            if (!f.readable) {
                return Errno.BADF;
            }
            iov = firstIovec(m, iovs, count);
            int length = bufferLength(m, iov);
            bytes = c.transferBuffer(length);
            f.channel.position(offset >= 0 ? offset : f.position);
            n = Math.max(0, f.channel.read(ByteBuffer.wrap(bytes, 0, length)));
            if (offset < 0) {
                f.position += n;
            }
        } else {
            return Errno.BADF;
        }
        m.write(bufferAddress(m, iov), bytes, 0, n);
        m.writeI32(resultAt, n);
        return Errno.SUCCESS;
    }

    /** {@code fd_write} ({@code offset} -1) and {@code fd_pwrite}. The descriptor is checked before the buffers. */
    private static int write(WasiContext c, GuestMemory m, Descriptor d, long iovs, long count, long offset, long resultAt)
            throws IOException {
        int length;
        if (d instanceof OutputDescriptor out) {
            if (offset >= 0) {
                return Errno.SPIPE;
            }
            long iov = firstIovec(m, iovs, count);
            length = bufferLength(m, iov);
            byte[] bytes = c.transferBuffer(length);
            m.read(bufferAddress(m, iov), bytes, length);
            out.out().write(bytes, 0, length);
            out.out().flush();
        } else if (d instanceof FileDescriptor f) {
            if (!f.writable) {
                return Errno.BADF;
            }
            long iov = firstIovec(m, iovs, count);
            length = bufferLength(m, iov);
            byte[] bytes = c.transferBuffer(length);
            m.read(bufferAddress(m, iov), bytes, length);
            // In append mode every write, positioned or not, goes to the end (Linux's pwrite does too).
            long at = f.append ? f.channel.size() : offset >= 0 ? offset : f.position;
            f.channel.position(at);
            ByteBuffer source = ByteBuffer.wrap(bytes, 0, length);
            while (source.hasRemaining()) {
                f.channel.write(source);
            }
            if (offset < 0) {
                f.position = at + length;
            }
        } else {
            return Errno.BADF;
        }
        m.writeI32(resultAt, length);
        return Errno.SUCCESS;
    }

    /**
     * {@code fd_readdir}: entries from index {@code cookie} on, each a 24-byte {@code dirent}
     * and its name, as many as fit; the last one may be cut short, and a full buffer tells the
     * guest to call again from the last whole entry.
     */
    private static int readdir(GuestMemory m, DirectoryDescriptor dir, long buf, long bufLength, long cookie, long resultAt)
            throws IOException {
        m.checkRange(buf, bufLength);
        List<PathOperations.DirEntry> entries = PathOperations.list(dir);
        ByteBuffer out = ByteBuffer.allocate((int) Math.min(bufLength, Integer.MAX_VALUE - 8))
                .order(ByteOrder.LITTLE_ENDIAN);
        for (long i = Math.max(0, cookie); i < entries.size() && out.hasRemaining(); i++) {
            PathOperations.DirEntry e = entries.get((int) i);
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            ByteBuffer dirent = ByteBuffer.allocate(DIRENT_SIZE).order(ByteOrder.LITTLE_ENDIAN);
            dirent.putLong(i + 1).putLong(e.ino()).putInt(name.length).put((byte) e.filetype());
            out.put(dirent.array(), 0, Math.min(DIRENT_SIZE, out.remaining()));
            out.put(name, 0, Math.min(name.length, out.remaining()));
        }
        m.write(buf, out.array(), 0, out.position());
        m.writeI32(resultAt, out.position());
        return Errno.SUCCESS;
    }
}
