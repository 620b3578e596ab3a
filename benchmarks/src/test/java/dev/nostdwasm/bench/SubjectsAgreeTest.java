package dev.nostdwasm.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nostdwasm.api.Architecture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every subject computes the same results from the same workloads, each checked against a
 * computation in plain Java; so a benchmark can only be fast by doing the work. No timing here:
 * the Rust driver runs with one 1 ms iteration just to report its results.
 */
class SubjectsAgreeTest {

    static Stream<String> wasmSubjects() {
        return Subjects.WASM.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wasmSubjects")
    void computesTheReferenceResults(String name) throws Exception {
        try (Subject s = Subjects.open(name)) {
            s.sha256Fill(Workloads.SHA_SEED);
            byte[] input = s.sha256Input();
            assertArrayEquals(Reference.sha256Input(Workloads.SHA_SEED), input, "SHA-256 input");
            int first = s.sha256();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(input);
            assertArrayEquals(digest, s.sha256Digest(), "SHA-256 digest");
            assertEquals(Reference.firstWord(digest), first, "sha256() result");
            assertEquals(Reference.matmul(), s.matmul(), "matmul checksum");
            assertEquals(148_933, s.sieve(Workloads.SIEVE_N), "primes below 2,000,000");
            assertEquals(196_418, s.fib(Workloads.FIB_N), "fib(27)");
            assertEquals(Reference.sort(Workloads.SORT_N, Workloads.SORT_SEED), s.sort(Workloads.SORT_N, Workloads.SORT_SEED),
                    "sort checksum");
            checkCalls(s);
            if (s instanceof NswSubject nsw) {
                TypedExports typed = nsw.typed();
                assertEquals(-7, typed.add(-10, 3), "typed add");
                assertEquals(1L << 40, typed.sum4(1L << 39, 1L << 38, 1L << 38, 0), "typed sum4");
                assertEquals(5 + Workloads.HOST_CALLS, typed.hostLoop(Workloads.HOST_CALLS, 5), "typed host_loop");
            }
            s.instantiateSmall();
            s.instantiateData1m();
            assertEquals(Reference.data1mChecksum(), s.data1mChecksum(), "checksum of the 1 MiB data segment");
        }
    }

    @Test
    void bareFfmComputesTheReferenceResults() {
        try (Subject s = Subjects.open(Subjects.BARE)) {
            checkCalls(s);
        }
    }

    private static void checkCalls(Subject s) {
        assertEquals(-7, s.add(-10, 3), "add");
        assertEquals(1L << 40, s.sum4(1L << 39, 1L << 38, 1L << 38, 0), "sum4");
        assertEquals(5 + Workloads.HOST_CALLS, s.hostLoop(Workloads.HOST_CALLS, 5), "host_loop");
        int page = s.pageFill(Workloads.PAGE_SEED);
        byte[] read = new byte[Workloads.PAGE_BYTES];
        s.read(page, read);
        assertArrayEquals(Reference.page(Workloads.PAGE_SEED), read, "4 KiB page");
    }

    @Test
    void nativeDriverComputesTheReferenceResults() throws Exception {
        Path driver = Path.of(System.getProperty(Workloads.DIR_PROPERTY)).resolve("native-bench");
        Process p = new ProcessBuilder(driver.toString(), Workloads.dir().resolve("artifacts").toString(),
                Architecture.current().id(), "0", "1", "1").redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (var reader = p.inputReader(StandardCharsets.UTF_8)) {
            reader.lines().forEach(lines::add);
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "native-bench finished");
        assertEquals(0, p.exitValue(), () -> "native-bench failed:\n" + String.join("\n", lines));
        Map<String, String> expected = new HashMap<>();
        byte[] digest = sha256(Reference.sha256Input(Workloads.SHA_SEED));
        expected.put("compute.sha256", String.format("%08x", Reference.firstWord(digest)));
        expected.put("compute.sieve", "148933");
        expected.put("compute.fib", "196418");
        expected.put("compute.sort", Integer.toString(Reference.sort(Workloads.SORT_N, Workloads.SORT_SEED)));
        expected.put("call.i64x4", "10");
        expected.put("call.host", Integer.toString(Workloads.HOST_CALLS));
        expected.put("memory.read4k", Long.toString(Reference.sum(Reference.page(Workloads.PAGE_SEED))));
        Map<String, Integer> seen = new HashMap<>();
        for (String line : lines) {
            String[] f = line.split("\t");
            assertEquals(4, f.length, () -> "a result line has 4 fields: " + line);
            seen.merge(f[0], 1, Integer::sum);
            if (f[0].equals("compute.matmul")) {
                assertEquals(Reference.matmul(), Double.parseDouble(f[3]), line);
            } else if (expected.containsKey(f[0])) {
                assertEquals(expected.get(f[0]), f[3], line);
            }
            assertTrue(Double.parseDouble(f[2]) > 0, line);
        }
        // Every measure, once per profile.
        assertEquals(11, seen.size(), () -> "measures: " + seen);
        seen.forEach((measure, count) -> assertEquals(3, count, measure));
    }

    private static byte[] sha256(byte[] input) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(input);
    }

    /** The workloads of workloads.c and data1m.c, in Java. */
    static final class Reference {

        static byte[] sha256Input(int seed) {
            byte[] b = new byte[1 << 20];
            int x = seed == 0 ? 1 : seed;
            for (int i = 0; i < b.length; i++) {
                x = xorshift(x);
                b[i] = (byte) x;
            }
            return b;
        }

        static int xorshift(int x) {
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            return x;
        }

        static int firstWord(byte[] digest) {
            return (digest[0] & 0xff) << 24 | (digest[1] & 0xff) << 16 | (digest[2] & 0xff) << 8 | (digest[3] & 0xff);
        }

        static double matmul() {
            int n = 256;
            double[] a = new double[n * n], b = new double[n * n], c = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    a[i * n + j] = (double) ((i * 7 + j * 3) % 17) - 8.0;
                    b[i * n + j] = (double) ((i * 5 + j * 11) % 13) * 0.5;
                }
            }
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < n; k++) {
                    double aik = a[i * n + k];
                    for (int j = 0; j < n; j++) {
                        c[i * n + j] += aik * b[k * n + j];
                    }
                }
            }
            double sum = 0;
            for (double v : c) {
                sum += v;
            }
            return sum;
        }

        static int sort(int n, int seed) {
            int[] a = new int[n];
            int x = seed == 0 ? 1 : seed;
            for (int i = 0; i < n; i++) {
                x = xorshift(x);
                a[i] = x;
            }
            Arrays.sort(a);
            int check = 0;
            for (int v : a) {
                check = check * 31 + v;
            }
            return check;
        }

        static byte[] page(int seed) {
            byte[] b = new byte[Workloads.PAGE_BYTES];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (seed + i * 13);
            }
            return b;
        }

        static long sum(byte[] bytes) {
            long sum = 0;
            for (byte b : bytes) {
                sum += b & 0xff;
            }
            return sum;
        }

        static int data1mChecksum() {
            // data1m.c repeats this 64-byte string 4^7 times.
            byte[] s64 = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ+/".getBytes(StandardCharsets.US_ASCII);
            return (int) (sum(s64) * 16384);
        }
    }
}
