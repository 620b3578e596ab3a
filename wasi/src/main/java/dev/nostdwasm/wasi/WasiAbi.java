package dev.nostdwasm.wasi;

/**
 * The numbers of {@code wasi_snapshot_preview1} that more than one function uses: flags, rights,
 * file types and clock ids, as the spec's witx defines them.
 */
final class WasiAbi {
    static final int LOOKUP_SYMLINK_FOLLOW = 1;
    static final int OFLAGS_CREAT = 1;
    static final int OFLAGS_DIRECTORY = 2;
    static final int OFLAGS_EXCL = 4;
    static final int OFLAGS_TRUNC = 8;
    static final int OFLAGS_ALL = OFLAGS_CREAT | OFLAGS_DIRECTORY | OFLAGS_EXCL | OFLAGS_TRUNC;
    static final int FDFLAGS_APPEND = 1;
    static final int FDFLAGS_DSYNC = 2;
    static final int FDFLAGS_NONBLOCK = 4;
    static final int FDFLAGS_RSYNC = 8;
    static final int FDFLAGS_SYNC = 16;
    static final int FSTFLAGS_ATIM = 1;
    static final int FSTFLAGS_ATIM_NOW = 2;
    static final int FSTFLAGS_MTIM = 4;
    static final int FSTFLAGS_MTIM_NOW = 8;
    static final int FSTFLAGS_ALL = FSTFLAGS_ATIM | FSTFLAGS_ATIM_NOW | FSTFLAGS_MTIM | FSTFLAGS_MTIM_NOW;

    static final int FILETYPE_UNKNOWN = 0;
    static final int FILETYPE_BLOCK_DEVICE = 1;
    static final int FILETYPE_CHARACTER_DEVICE = 2;
    static final int FILETYPE_DIRECTORY = 3;
    static final int FILETYPE_REGULAR_FILE = 4;
    static final int FILETYPE_SOCKET_STREAM = 6;
    static final int FILETYPE_SYMBOLIC_LINK = 7;

    static final int CLOCK_REALTIME = 0;
    static final int CLOCK_MONOTONIC = 1;
    static final int CLOCK_PROCESS_CPUTIME = 2;
    static final int CLOCK_THREAD_CPUTIME = 3;

    static final long FDFLAGS_ALL = FDFLAGS_APPEND | FDFLAGS_DSYNC | FDFLAGS_NONBLOCK | FDFLAGS_RSYNC | FDFLAGS_SYNC;

    static final long RIGHT_FD_READ = 1L << 1;
    static final long RIGHT_FD_SEEK = 1L << 2;
    static final long RIGHT_FD_WRITE = 1L << 6;
    static final long RIGHT_FD_READDIR = 1L << 14;
    static final long RIGHT_FD_FILESTAT_SET_SIZE = 1L << 22;
    static final long RIGHTS_ALL = (1L << 30) - 1;
    /**
     * What a preopen reports (the standard Wasmtime's fixed set, which many libcs expect): the
     * path rights but path_filestat_set_size, fd_readdir, and fd_filestat_get/set_times.
     */
    static final long RIGHTS_PREOPEN = bits(9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 20, 21, 23, 24, 25, 26);
    /** What a preopen passes on: its own rights and every fd_* right (the sock_* ones excepted). */
    static final long RIGHTS_PREOPEN_INHERITING = RIGHTS_PREOPEN | bits(0, 1, 2, 3, 4, 5, 6, 7, 8, 22, 27);

    static final int WHENCE_SET = 0;
    static final int WHENCE_CUR = 1;
    static final int WHENCE_END = 2;

    private static long bits(int... numbers) {
        long mask = 0;
        for (int n : numbers) {
            mask |= 1L << n;
        }
        return mask;
    }

    private WasiAbi() {}
}
