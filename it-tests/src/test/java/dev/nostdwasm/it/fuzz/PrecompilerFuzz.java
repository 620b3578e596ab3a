package dev.nostdwasm.it.fuzz;

import dev.nostdwasm.api.Architecture;
import dev.nostdwasm.api.Engine;
import dev.nostdwasm.api.EngineConfig;
import dev.nostdwasm.api.NoStdRuntime;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.it.fuzz.FuzzMain.Context;
import dev.nostdwasm.it.fuzz.FuzzMain.Input;
import dev.nostdwasm.it.fuzz.FuzzMain.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Damaged WebAssembly to {@code nsw-precompile} (the executable the {@code Precompiler} API runs), one
 * process per input, run directly so its exit status is seen as it is: 0 is a success (and the
 * artifact must then load into an engine of its profile, when this machine runs it), 1 with an
 * {@code error} line is the typed error ({@code PrecompileException} in the Java API), anything else
 * is a crash: 101 is a Rust panic, 128 + n death by signal n, no exit within a minute a hang.
 *
 * <p>Inputs: the it-tests {@code .wat} files and two hand-encoded {@code .wasm} binaries, truncated,
 * bit-flipped, with tokens inserted or numbers replaced (text), with random sections (binary), and
 * random bytes; compiled for a random target/profile pair, sometimes with fuel and epochs.
 */
final class PrecompilerFuzz implements FuzzMain.Part {

    /** (module (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add)) */
    static final byte[] ADD_WASM = HexFormat.of().parseHex("0061736d01000000" + "01070160027f7f017f" + "03020100"
            + "070701036164640000" + "0a09010700200020016a0b");
    /** A memory 1..3 with "hello" at 16 and load(i32) -> i32. */
    static final byte[] MEMORY_WASM = HexFormat.of().parseHex("0061736d01000000" + "01060160017f017f"
            + "03020100" + "050401010103" + "071102046c6f61640000066d656d6f72790200"
            + "0a0901070020002802000b" + "0b0b010041100b0568656c6c6f");

    static final String[] TOKENS = {"(", ")", "(module", "(func", "(param i32)", "(result i64)", "i32.add", "local.get 0",
        "local.get 4294967295", "(memory 65537)", "(memory 0 1)", "(table 10000001 funcref)", "unreachable", "end",
        "block", "loop", "br 99", "call 7", "(export \"x\" (func 0))", "(import \"a\" \"b\" (func))", "i64.const 1",
        "v128.const i32x4 0 0 0 0", "(global (mut i32) (i32.const 0))", "ref.null func", "(start 0)", "(data (i32.const 0) \"zz\")",
        "\u00e9", "\"", ";;", "(;", "nan:0x1", "0x", "-", "memory.grow", "return_call 0", "try_table"};

    record Seed(String name, byte[] bytes, boolean text) {}

    private static final String[][] PAIRS = {{"x86_64", "native"}, {"x86_64", "native-signals"}, {"aarch64", "native"},
        {"aarch64", "native-signals"}, {"pulley64", "pulley"}};

    private final Path executable;
    private final Path work;
    private final List<Seed> seeds = new ArrayList<>();
    private final Map<Profile, Engine> engines = new EnumMap<>(Profile.class);

