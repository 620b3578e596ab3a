package dev.nostdwasm.wasi;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;

/**
 * An open regular file. WASI keeps the position here, not in the channel, so that {@code
 * fd_pread}/{@code fd_pwrite} on any channel (not only a {@code FileChannel}) leave it alone.
 */
final class FileDescriptor implements Descriptor {
    /** Where the file is: its stat and times are looked up there (FdTable#moved follows renames). */
    PathResolver.Resolved resolved;
    final SeekableByteChannel channel;
    final boolean readable;
    final boolean writable;
    long position;
    /** {@code FDFLAGS_APPEND}: every write goes to the end. */
    boolean append;
    /** {@code FDFLAGS_NONBLOCK}: only reported back; file I/O never blocks for long. */
    boolean nonblock;

    FileDescriptor(PathResolver.Resolved resolved, SeekableByteChannel channel, boolean readable, boolean writable) {
        this.resolved = resolved;
        this.channel = channel;
        this.readable = readable;
        this.writable = writable;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
