package dev.nostdwasm.wasi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nostdwasm.api.MemoryAccessException;
import dev.nostdwasm.api.Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The functions of {@code wasi_snapshot_preview1} called by a guest on the real runtime ({@link
 * GuestHarness}), each family with its results in guest memory and its errno for bad input, on
 * every provider and profile.
 */
class Preview1Test {
    private static final long PATH = 1024;
    private static final long PATH2 = 1536;
    private static final long IOV = 2048;
    private static final long BUF = 4096;
    private static final long OUT = 8192;
    private static final long OUT2 = 8256;
    /** Past the end of the 1-page memory. */
    private static final long OUT_OF_BOUNDS = 65536 - 4;
    private static final long RIGHTS_READ_WRITE = WasiAbi.RIGHT_FD_READ | WasiAbi.RIGHT_FD_WRITE;
    private static final int FIRST_PREOPEN = 3;

    @TempDir
    Path dir;

    private WasiConfig.Builder withPreopen() throws IOException {
        Files.writeString(dir.resolve("hello.txt"), "hello, file");
        return WasiConfig.builder().preopen(dir, "/sandbox", false);
    }

    /** Opens {@code path} in the preopen and returns its fd. */
    private static int open(GuestHarness g, String path, int oflags, long rights, int fdflags) {
        int length = g.putString(PATH, path);
        assertEquals(Errno.SUCCESS, g.call("path_open", FIRST_PREOPEN, 0, PATH, length, oflags, rights, 0, fdflags, OUT));
        return g.i32(OUT);
    }

