package dev.nostdwasm.wasi;

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

    private FdImports() {}

    static void define(HostImports imports, WasiContext context) {
        FdTable fds = context.fds;
        imports.define("fd_advise", "iIIi", (m, a) -> {
            if (a[3] > ADVICE_MAX) {
                return Errno.INVAL;
            }
            fds.file((int) a[0]);
            return Errno.SUCCESS; // advice only: nothing to do
        });
        imports.define("fd_allocate", "iII", (m, a) -> {
            fds.file((int) a[0]);
            return Errno.NOTSUP; // as the standard Wasmtime: there is no portable fallocate
        });
        imports.define("fd_close", "i", (m, a) -> {
            fds.close((int) a[0]);
            return Errno.SUCCESS;
        });
        imports.define("fd_datasync", "i", (m, a) -> force(fds.file((int) a[0]), false));
        imports.define("fd_sync", "i", (m, a) -> force(fds.file((int) a[0]), true));
        imports.define("fd_fdstat_get", "ii", (m, a) -> fdstat(m, fds.get((int) a[0]), a[1]));
        imports.define("fd_fdstat_set_flags", "ii", (m, a) -> {
            PathOperations.requireKnownFlags(a[1], WasiAbi.FDFLAGS_ALL);
            FileDescriptor f = fds.file((int) a[0]);
            if ((a[1] & (WasiAbi.FDFLAGS_DSYNC | WasiAbi.FDFLAGS_RSYNC | WasiAbi.FDFLAGS_SYNC)) != 0) {
                return Errno.INVAL; // only APPEND and NONBLOCK can change after opening
            }
            f.append = (a[1] & WasiAbi.FDFLAGS_APPEND) != 0;
            f.nonblock = (a[1] & WasiAbi.FDFLAGS_NONBLOCK) != 0;
            return Errno.SUCCESS;
        });
        imports.define("fd_fdstat_set_rights", "iII", (m, a) -> {
            PathOperations.requireKnownFlags(a[1], WasiAbi.RIGHTS_ALL);
            PathOperations.requireKnownFlags(a[2], WasiAbi.RIGHTS_ALL);
            fileOrDirectory(fds.get((int) a[0]));
            return Errno.SUCCESS; // rights are not enforced beyond read and write (as the standard Wasmtime)
        });
        imports.define("fd_filestat_get", "ii", (m, a) -> {
            Descriptor d = fds.get((int) a[0]);
            FileStat stat = d instanceof InputDescriptor || d instanceof OutputDescriptor
                    ? FileStat.STREAM
                    : FileStat.of(fileOrDirectory(d).hostPath());
            stat.write(m, a[1]);
            return Errno.SUCCESS;
        });
        imports.define("fd_filestat_set_size", "iI", (m, a) -> {
            FileDescriptor f = fds.file((int) a[0]);
            PathOperations.requireWritable(f.resolved.preopen());
            if (!f.writable) {
                return Errno.INVAL; // ftruncate(2) on a descriptor not open for writing
            }
            long size = f.channel.size();
            if (a[1] < size) {
                f.channel.truncate(a[1]);
            } else if (a[1] > size) {
                f.channel.position(a[1] - 1).write(ByteBuffer.allocate(1));
            }
            return Errno.SUCCESS;
        });
        imports.define("fd_filestat_set_times", "iIIi", (m, a) -> {
            FileTime[] times = PathOperations.times(a[1], a[2], (int) a[3]);
            PathResolver.Resolved resolved = fileOrDirectory(fds.get((int) a[0]));
            PathOperations.requireWritable(resolved.preopen());
            PathOperations.setTimes(resolved, times);
            return Errno.SUCCESS;
        });
        imports.define("fd_read", "iiii", (m, a) -> read(m, fds.get((int) a[0]), a[1], a[2], -1, a[3]));
        imports.define("fd_pread", "iiiIi", (m, a) -> {
            if (a[3] < 0) {
                return Errno.INVAL;
            }
            return read(m, fds.get((int) a[0]), a[1], a[2], a[3], a[4]);
        });
        imports.define("fd_write", "iiii", (m, a) -> write(m, fds.get((int) a[0]), a[1], a[2], -1, a[3]));
        imports.define("fd_pwrite", "iiiIi", (m, a) -> {
            if (a[3] < 0) {
                return Errno.INVAL;
            }
            return write(m, fds.get((int) a[0]), a[1], a[2], a[3], a[4]);
        });
        imports.define("fd_prestat_get", "ii", (m, a) -> {
            if (!(fds.get((int) a[0]) instanceof DirectoryDescriptor d) || d.preopenName() == null) {
                return Errno.BADF;
            }
            m.checkRange(a[1], 8);
            m.writeI32(a[1], 0); // tag 0: a directory, and padding
            m.writeI32(a[1] + 4, d.preopenName().getBytes(StandardCharsets.UTF_8).length);
            return Errno.SUCCESS;
        });
        imports.define("fd_prestat_dir_name", "iii", (m, a) -> {
            if (!(fds.get((int) a[0]) instanceof DirectoryDescriptor d) || d.preopenName() == null) {
                return Errno.NOTDIR; // what the standard Wasmtime answers for a descriptor that is no preopen
            }
            byte[] name = d.preopenName().getBytes(StandardCharsets.UTF_8);
            if (name.length > a[2]) {
                return Errno.NAMETOOLONG;
            }
            m.write(a[1], name, 0, name.length);
            return Errno.SUCCESS;
        });
        imports.define("fd_readdir", "iiiIi", (m, a) -> readdir(m, fds.directory((int) a[0]), a[1], a[2], a[3], a[4]));
        imports.define("fd_renumber", "ii", (m, a) -> {
            fds.renumber((int) a[0], (int) a[1]);
            return Errno.SUCCESS;
        });
        imports.define("fd_seek", "iIii", (m, a) -> {
            if (a[2] > WasiAbi.WHENCE_END) {
                return Errno.INVAL;
            }
            FileDescriptor f = seekable(fds.get((int) a[0]));
            long base = switch ((int) a[2]) {
                case WasiAbi.WHENCE_SET -> 0;
                case WasiAbi.WHENCE_CUR -> f.position;
                default -> f.channel.size();
            };
            long position = base + a[1];
            if ((a[2] == WasiAbi.WHENCE_SET && a[1] < 0) || position < 0 || (a[1] > 0 && position < base)) {
                return Errno.INVAL;
            }
            m.writeI64(a[3], position);
            f.position = position;
            return Errno.SUCCESS;
        });
        imports.define("fd_tell", "ii", (m, a) -> {
            m.writeI64(a[1], seekable(fds.get((int) a[0])).position);
            return Errno.SUCCESS;
        });
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

    private static int fdstat(GuestMemory m, Descriptor d, long at) throws ErrnoException {
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

    /** The first non-empty buffer of an iovec array as {address, length}, or {0, 0}. */
    private static long[] firstBuffer(GuestMemory m, long iovs, long count) throws ErrnoException {
        m.checkRange(iovs, count * 8);
        for (long i = 0; i < count; i++) {
            long length = m.readU32(iovs + 8 * i + 4);
            if (length != 0) {
                long address = m.readU32(iovs + 8 * i);
                m.checkRange(address, length);
                return new long[] {address, Math.min(length, MAX_TRANSFER)};
            }
        }
        return new long[] {0, 0};
    }

    /** {@code fd_read} ({@code offset} -1) and {@code fd_pread}. The descriptor is checked before the buffers. */
    private static int read(GuestMemory m, Descriptor d, long iovs, long count, long offset, long resultAt)
            throws ErrnoException, IOException {
        int n;
        byte[] bytes;
        long[] buffer;
        if (d instanceof InputDescriptor in) {
            if (offset >= 0) {
                return Errno.SPIPE;
            }
            buffer = firstBuffer(m, iovs, count);
            bytes = new byte[(int) buffer[1]];
            n = bytes.length == 0 ? 0 : Math.max(0, in.in().read(bytes, 0, bytes.length));
        } else if (d instanceof FileDescriptor f) {
            if (!f.readable) {
                return Errno.BADF;
            }
            buffer = firstBuffer(m, iovs, count);
            bytes = new byte[(int) buffer[1]];
            f.channel.position(offset >= 0 ? offset : f.position);
            n = Math.max(0, f.channel.read(ByteBuffer.wrap(bytes)));
            if (offset < 0) {
                f.position += n;
            }
        } else {
            return Errno.BADF;
        }
        m.write(buffer[0], bytes, 0, n);
        m.writeI32(resultAt, n);
        return Errno.SUCCESS;
    }

    /** {@code fd_write} ({@code offset} -1) and {@code fd_pwrite}. The descriptor is checked before the buffers. */
    private static int write(GuestMemory m, Descriptor d, long iovs, long count, long offset, long resultAt)
            throws ErrnoException, IOException {
        byte[] bytes;
        if (d instanceof OutputDescriptor out) {
            if (offset >= 0) {
                return Errno.SPIPE;
            }
            bytes = firstBufferBytes(m, iovs, count);
            out.out().write(bytes);
            out.out().flush();
        } else if (d instanceof FileDescriptor f) {
            if (!f.writable) {
                return Errno.BADF;
            }
            bytes = firstBufferBytes(m, iovs, count);
            // In append mode every write, positioned or not, goes to the end (Linux's pwrite does too).
            long at = f.append ? f.channel.size() : offset >= 0 ? offset : f.position;
            f.channel.position(at);
            ByteBuffer source = ByteBuffer.wrap(bytes);
            while (source.hasRemaining()) {
                f.channel.write(source);
            }
            if (offset < 0) {
                f.position = at + bytes.length;
            }
        } else {
            return Errno.BADF;
        }
        m.writeI32(resultAt, bytes.length);
        return Errno.SUCCESS;
    }

    private static byte[] firstBufferBytes(GuestMemory m, long iovs, long count) throws ErrnoException {
        long[] buffer = firstBuffer(m, iovs, count);
        return m.read(buffer[0], buffer[1]);
    }

    /**
     * {@code fd_readdir}: entries from index {@code cookie} on, each a 24-byte {@code dirent}
     * and its name, as many as fit; the last one may be cut short, and a full buffer tells the
     * guest to call again from the last whole entry.
     */
    private static int readdir(GuestMemory m, DirectoryDescriptor dir, long buf, long bufLength, long cookie, long resultAt)
            throws ErrnoException, IOException {
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
