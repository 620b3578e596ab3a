package dev.nostdwasm.wasi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A {@code filestat}: what {@code fd_filestat_get} and {@code path_filestat_get} return. */
record FileStat(long dev, long ino, int filetype, long nlink, long size, long atim, long mtim, long ctim) {

    /** Size of a {@code filestat} in guest memory. */
    static final int SIZE = 64;

    /** What stdin, stdout and stderr report: all zero, as the standard Wasmtime gives. */
    static final FileStat STREAM = new FileStat(0, 0, WasiAbi.FILETYPE_UNKNOWN, 0, 0, 0, 0, 0);

    /** The stat of {@code path} itself (a link is not followed). */
    static FileStat of(Path path) throws IOException {
        BasicFileAttributes basic = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        long dev = 0;
        long ino = basic.fileKey() == null ? 0 : Integer.toUnsignedLong(basic.fileKey().hashCode());
        long nlink = 1;
        long ctim = nanos(basic.lastModifiedTime());
        int filetype = filetype(basic);
        // The unix view has what the basic one lacks; the default file system on Linux and Jimfs have it.
        if (path.getFileSystem().supportedFileAttributeViews().contains("unix")) {
            Map<String, Object> unix = Files.readAttributes(path, "unix:dev,ino,nlink,ctime,mode", LinkOption.NOFOLLOW_LINKS);
            dev = number(unix.get("dev"), dev);
            ino = number(unix.get("ino"), ino);
            nlink = number(unix.get("nlink"), nlink);
            if (unix.get("ctime") instanceof FileTime t) {
                ctim = nanos(t);
            }
            if (filetype == WasiAbi.FILETYPE_UNKNOWN && unix.get("mode") instanceof Integer mode) {
                filetype = switch (mode & 0170000) {
                    case 0020000 -> WasiAbi.FILETYPE_CHARACTER_DEVICE;
                    case 0060000 -> WasiAbi.FILETYPE_BLOCK_DEVICE;
                    case 0140000 -> WasiAbi.FILETYPE_SOCKET_STREAM;
                    default -> WasiAbi.FILETYPE_UNKNOWN;
                };
            }
        }
        return new FileStat(dev, ino, filetype, nlink, basic.size(),
                nanos(basic.lastAccessTime()), nanos(basic.lastModifiedTime()), ctim);
    }

    /** The WASI file type of what {@code attributes} describe. */
    static int filetype(BasicFileAttributes attributes) {
        if (attributes.isSymbolicLink()) {
            return WasiAbi.FILETYPE_SYMBOLIC_LINK;
        }
        if (attributes.isDirectory()) {
            return WasiAbi.FILETYPE_DIRECTORY;
        }
        if (attributes.isRegularFile()) {
            return WasiAbi.FILETYPE_REGULAR_FILE;
        }
        return WasiAbi.FILETYPE_UNKNOWN;
    }

    /** Writes this stat at {@code address}. */
    void write(GuestMemory memory, long address) {
        memory.checkRange(address, SIZE);
        memory.writeI64(address, dev);
        memory.writeI64(address + 8, ino);
        memory.writeI64(address + 16, filetype); // u8 filetype and 7 bytes of padding
        memory.writeI64(address + 24, nlink);
        memory.writeI64(address + 32, size);
        memory.writeI64(address + 40, atim);
        memory.writeI64(address + 48, mtim);
        memory.writeI64(address + 56, ctim);
    }

    private static long nanos(FileTime time) {
        return Math.max(0, time.to(TimeUnit.NANOSECONDS)); // WASI timestamps are unsigned
    }

    private static long number(Object value, long otherwise) {
        return value instanceof Number n ? n.longValue() : otherwise;
    }
}