    @ParameterizedTest
    @MethodSource("dev.nostdwasm.wasi.TestRuntimes#providersAndProfiles")
    void argsAndEnvironmentAreWhatTheConfigGrants(String provider, Profile profile) {
        WasiConfig config = WasiConfig.builder().args("prog", "a b", "\u00e9").env("K", "v=1").env("EMPTY", "").build();
        try (GuestHarness g = new GuestHarness(provider, profile, config)) {
            assertEquals(0, g.call("args_sizes_get", OUT, OUT2));
            assertEquals(3, g.i32(OUT));
            assertEquals("prog\0a b\0\u00e9\0".getBytes(StandardCharsets.UTF_8).length, g.i32(OUT2));
            assertEquals(0, g.call("args_get", OUT, BUF));
            assertEquals(BUF, g.i32(OUT));
            assertEquals(BUF + 5, g.i32(OUT + 4));
            assertEquals("prog\0a b\0\u00e9\0", g.string(BUF, g.i32(OUT2)));
            assertEquals(0, g.call("environ_sizes_get", OUT, OUT2));
            assertEquals(2, g.i32(OUT));
            assertEquals(0, g.call("environ_get", OUT, BUF));
            assertEquals("K=v=1\0EMPTY=\0", g.string(BUF, g.i32(OUT2)));
            g.assertTraps(MemoryAccessException.class, "args_get", OUT, OUT_OF_BOUNDS);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.nostdwasm.wasi.TestRuntimes#providersAndProfiles")
    void clocksAndRandomComeFromTheConfig(String provider, Profile profile) {
        WasiClock fixed = new WasiClock() {
            public long realtimeNanos() {
                return 1_000_000_000_123L;
            }

            public long monotonicNanos() {
                return 42;
            }

            public long processCpuNanos() {
                return 7;
            }

            public long threadCpuNanos() {
                return 8;
            }
        };
        WasiConfig config = WasiConfig.builder().clock(fixed).random(new Random(5)).build();
        try (GuestHarness g = new GuestHarness(provider, profile, config)) {
            long[] expected = {1_000_000_000_123L, 42, 7, 8};
            for (int id = 0; id < 4; id++) {
                assertEquals(0, g.call("clock_time_get", id, 1, OUT));
                assertEquals(expected[id], g.i64(OUT));
                assertEquals(0, g.call("clock_res_get", id, OUT));
                assertEquals(1, g.i64(OUT));
            }
            g.assertTraps(BadArgument.class, "clock_time_get", 4, 1, OUT);
            g.assertTraps(MemoryAccessException.class, "clock_time_get", 0, 1, OUT_OF_BOUNDS);
            assertEquals(0, g.call("random_get", BUF, 100));
            byte[] want = new byte[100];
            new Random(5).nextBytes(want);
            assertArrayEquals(want, g.bytes(BUF, 100));
            g.assertTraps(MemoryAccessException.class, "random_get", OUT_OF_BOUNDS, 100);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.nostdwasm.wasi.TestRuntimes#providersAndProfiles")
    void standardStreamsReadAndWrite(String provider, Profile profile) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        WasiConfig config = WasiConfig.builder()
                .stdin(new ByteArrayInputStream("input".getBytes(StandardCharsets.UTF_8)))
                .stdout(out)
                .stderr(err)
                .build();
        try (GuestHarness g = new GuestHarness(provider, profile, config)) {
            // The first non-empty iovec is written: a short write, as the standard Wasmtime does.
            g.putIovec(IOV, BUF, 0);
            g.putIovec(IOV + 8, BUF, g.putString(BUF, "out"));
            g.putIovec(IOV + 16, BUF, 3);
            assertEquals(0, g.call("fd_write", 1, IOV, 3, OUT));
            assertEquals(3, g.i32(OUT));
            assertEquals(0, g.call("fd_write", 2, IOV + 8, 1, OUT));
            assertEquals("out", out.toString(StandardCharsets.UTF_8));
            assertEquals("out", err.toString(StandardCharsets.UTF_8));
            g.putIovec(IOV, BUF, 3);
            assertEquals(0, g.call("fd_read", 0, IOV, 1, OUT));
            assertEquals(3, g.i32(OUT));
            assertEquals("inp", g.string(BUF, 3));
            g.putIovec(IOV, BUF, 100);
            assertEquals(0, g.call("fd_read", 0, IOV, 1, OUT));
            assertEquals(0, g.call("fd_read", 0, IOV, 1, OUT));
            assertEquals(0, g.i32(OUT), "stdin at its end reads 0 bytes");
            // Bad input.
            g.putIovec(IOV, OUT_OF_BOUNDS, 100);
            g.assertTraps(MemoryAccessException.class, "fd_write", 1, IOV, 1, OUT);
            g.assertTraps(MemoryAccessException.class, "fd_write", 1, OUT_OF_BOUNDS, 2, OUT);
            assertEquals(Errno.BADF, g.call("fd_write", 0, IOV, 1, OUT));
            assertEquals(Errno.BADF, g.call("fd_read", 1, IOV, 1, OUT));
            assertEquals(Errno.BADF, g.call("fd_write", 99, IOV, 1, OUT));
            assertEquals(Errno.SPIPE, g.call("fd_seek", 1, 0, 0, OUT));
            assertEquals(Errno.SPIPE, g.call("fd_pwrite", 1, IOV, 1, 0, OUT));
            assertEquals(Errno.SPIPE, g.call("fd_pread", 0, IOV, 1, 0, OUT));
            // fdstat and filestat of a stream.
            assertEquals(0, g.call("fd_fdstat_get", 1, OUT));
            assertEquals(WasiAbi.FILETYPE_UNKNOWN, g.u8(OUT));
            assertEquals(WasiAbi.RIGHT_FD_WRITE, g.i64(OUT + 8));
            assertEquals(0, g.call("fd_filestat_get", 0, BUF));
            assertArrayEquals(new byte[FileStat.SIZE], g.bytes(BUF, FileStat.SIZE));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.nostdwasm.wasi.TestRuntimes#providersAndProfiles")
    void filesReadWriteSeekAndResize(String provider, Profile profile) throws IOException {
        try (GuestHarness g = new GuestHarness(provider, profile, withPreopen().build())) {
            int fd = open(g, "data.bin", WasiAbi.OFLAGS_CREAT | WasiAbi.OFLAGS_EXCL, RIGHTS_READ_WRITE, 0);
            assertEquals(FIRST_PREOPEN + 1, fd);
            g.putIovec(IOV, BUF, g.putString(BUF, "0123456789"));
            assertEquals(0, g.call("fd_write", fd, IOV, 1, OUT));
            assertEquals(0, g.call("fd_tell", fd, OUT));
            assertEquals(10, g.i64(OUT));
            assertEquals(0, g.call("fd_seek", fd, -4, 1, OUT));
            assertEquals(6, g.i64(OUT));
            g.putIovec(IOV, BUF + 100, 100);
            assertEquals(0, g.call("fd_read", fd, IOV, 1, OUT));
            assertEquals(4, g.i32(OUT));
            assertEquals("6789", g.string(BUF + 100, 4));
            assertEquals(0, g.call("fd_pread", fd, IOV, 1, 2, OUT));
            assertEquals("23456789", g.string(BUF + 100, g.i32(OUT)));
            g.putIovec(IOV, BUF, g.putString(BUF, "AB"));
            assertEquals(0, g.call("fd_pwrite", fd, IOV, 1, 20, OUT));
            assertEquals(0, g.call("fd_tell", fd, OUT));
            assertEquals(10, g.i64(OUT), "pwrite leaves the position");
            assertEquals(0, g.call("fd_filestat_get", fd, BUF));
            assertEquals(WasiAbi.FILETYPE_REGULAR_FILE, g.u8(BUF + 16));
            assertEquals(22, g.i64(BUF + 32));
            assertEquals(0, g.call("fd_filestat_set_size", fd, 5));
            assertEquals("01234", Files.readString(dir.resolve("data.bin")));
            assertEquals(0, g.call("fd_filestat_set_size", fd, 7));
            assertEquals(7, Files.size(dir.resolve("data.bin")));
            assertEquals(Errno.INVAL, g.call("fd_seek", fd, -100, 1, OUT));
            g.assertTraps(BadArgument.class, "fd_seek", fd, 0, 3, OUT);
            assertEquals(0, g.call("fd_seek", fd, 100, 2, OUT));
            assertEquals(107, g.i64(OUT), "past the end is allowed");
            assertEquals(0, g.call("fd_datasync", fd));
            assertEquals(0, g.call("fd_sync", fd));
            assertEquals(0, g.call("fd_advise", fd, 0, 0, 1));
            g.assertTraps(BadArgument.class, "fd_advise", fd, 0, 0, 6);
            assertEquals(Errno.NOTSUP, g.call("fd_allocate", fd, 0, 10));
            assertEquals(0, g.call("fd_close", fd));
            assertEquals(Errno.BADF, g.call("fd_close", fd));
            assertEquals(Errno.BADF, g.call("fd_tell", fd, OUT));
            assertEquals(Errno.BADF, g.call("fd_seek", FIRST_PREOPEN, 0, 0, OUT));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.nostdwasm.wasi.TestRuntimes#providersAndProfiles")
    void appendAndReadOnlyDescriptors(String provider, Profile profile) throws IOException {
        try (GuestHarness g = new GuestHarness(provider, profile, withPreopen().build())) {
            int fd = open(g, "hello.txt", 0, WasiAbi.RIGHT_FD_WRITE, WasiAbi.FDFLAGS_APPEND);
            g.putIovec(IOV, BUF, g.putString(BUF, "!"));
            assertEquals(0, g.call("fd_write", fd, IOV, 1, OUT));
            assertEquals(0, g.call("fd_pwrite", fd, IOV, 1, 0, OUT));
            assertEquals("hello, file!!", Files.readString(dir.resolve("hello.txt")));
            assertEquals(0, g.call("fd_fdstat_get", fd, OUT));
            assertEquals(WasiAbi.FILETYPE_REGULAR_FILE, g.u8(OUT));
            assertEquals(WasiAbi.FDFLAGS_APPEND, g.u8(OUT + 2));
            assertEquals(0, g.i64(OUT + 8) & WasiAbi.RIGHT_FD_READ, "not opened for reading");
            assertEquals(Errno.BADF, g.call("fd_read", fd, IOV, 1, OUT));
            assertEquals(0, g.call("fd_fdstat_set_flags", fd, 0));
            assertEquals(Errno.INVAL, g.call("fd_fdstat_set_flags", fd, WasiAbi.FDFLAGS_SYNC));
            g.assertTraps(BadArgument.class, "fd_fdstat_set_flags", fd, 64);
            assertEquals(0, g.call("fd_fdstat_get", fd, OUT));
            assertEquals(0, g.u8(OUT + 2));
            int readOnly = open(g, "hello.txt", 0, WasiAbi.RIGHT_FD_READ, 0);
            assertEquals(Errno.BADF, g.call("fd_write", readOnly, IOV, 1, OUT));
            assertEquals(0, g.call("fd_fdstat_set_rights", readOnly, 0, 0));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.nostdwasm.wasi.TestRuntimes#providersAndProfiles")
    void preopensDescribeThemselves(String provider, Profile profile) throws IOException {
        try (GuestHarness g = new GuestHarness(provider, profile, withPreopen().build())) {
            assertEquals(0, g.call("fd_prestat_get", FIRST_PREOPEN, OUT));
            assertEquals(0, g.u8(OUT));
            assertEquals("/sandbox".length(), g.i32(OUT + 4));
            assertEquals(0, g.call("fd_prestat_dir_name", FIRST_PREOPEN, BUF, 8));
            assertEquals("/sandbox", g.string(BUF, 8));
            assertEquals(Errno.NAMETOOLONG, g.call("fd_prestat_dir_name", FIRST_PREOPEN, BUF, 7));
            assertEquals(Errno.BADF, g.call("fd_prestat_get", FIRST_PREOPEN + 1, OUT));
            assertEquals(Errno.BADF, g.call("fd_prestat_get", 1, OUT));
            assertEquals(0, g.call("fd_fdstat_get", FIRST_PREOPEN, OUT));
            assertEquals(WasiAbi.FILETYPE_DIRECTORY, g.u8(OUT));
            assertEquals(WasiAbi.RIGHTS_PREOPEN, g.i64(OUT + 8));
            assertEquals(0, g.call("fd_renumber", FIRST_PREOPEN, 10));
            assertEquals(0, g.call("fd_prestat_get", 10, OUT));
            assertEquals(Errno.BADF, g.call("fd_prestat_get", FIRST_PREOPEN, OUT));
            assertEquals(Errno.BADF, g.call("fd_renumber", FIRST_PREOPEN, 11));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.nostdwasm.wasi.TestRuntimes#providersAndProfiles")
    void readdirResumesFromItsCookie(String provider, Profile profile) throws IOException {
        for (int i = 0; i < 20; i++) {
            Files.writeString(dir.resolve(String.format("file-%02d", i)), "x");
        }
        try (GuestHarness g = new GuestHarness(provider, profile, withPreopen().build())) {
            // A buffer smaller than the listing: read it in pieces, resuming from the last whole entry.
            List<String> names = new ArrayList<>();
            long cookie = 0;
            while (true) {
                assertEquals(0, g.call("fd_readdir", FIRST_PREOPEN, BUF, 100, cookie, OUT));
                int used = g.i32(OUT);
                int at = 0;
                while (at + 24 <= used) {
                    int nameLength = g.i32(BUF + at + 16);
                    if (at + 24 + nameLength > used) {
                        break;
                    }
                    names.add(g.string(BUF + at + 24, nameLength));
                    cookie = g.i64(BUF + at);
                    at += 24 + nameLength;
                }
                if (used < 100) {
                    break;
                }
            }
            List<String> expected = new ArrayList<>(List.of(".", ".."));
            for (int i = 0; i < 20; i++) {
                expected.add(String.format("file-%02d", i));
            }
            expected.add("hello.txt");
            assertEquals(expected, names);
            assertEquals(Errno.BADF, g.call("fd_readdir", 1, BUF, 100, 0, OUT));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.nostdwasm.wasi.TestRuntimes#providersAndProfiles")
    void pathFunctionsChangeThePreopen(String provider, Profile profile) throws IOException {
        try (GuestHarness g = new GuestHarness(provider, profile, withPreopen().build())) {
            int n = g.putString(PATH, "d");
            assertEquals(0, g.call("path_create_directory", FIRST_PREOPEN, PATH, n));
            assertTrue(Files.isDirectory(dir.resolve("d")));
            assertEquals(0, g.call("path_filestat_get", FIRST_PREOPEN, 0, PATH, n, BUF));
            assertEquals(WasiAbi.FILETYPE_DIRECTORY, g.u8(BUF + 16));
            // A link, read back; followed and not.
            int target = g.putString(PATH2, "hello.txt");
            int link = g.putString(PATH, "d/../link");
            assertEquals(0, g.call("path_symlink", PATH2, target, FIRST_PREOPEN, PATH, link));
            assertEquals(0, g.call("path_readlink", FIRST_PREOPEN, PATH, link, BUF, 100, OUT));
            assertEquals("hello.txt", g.string(BUF, g.i32(OUT)));
            assertEquals(0, g.call("path_readlink", FIRST_PREOPEN, PATH, link, BUF, 3, OUT));
            assertEquals(3, g.i32(OUT), "cut to the buffer");
            assertEquals(0, g.call("path_filestat_get", FIRST_PREOPEN, 0, PATH, link, BUF));
            assertEquals(WasiAbi.FILETYPE_SYMBOLIC_LINK, g.u8(BUF + 16));
            assertEquals(0, g.call("path_filestat_get", FIRST_PREOPEN, WasiAbi.LOOKUP_SYMLINK_FOLLOW, PATH, link, BUF));
            assertEquals(11, g.i64(BUF + 32));
            // Hard link, rename over it, unlink, rmdir.
            int hard = g.putString(PATH2, "d/hard");
            n = g.putString(PATH, "hello.txt");
            assertEquals(0, g.call("path_link", FIRST_PREOPEN, 0, PATH, n, FIRST_PREOPEN, PATH2, hard));
            assertEquals("hello, file", Files.readString(dir.resolve("d/hard")));
            n = g.putString(PATH, "link");
            assertEquals(0, g.call("path_rename", FIRST_PREOPEN, PATH, n, FIRST_PREOPEN, PATH2, hard));
            assertTrue(Files.isSymbolicLink(dir.resolve("d/hard")));
            assertEquals(0, g.call("path_unlink_file", FIRST_PREOPEN, PATH2, hard));
            n = g.putString(PATH, "d");
            assertEquals(0, g.call("path_remove_directory", FIRST_PREOPEN, PATH, n));
            assertTrue(Files.notExists(dir.resolve("d")));
            // Times.
            n = g.putString(PATH, "hello.txt");
            assertEquals(0, g.call("path_filestat_set_times", FIRST_PREOPEN, 0, PATH, n, 0, 5_000_000_000L,
                    WasiAbi.FSTFLAGS_MTIM));
            assertEquals(FileTime.fromMillis(5000), Files.getLastModifiedTime(dir.resolve("hello.txt")));
            assertEquals(Errno.INVAL, g.call("path_filestat_set_times", FIRST_PREOPEN, 0, PATH, n, 0, 0,
                    WasiAbi.FSTFLAGS_MTIM | WasiAbi.FSTFLAGS_MTIM_NOW));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.nostdwasm.wasi.TestRuntimes#providersAndProfiles")
    void badPathsGetTheirErrno(String provider, Profile profile) throws IOException {
        try (GuestHarness g = new GuestHarness(provider, profile, withPreopen().build())) {
            g.put(PATH, new byte[] {'a', (byte) 0xff, 'b'});
            assertEquals(Errno.ILSEQ, g.call("path_open", FIRST_PREOPEN, 0, PATH, 3, 0, 2, 0, 0, OUT));
            assertEquals(Errno.ILSEQ, g.call("path_create_directory", FIRST_PREOPEN, PATH, 3));
            g.assertTraps(MemoryAccessException.class, "path_open", FIRST_PREOPEN, 0, OUT_OF_BOUNDS, 100, 0, 2, 0, 0, OUT);
            int n = g.putString(PATH, "../x");
            assertEquals(Errno.PERM, g.call("path_open", FIRST_PREOPEN, 0, PATH, n, 0, 2, 0, 0, OUT));
            n = g.putString(PATH, "hello.txt");
            g.assertTraps(BadArgument.class, "path_open", FIRST_PREOPEN, 0, PATH, n, 16, 2, 0, 0, OUT); // unknown oflags
            g.assertTraps(BadArgument.class, "path_open", FIRST_PREOPEN, 2, PATH, n, 0, 2, 0, 0, OUT); // unknown lookupflags
            g.assertTraps(BadArgument.class, "path_open", FIRST_PREOPEN, 0, PATH, n, 0, 1L << 40, 0, 0, OUT); // unknown rights
            g.assertTraps(BadArgument.class, "path_open", FIRST_PREOPEN, 0, PATH, n, 0, 2, 0, 32, OUT); // unknown fdflags
            assertEquals(Errno.BADF, g.call("path_open", 1, 0, PATH, n, 0, 2, 0, 0, OUT));
            assertEquals(Errno.BADF, g.call("path_open", 99, 0, PATH, n, 0, 2, 0, 0, OUT));
            int fd = open(g, "hello.txt", 0, WasiAbi.RIGHT_FD_READ, 0);
            assertEquals(Errno.NOTDIR, g.call("path_open", fd, 0, PATH, n, 0, 2, 0, 0, OUT));
            assertEquals(Errno.BADF, g.call("path_create_directory", fd, PATH, n));
            n = g.putString(PATH, "");
            assertEquals(Errno.NOENT, g.call("path_open", FIRST_PREOPEN, 0, PATH, n, 0, 2, 0, 0, OUT));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.nostdwasm.wasi.TestRuntimes#providersAndProfiles")
    void aReadOnlyPreopenRefusesWithPerm(String provider, Profile profile) throws IOException {
        Files.writeString(dir.resolve("hello.txt"), "hello, file");
        WasiConfig config = WasiConfig.builder().preopen(dir, ".", true).build();
        try (GuestHarness g = new GuestHarness(provider, profile, config)) {
            int n = g.putString(PATH, "hello.txt");
            assertEquals(Errno.PERM, g.call("path_open", FIRST_PREOPEN, 0, PATH, n, 0, RIGHTS_READ_WRITE, 0, 0, OUT));
            assertEquals(Errno.PERM, g.call("path_unlink_file", FIRST_PREOPEN, PATH, n));
            assertEquals(Errno.PERM, g.call("fd_filestat_set_times", FIRST_PREOPEN, 0, 0, WasiAbi.FSTFLAGS_MTIM_NOW));
            int fd = open(g, "hello.txt", 0, WasiAbi.RIGHT_FD_READ, 0);
            assertEquals(Errno.PERM, g.call("fd_filestat_set_size", fd, 0));
            assertEquals("hello, file", Files.readString(dir.resolve("hello.txt")));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.nostdwasm.wasi.TestRuntimes#providersAndProfiles")
    void pollWaitsForClocksAndReportsReadyDescriptors(String provider, Profile profile) throws IOException {
        try (GuestHarness g = new GuestHarness(provider, profile, withPreopen().build())) {
            // One relative clock of 1 ms.
            g.put(BUF, new byte[96]);
            g.putI64(BUF, 77);
            g.putI32(BUF + 16, WasiAbi.CLOCK_MONOTONIC);
            g.putI64(BUF + 24, 1_000_000);
            assertEquals(0, g.call("poll_oneoff", BUF, OUT, 1, OUT2));
            assertEquals(1, g.i32(OUT2));
            assertEquals(77, g.i64(OUT));
            assertEquals(0, g.u8(OUT + 10), "a clock event");
            // A file is ready to read at once, before a clock of an hour.
            int fd = open(g, "hello.txt", 0, WasiAbi.RIGHT_FD_READ, 0);
            g.putI64(BUF, 1);
            g.putI64(BUF + 24, 3_600_000_000_000L);
            g.putI64(BUF + 48, 2);
            g.put(BUF + 56, new byte[] {1});
            g.putI32(BUF + 64, fd);
            assertEquals(0, g.call("poll_oneoff", BUF, OUT, 2, OUT2));
            assertEquals(1, g.i32(OUT2));
            assertEquals(2, g.i64(OUT));
            assertEquals(1, g.u8(OUT + 10), "an fd_read event");
            assertEquals(Errno.INVAL, g.call("poll_oneoff", BUF, OUT, 0, OUT2));
            g.putI32(BUF + 64, 99);
            assertEquals(Errno.BADF, g.call("poll_oneoff", BUF, OUT, 2, OUT2));
            g.assertTraps(MemoryAccessException.class, "poll_oneoff", OUT_OF_BOUNDS, OUT, 1, OUT2);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.nostdwasm.wasi.TestRuntimes#providersAndProfiles")
    void withNothingGrantedProcessAndSocketFunctionsAnswerAsTheStandardWasmtime(String provider, Profile profile) {
        try (GuestHarness g = new GuestHarness(provider, profile, WasiConfig.builder().build())) {
            // Nothing granted: no arguments, no environment, stdin at its end, no preopen.
            assertEquals(0, g.call("args_sizes_get", OUT, OUT2));
            assertEquals(0, g.i32(OUT));
            assertEquals(0, g.call("environ_sizes_get", OUT, OUT2));
            assertEquals(0, g.i32(OUT));
            g.putIovec(IOV, BUF, 10);
            assertEquals(0, g.call("fd_read", 0, IOV, 1, OUT));
            assertEquals(0, g.i32(OUT));
            assertEquals(Errno.BADF, g.call("fd_prestat_get", FIRST_PREOPEN, OUT));
            assertEquals(0, g.call("sched_yield"));
            assertEquals(Errno.NOTSUP, g.call("proc_raise", 2));
            assertEquals(Errno.NOTSOCK, g.call("sock_accept", 1, 0, OUT));
            assertEquals(Errno.NOTSOCK, g.call("sock_recv", 0, IOV, 1, 0, OUT, OUT2));
            assertEquals(Errno.NOTSOCK, g.call("sock_send", 1, IOV, 1, 0, OUT));
            assertEquals(Errno.NOTSOCK, g.call("sock_shutdown", 1, 1));
            assertEquals(Errno.BADF, g.call("sock_shutdown", 9, 1));
            g.assertTraps(BadArgument.class, "sock_shutdown", 1, 4);
            g.assertTraps(BadArgument.class, "proc_raise", 31);
            g.assertTraps(BadArgument.class, "sock_accept", 1, 64, OUT);
        }
    }
}