    PrecompilerFuzz(Path executable, Path watDir, Path work, NoStdRuntime runtime) throws IOException {
        this.executable = executable;
        this.work = work;
        Files.createDirectories(work);
        try (Stream<Path> files = Files.list(watDir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".wat")).sorted().toList()) {
                seeds.add(new Seed(f.getFileName().toString(), Files.readAllBytes(f), true));
            }
        }
        seeds.add(new Seed("add.wasm", ADD_WASM, false));
        seeds.add(new Seed("memory.wasm", MEMORY_WASM, false));
        for (Profile p : runtime.profiles()) {
            engines.put(p, runtime.newEngine(EngineConfig.of(p).allowUnsignedArtifacts()));
        }
    }

    @Override
    public String name() {
        return "precompile";
    }

    @Override
    public void close() {
        engines.values().forEach(Engine::close);
    }

    @Override
    public Input generate(SplittableRandom r, int index) {
        Seed seed = seeds.get(r.nextInt(seeds.size()));
        byte[] b = seed.bytes.clone();
        String what;
        switch (r.nextInt(seed.text ? 7 : 6)) {
            case 0 -> {
                what = "untouched";
            }
            case 1 -> {
                int len = r.nextInt(b.length + 1);
                b = Arrays.copyOf(b, len);
                what = "truncated: at " + len;
            }
            case 2 -> what = "bit flips: " + FuzzMain.flipBits(b, r, r.nextInt(1, 9), 0, b.length);
            case 3 -> {
                b = FuzzMain.randomBytes(r, r.nextInt(0, 512));
                if (b.length >= 8 && r.nextBoolean()) {
                    System.arraycopy(ADD_WASM, 0, b, 0, 8);
                }
                what = "random bytes: " + b.length;
            }
            case 4 -> {
                if (seed.text) {
                    b = spliceTokens(b, r);
                    what = "tokens spliced";
                } else {
                    b = randomSections(b, r);
                    what = "random sections";
                }
            }
            case 5 -> {
                if (seed.text) {
                    b = replaceNumbers(b, r);
                    what = "numbers replaced";
                } else {
                    // a byte of a LEB128 length or index set to an extreme
                    int at = r.nextInt(8, b.length);
                    b[at] = (byte) (r.nextBoolean() ? 0xff : 0x80);
                    what = "byte set to extreme: at " + at;
                }
            }
            default -> {
                b = replaceNumbers(spliceTokens(b, r), r);
                FuzzMain.flipBits(b, r, r.nextInt(0, 3), 0, Math.max(1, b.length));
                what = "tokens, numbers and flips";
            }
        }
        String[] pair = PAIRS[r.nextInt(PAIRS.length)];
        boolean fuel = r.nextInt(4) == 0;
        boolean epoch = r.nextInt(4) == 0;
        byte[] bytes = b;
        String description = (what.contains(":") ? what.replaceFirst(":", ": " + seed.name + ",") : what + ": " + seed.name)
                + " --target " + pair[0] + " --profile " + pair[1] + (fuel ? " --fuel" : "") + (epoch ? " --epoch" : "");
        return new Input() {
            public String description() {
                return description;
            }

            public void run(Context context) throws Throwable {
                compile(context, index, bytes, pair, fuel, epoch);
            }
        };
    }

    private void compile(Context context, int index, byte[] bytes, String[] pair, boolean fuel, boolean epoch)
            throws Exception {
        Path in = work.resolve("input-" + index + ".wasm");
        Path out = work.resolve("output-" + index + ".cwasm");
        Files.write(in, bytes);
        Files.deleteIfExists(out);
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--no-parallel", "-o", out.toString(),
                "--target", pair[0], "--profile", pair[1]));
        if (fuel) {
            command.add("--fuel");
        }
        if (epoch) {
            command.add("--epoch");
        }
        command.add("--");
        command.add(in.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String output;
        try (InputStream stdout = process.getInputStream()) {
            output = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
        }
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        try {
            if (!exited) {
                process.destroyForcibly().waitFor();
                force(context, Outcome.UNTYPED, "nsw-precompile did not exit within 60 s (hang)\n" + output);
                return;
            }
            int exit = process.exitValue();
            if (exit == 0) {
                Profile profile = Profile.fromCliName(pair[1]);
                boolean runsHere = pair[0].equals("pulley64") || pair[0].equals(Architecture.current().id());
                if (runsHere && !fuel && !epoch && engines.containsKey(profile)) {
                    // what the precompiler accepted must load (typed failure otherwise, counted as such)
                    engines.get(profile).load(Files.readAllBytes(out)).close();
                }
                return; // success
            }
            if (exit == 1 && output.contains("error")) {
                throw new PrecompileRefused(output.strip());
            }
            force(context, Outcome.UNTYPED, "nsw-precompile exited with " + exit
                    + (exit == 101 ? " (Rust panic)" : exit > 128 ? " (killed by signal " + (exit - 128) + ")" : "")
                    + "; input kept as " + keep(in, index) + "\n" + output);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(in);
        }
    }

    /** Copies a crashing input next to the reports. */
    private Path keep(Path in, int index) throws IOException {
        Path kept = work.getParent().resolve("precompile-crash-" + index + ".bin");
        Files.copy(in, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return kept;
    }

    private static void force(Context context, Outcome outcome, String detail) {
        context.forced = outcome;
        context.forcedDetail = detail;
    }

    /** The refusal the Java API reports as {@code PrecompileException}: a typed error. */
    static final class PrecompileRefused extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        PrecompileRefused(String message) {
            super(message);
        }
    }

    private static byte[] spliceTokens(byte[] text, SplittableRandom r) {
        String s = new String(text, StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(s);
        for (int k = r.nextInt(1, 5); k > 0; k--) {
            int at = sb.length() == 0 ? 0 : r.nextInt(sb.length() + 1);
            if (r.nextInt(3) == 0 && sb.length() > 0) {
                int end = Math.min(sb.length(), at + r.nextInt(1, 20));
                sb.delete(Math.min(at, end), end);
            } else {
                sb.insert(at, " " + TOKENS[r.nextInt(TOKENS.length)] + " ");
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static final String[] NUMBERS = {"0", "-1", "4294967295", "4294967296", "65536", "65537", "2147483648",
        "18446744073709551615", "99999999999999999999999", "0x7fffffff", "1e309", "nan", "inf", "-0"};

    private static byte[] replaceNumbers(byte[] text, SplittableRandom r) {
        String s = new String(text, StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b\\d+\\b").matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, r.nextInt(3) == 0 ? NUMBERS[r.nextInt(NUMBERS.length)] : m.group());
        }
        m.appendTail(sb);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] randomSections(byte[] wasm, SplittableRandom r) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(wasm, 0, 8);
        for (int k = r.nextInt(1, 6); k > 0; k--) {
            int id = r.nextInt(0, 16);
            int size = r.nextInt(0, 40);
            out.write(id);
            out.write(r.nextInt(8) == 0 ? 0xff : size); // sometimes a size LEB128 that never ends here
            out.write(FuzzMain.randomBytes(r, size), 0, size);
        }
        if (r.nextBoolean()) {
            out.write(wasm, 8, wasm.length - 8); // then the real sections
        }
        return out.toByteArray();
    }
}
