package dev.nostdwasm.it.fuzz.stateful;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The last {@value #DEPTH} operations of every thread, each written before it runs into a file
 * mapped in memory: when the JVM crashes, the file still holds what every thread was doing
 * (the JUnit test prints it), and a failure report quotes its thread's tail.
 */
final class Trail {
    static final int DEPTH = 16;
    private static final int LINE = 200;
    private final MappedByteBuffer file;
    private final long[] written;

    Trail(Path path, int threads) throws IOException {
        written = new long[threads];
        try (RandomAccessFile f = new RandomAccessFile(path.toFile(), "rw"); FileChannel channel = f.getChannel()) {
            f.setLength(0);
            file = channel.map(FileChannel.MapMode.READ_WRITE, 0, (long) threads * DEPTH * LINE);
        }
        byte[] blank = new byte[LINE];
        java.util.Arrays.fill(blank, (byte) ' ');
        blank[LINE - 1] = '\n';
        for (int i = 0; i < threads * DEPTH; i++) {
            file.put(i * LINE, blank);
        }
    }

    /** Records that {@code thread} starts {@code step}: {@code what}. Only {@code thread} calls this for its slot. */
    void record(int thread, long step, String what) {
        byte[] line = new byte[LINE];
        java.util.Arrays.fill(line, (byte) ' ');
        byte[] text = ("thread " + thread + " step " + step + ": " + what).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(text, 0, line, 0, Math.min(text.length, LINE - 1));
        line[LINE - 1] = '\n';
        int slot = (int) (written[thread]++ % DEPTH);
        synchronized (file) {
            file.put((thread * DEPTH + slot) * LINE, line);
        }
    }

    /** {@code thread}'s recorded operations, oldest first. */
    List<String> tail(int thread) {
        List<String> lines = new ArrayList<>();
        long n = written[thread];
        for (long i = Math.max(0, n - DEPTH); i < n; i++) {
            byte[] line = new byte[LINE];
            synchronized (file) {
                file.get((int) ((thread * DEPTH + i % DEPTH) * LINE), line);
            }
            lines.add(new String(line, StandardCharsets.UTF_8).strip());
        }
        return lines;
    }
}
