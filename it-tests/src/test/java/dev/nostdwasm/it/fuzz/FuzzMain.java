package dev.nostdwasm.it.fuzz;

import dev.nostdwasm.api.ArtifactHeader;
import dev.nostdwasm.api.Engine;
import dev.nostdwasm.api.EngineConfig;
import dev.nostdwasm.api.NoStdRuntime;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.TrustedKeys;
import dev.nostdwasm.api.WasmException;
import dev.nostdwasm.it.support.Artifacts;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The fuzzer one forked JVM runs (see {@link FuzzTest}): {@code FuzzMain <provider> <seed> <count> <out dir>}.
 *
 * <p>It runs {@code count} inputs against provider {@code provider}, in three parts:
 * {@link ArtifactFuzz artifacts} (55%: damaged, foreign and random artifacts to {@code Engine.load} and
 * {@code loadRawUnsafe}), {@link ApiFuzz API misuse} (40%: nulls, closed handles, wrong arguments,
 * out-of-range memory and table access, misbehaving and re-entering host functions) and
 * {@link PrecompilerFuzz precompiler} inputs (5%: damaged {@code .wat}/{@code .wasm} to {@code
 * nsw-precompile}, one process each). Input {@code i} of part {@code p} draws everything from
 * {@code new SplittableRandom(inputSeed(seed, provider, p, i))}, so {@code -Dnostdwasm.fuzz.only=<part>:<index>}
 * reruns exactly that input.
 *
 * <p>Each input ends in a success, a <em>typed</em> error ({@link #isTyped}) or anything else
 * (untyped: printed with seed and index, written to {@code failures.txt}, counted as a crash).
 * Before each input the part and index are written to {@code current.txt} (a mapped file, so it
 * survives a JVM crash and names the input that crashed). At the end {@code summary.tsv} gets the
 * header {@code inputs typed_errors successes crashes} and one row, and {@code categories.tsv} the
 * same figures per input category. Exit status 0 when every input ended typed or successful, 1
 * otherwise.
 *
 * <p>System properties: {@code nostdwasm.fuzz.precompiler} (the {@code nsw-precompile} executable; without it
 * the precompiler part is skipped and its share goes to the artifact part), {@code nostdwasm.fuzz.wat} (the
 * directory of {@code .wat} files to mutate), {@code nostdwasm.it.artifacts} (as for the suites),
 * {@code nostdwasm.fuzz.only} (one input, {@code artifact:17}).
 */
public final class FuzzMain {

    enum Outcome { SUCCESS, TYPED, UNTYPED }

    /** One fuzz input: what it is (for reports) and what it does. */
    interface Input {
        String description();

        /** Runs the input; returns normally on success. */
        void run(Context context) throws Throwable;
    }

    /** What an input can report besides its own outcome (e.g. untyped exceptions inside host functions). */
    static final class Context {
        final List<String> nestedUntyped = new ArrayList<>();
        /** An input may decide its own outcome (the precompiler part classifies exit codes). */
        Outcome forced;
        String forcedDetail;

        void nested(Throwable t) {
            nestedUntyped.add(stackTrace(t));
        }
    }

    interface Part {
        String name();

        Input generate(SplittableRandom random, int index) throws Exception;

        default void close() {}
    }

    private final long seed;
    private final String provider;
    private final Path out;
    private long inputs;
    private long typed;
    private long successes;
    private long crashes;
    private final Map<String, long[]> categories = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private final MappedByteBuffer current;

    FuzzMain(String provider, long seed, Path out) throws IOException {
        this.provider = provider;
        this.seed = seed;
        this.out = out;
        Files.createDirectories(out);
        try (RandomAccessFile f = new RandomAccessFile(out.resolve("current.txt").toFile(), "rw");
                FileChannel channel = f.getChannel()) {
            current = channel.map(FileChannel.MapMode.READ_WRITE, 0, 512);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: FuzzMain <provider> <seed> <count> <out dir>");
            System.exit(2);
        }
        String provider = args[0];
        long seed = Long.parseLong(args[1]);
        int count = Integer.parseInt(args[2]);
        Path out = Paths.get(args[3]);
        FuzzMain main = new FuzzMain(provider, seed, out);
        System.exit(main.run(count));
    }

    int run(int count) throws Exception {
        long started = System.nanoTime();
        NoStdRuntime runtime = NoStdRuntime.load(provider);
        System.out.println("fuzz: provider " + provider + " (Wasmtime " + runtime.wasmtimeVersion() + "), seed " + seed
                + ", " + count + " inputs, profiles " + runtime.profiles());
        String precompiler = System.getProperty("nostdwasm.fuzz.precompiler", "");
        boolean withPrecompiler = !precompiler.isBlank();
        int precompileCount = withPrecompiler ? Math.max(1, count / 20) : 0;
        int apiCount = count * 2 / 5;
        int artifactCount = count - apiCount - precompileCount;

        List<Part> parts = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        parts.add(new ArtifactFuzz(runtime, Artifacts.dir(), trustedKey()));
        counts.add(artifactCount);
        parts.add(new ApiFuzz(runtime));
        counts.add(apiCount);
        if (withPrecompiler) {
            parts.add(new PrecompilerFuzz(Paths.get(precompiler), Paths.get(System.getProperty("nostdwasm.fuzz.wat")),
                    out.resolve("precompile-work"), runtime));
            counts.add(precompileCount);
        }

        String only = System.getProperty("nostdwasm.fuzz.only", "");
        for (int p = 0; p < parts.size(); p++) {
            Part part = parts.get(p);
            for (int i = 0; i < counts.get(p); i++) {
                if (!only.isBlank() && !only.equals(part.name() + ":" + i)) {
                    continue;
                }
                runOne(part, p, i, only);
            }
            part.close();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        writeReports();
        System.out.println("fuzz: done, provider " + provider + ", seed " + seed + ": " + inputs + " inputs, " + typed
                + " typed errors, " + successes + " successes, " + crashes + " crashes in " + millis + " ms");
        for (Map.Entry<String, long[]> e : categories.entrySet()) {
            long[] c = e.getValue();
            System.out.println("fuzz:   " + e.getKey() + ": " + c[0] + " inputs, " + c[1] + " typed, " + c[2]
                    + " successes, " + c[3] + " untyped");
        }
        putCurrent("done");
        return crashes == 0 && typed + successes == inputs ? 0 : 1;
    }

    private static java.security.PublicKey trustedKey() throws IOException {
        Path pem = Artifacts.dir().resolve("keys").resolve("trusted.pub.pem");
        if (!Files.isRegularFile(pem)) {
            throw new IllegalStateException("the trusted key " + pem + " is missing: it-tests/scripts/precompile.sh"
                    + " writes it in the build's generate-test-resources phase");
        }
        return TrustedKeys.readPem(pem);
    }

    /** The seed of input {@code index} of part {@code part}: reproducible one by one. */
    static long inputSeed(long seed, String provider, int part, int index) {
        long h = seed * 0x9E3779B97F4A7C15L;
        h ^= provider.hashCode() * 0xC2B2AE3D27D4EB4FL;
        h += (part + 1) * 0xBF58476D1CE4E5B9L;
        h ^= (index + 1L) * 0x94D049BB133111EBL;
        return h;
    }

    private void runOne(Part part, int partIndex, int index, String only) {
        putCurrent(part.name() + ":" + index + " (generating)");
        SplittableRandom random = new SplittableRandom(inputSeed(seed, provider, partIndex, index));
        Context context = new Context();
        Input input;
        String description;
        Outcome outcome;
        String detail = null;
        try {
            input = part.generate(random, index);
            description = input.description();
            putCurrent(part.name() + ":" + index + " " + description);
            try {
                input.run(context);
                outcome = Outcome.SUCCESS;
            } catch (Throwable t) {
                outcome = isTyped(t) ? Outcome.TYPED : Outcome.UNTYPED;
                if (outcome == Outcome.UNTYPED || !only.isBlank()) {
                    detail = stackTrace(t);
                }
            }
        } catch (Throwable t) {
            description = "(generator failed)";
            outcome = Outcome.UNTYPED;
            detail = "the generator itself failed: " + stackTrace(t);
        }
        if (context.forced != null) {
            outcome = context.forced;
            detail = context.forcedDetail;
        }
        if (!context.nestedUntyped.isEmpty()) {
            outcome = Outcome.UNTYPED;
            detail = "inside a host function: " + String.join("\n", context.nestedUntyped)
                    + (detail == null ? "" : "\nthen: " + detail);
        }
        String category = part.name() + "/" + category(description);
        long[] c = categories.computeIfAbsent(category, k -> new long[4]);
        c[0]++;
        inputs++;
        switch (outcome) {
            case SUCCESS -> {
                successes++;
                c[2]++;
            }
            case TYPED -> {
                typed++;
                c[1]++;
            }
            default -> {
                crashes++;
                c[3]++;
                String line = "provider " + provider + " seed " + seed + " " + part.name() + ":" + index + " ["
                        + description + "]: " + detail;
                failures.add(line);
                System.out.println("fuzz: UNTYPED " + line);
            }
        }
        if (!only.isBlank()) {
            System.out.println("fuzz: " + part.name() + ":" + index + " [" + description + "] -> " + outcome
                    + (detail == null ? "" : "\n" + detail));
        }
        if (inputs % 1000 == 0) {
            System.out.println("fuzz: " + inputs + " inputs (" + typed + " typed errors, " + successes + " successes, "
                    + crashes + " crashes)");
        }
    }

    /** The category of a description: its words before the first ':'. */
    private static String category(String description) {
        int colon = description.indexOf(':');
        return colon < 0 ? description : description.substring(0, colon);
    }

    /**
     * Whether {@code t} is one of the exceptions the API documents: the SDK's {@link WasmException}s, or
     * the argument and state checks of the Java library ({@code IllegalArgumentException}, {@code
     * IllegalStateException}, {@code IndexOutOfBoundsException}, {@code UnsupportedOperationException}, a
     * {@code NullPointerException} from an argument check). A {@code NullPointerException} with a JDK
     * "helpful" message ({@code Cannot invoke ... because ... is null}) thrown in SDK or test code was
     * not thrown by a check but by dereferencing a null there: untyped (one thrown in a {@code java.*}
     * method, e.g. {@code List.copyOf(null)} in a record constructor, is that method's documented
     * argument check: typed).
     */
    static boolean isTyped(Throwable t) {
        if (t instanceof NullPointerException npe) {
            return fromArgumentCheck(npe);
        }
        return t instanceof WasmException || t instanceof IllegalArgumentException
                || t instanceof IllegalStateException || t instanceof IndexOutOfBoundsException
                || t instanceof UnsupportedOperationException;
    }

    private static boolean fromArgumentCheck(NullPointerException npe) {
        StackTraceElement[] trace = npe.getStackTrace();
        if (trace.length > 0 && trace[0].getClassName().startsWith("java.")) {
            // Objects.requireNonNull, or a JDK method documented to reject null (List.copyOf, ...)
            // that the SDK handed the caller's argument to
            return true;
        }
        String m = npe.getMessage();
        return m != null && !m.startsWith("Cannot ");
    }

    static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        String s = w.toString();
        return s.length() > 6000 ? s.substring(0, 6000) + "..." : s;
    }

    private void putCurrent(String text) {
        byte[] b = ("provider " + provider + " seed " + seed + " " + text).getBytes(StandardCharsets.UTF_8);
        byte[] line = Arrays.copyOf(b, 512);
        for (int i = Math.min(b.length, 511); i < 512; i++) {
            line[i] = ' ';
        }
        line[511] = '\n';
        current.put(0, line);
    }

    private void writeReports() throws IOException {
        Files.writeString(out.resolve("summary.tsv"), "inputs\ttyped_errors\tsuccesses\tcrashes\n" + inputs + "\t"
                + typed + "\t" + successes + "\t" + crashes + "\n");
        StringBuilder cat = new StringBuilder("category\tinputs\ttyped_errors\tsuccesses\tuntyped\n");
        for (Map.Entry<String, long[]> e : categories.entrySet()) {
            long[] c = e.getValue();
            cat.append(e.getKey()).append('\t').append(c[0]).append('\t').append(c[1]).append('\t').append(c[2])
                    .append('\t').append(c[3]).append('\n');
        }
        Files.writeString(out.resolve("categories.tsv"), cat);
        Files.writeString(out.resolve("failures.txt"), String.join("\n\n", failures) + (failures.isEmpty() ? "" : "\n"));
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers the parts share.

    static Input input(String description, ThrowingRunnable body) {
        return new Input() {
            public String description() {
                return description;
            }

            public void run(Context context) throws Throwable {
                body.run();
            }
        };
    }

    interface ThrowingRunnable {
        void run() throws Throwable;
    }

    /** Flips {@code flips} random bits of {@code bytes} in [from, to). */
    static String flipBits(byte[] bytes, SplittableRandom r, int flips, int from, int to) {
        StringBuilder where = new StringBuilder();
        if (to <= from) {
            return "";
        }
        for (int k = 0; k < flips; k++) {
            int at = r.nextInt(from, to);
            int bit = r.nextInt(8);
            bytes[at] ^= (byte) (1 << bit);
            where.append(k == 0 ? "" : ",").append(at).append('.').append(bit);
        }
        return where.toString();
    }

    static byte[] randomBytes(SplittableRandom r, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        return b;
    }

    /** Writes the SHA-256 of the payload of {@code artifact} (after {@code headerLength}) into its header. */
    static void fixDigest(byte[] artifact, int headerLength) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(artifact, headerLength, artifact.length - headerLength);
            System.arraycopy(sha.digest(), 0, artifact, ArtifactFuzz.DIGEST_OFFSET, 32);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static Engine engine(NoStdRuntime runtime, EngineConfig config) {
        return runtime.newEngine(config);
    }

    static Profile[] sortedProfiles(NoStdRuntime runtime) {
        return runtime.profiles().stream().sorted(java.util.Comparator.comparingInt(Profile::id)).toArray(Profile[]::new);
    }

    static int headerLength(byte[] artifact) {
        return ArtifactHeader.parse(artifact).headerLength();
    }
}
