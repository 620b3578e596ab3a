package dev.nostdwasm.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A seeded fuzz run of the sandbox: random path strings made of {@code ..}, {@code .}, names,
 * links, slashes, empty, long and non-ASCII components, under random operation sequences
 * (including links the fuzzer itself makes) against a preopen inside {@link SandboxTree}. It
 * counts escapes: a resolved path outside the preopen, a read that returned the sentinel's bytes,
 * or any change outside the preopen. The count must be 0, and every failure must be an errno.
 */
class SandboxFuzzTest {
    private static final long SEED = 20261206L;
    private static final int OPERATIONS = 4000;
    private static final List<String> COMPONENTS = List.of(
            "..", "..", ".", "a", "b", "link", "up", "updir", "abs", "inner", "loop1", "file.txt", "sentinel.txt",
            "root", "", "x".repeat(300), "\u00e9t\u00e9", "\ud800", "new");

    @TempDir
    Path tempDir;

    @ParameterizedTest
    @MethodSource("dev.nostdwasm.wasi.SandboxTree#fileSystems")
    void randomPathsAndOperationsNeverEscape(String fs) throws IOException {
        Random random = new Random(SEED);
        int escapes = 0;
        int refused = 0;
        try (SandboxTree tree = SandboxTree.on(fs, tempDir)) {
            DirectoryDescriptor dir = tree.preopen(false);
            Path root = tree.root.toAbsolutePath().normalize();
            for (int i = 0; i < OPERATIONS; i++) {
                String path = randomPath(random);
                String other = randomPath(random);
                try {
                    PathResolver.Resolved resolved = PathResolver.resolve(dir, path, random.nextBoolean());
                    if (!resolved.hostPath().toAbsolutePath().normalize().startsWith(root)) {
                        escapes++;
                    }
                    escapes += operate(random.nextInt(9), random.nextBoolean() ? WasiAbi.LOOKUP_SYMLINK_FOLLOW : 0, dir, path, other);
                } catch (ErrnoException | IOException | InvalidPathException e) {
                    refused++;
                }
                if (i % 100 == 0) {
                    tree.assertNothingEscaped();
                }
            }
            tree.assertNothingEscaped();
        }
        assertEquals(0, escapes, "escapes out of the preopen");
        assertTrue(refused > OPERATIONS / 10, "the fuzzer should hit refusals too, only " + refused);
        assertFalse(refused == OPERATIONS, "the fuzzer should get through too");
    }

    /** Runs operation {@code kind}; returns 1 when it read the sentinel. */
    private static int operate(int kind, int lookup, DirectoryDescriptor dir, String path, String other)
            throws ErrnoException, IOException {
        switch (kind) {
            case 0 -> {
                Descriptor d = PathOperations.open(dir, lookup, path, 0, true, false, 0);
                if (d instanceof FileDescriptor f) {
                    ByteBuffer buffer = ByteBuffer.allocate(64);
                    f.channel.read(buffer);
                    f.close();
                    String content = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
                    return content.contains(SandboxTree.SECRET) ? 1 : 0;
                }
            }
            case 1 -> {
                Descriptor d = PathOperations.open(dir, lookup, path,
                        WasiAbi.OFLAGS_CREAT | WasiAbi.OFLAGS_TRUNC, false, true, WasiAbi.FDFLAGS_APPEND);
                if (d instanceof FileDescriptor f) {
                    f.channel.write(ByteBuffer.wrap("fuzz".getBytes(StandardCharsets.UTF_8)));
                    f.close();
                }
            }
            case 2 -> PathOperations.createDirectory(dir, path);
            case 3 -> PathOperations.symlink(other, dir, path);
            case 4 -> PathOperations.rename(dir, path, dir, other);
            case 5 -> PathOperations.link(dir, lookup, path, dir, other);
            case 6 -> PathOperations.unlinkFile(dir, path);
            case 7 -> PathOperations.removeDirectory(dir, path);
            default -> PathOperations.setTimes(dir, lookup, path, 1, 1,
                    WasiAbi.FSTFLAGS_ATIM | WasiAbi.FSTFLAGS_MTIM);
        }
        return 0;
    }

    private static String randomPath(Random random) {
        StringBuilder path = new StringBuilder();
        if (random.nextInt(20) == 0) {
            path.append('/');
        }
        int n = 1 + random.nextInt(5);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                path.append(random.nextInt(10) == 0 ? "//" : "/");
            }
            path.append(COMPONENTS.get(random.nextInt(COMPONENTS.size())));
        }
        if (random.nextInt(10) == 0) {
            path.append('/');
        }
        return path.toString();
    }
}
