package dev.nostdwasm.cli;

import dev.nostdwasm.api.Profile;
import dev.nostdwasm.precompiler.CompiledArtifact;
import dev.nostdwasm.precompiler.PrecompileListener;
import dev.nostdwasm.precompiler.PrecompileOptions;
import dev.nostdwasm.precompiler.Target;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nsw compile}: the precompiler, with progress. */
@Command(name = "compile",
        mixinStandardHelpOptions = true,
        description = {
            "Compiles WebAssembly modules (.wat or .wasm) into artifacts.",
            "Writes DIR/<input name>.<profile>[.fuel][.epoch].<target>.cwasm for every target and profile that go"
                    + " together (profile pulley with target pulley64; native and native-signals with x86_64 and"
                    + " aarch64), the names Engine.loadResource looks for.",
            "Progress goes to stderr: a bar on a terminal, else one line per input; a summary line to stdout."
        },
        sortOptions = false)
final class CompileCommand implements Callable<Integer> {

    enum Progress { auto, bar, lines, none }

    @Spec
    CommandSpec spec;

    @Option(names = "--target", paramLabel = "TARGET", converter = Converters.TargetConverter.class,
            completionCandidates = Converters.TargetNames.class,
            description = "x86_64, aarch64, pulley64 or host (repeatable). Default: host, this machine's architecture"
                    + " for the native profiles, pulley64 for pulley.")
    List<Target> targets = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "PROFILE", converter = Converters.ProfileConverter.class,
            completionCandidates = Converters.ProfileNames.class,
            description = "native, native-signals or pulley (repeatable). Default: native.")
    List<Profile> profiles = new ArrayList<>();

    @Option(names = "--fuel", description = "Compiled code counts fuel (engines loading it must enable fuel).")
    boolean fuel;

    @Option(names = "--epoch", description = "Compiled code checks epoch deadlines (engines loading it must enable epochs).")
    boolean epoch;

    @Option(names = "--sign-key", paramLabel = "FILE",
            description = "Signs every artifact with this Ed25519 private key (PKCS#8 PEM).")
    Path signKey;

    @Option(names = {"-o", "--out-dir"}, paramLabel = "DIR", required = true,
            description = "Where the artifacts go (created if missing).")
    Path outDir;

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "auto (a bar when stderr is a terminal, else lines), bar, lines or none. Default: ${DEFAULT-VALUE}.")
    Progress progress;

    @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Modules to compile (.wat or .wasm).")
    List<Path> inputs;

    @Override
    public Integer call() {
        for (Path input : inputs) {
            if (!Files.isRegularFile(input)) {
                throw new CliException("no such file: " + input);
            }
        }
        if (signKey != null && !Files.isRegularFile(signKey)) {
            throw new CliException("no such signing key: " + signKey);
        }
        Set<Profile> ps = profiles.isEmpty() ? EnumSet.of(Profile.NATIVE) : EnumSet.copyOf(profiles);
        Set<Target> ts = EnumSet.noneOf(Target.class);
        ts.addAll(targets);
        if (ts.isEmpty()) {
            for (Profile p : ps) {
                ts.add(Host.targetFor(p));
            }
        }
        PrecompileOptions options = PrecompileOptions.of(ts, ps).withFuel(fuel).withEpoch(epoch);
        if (signKey != null) {
            options = options.withSigningKey(signKey);
        }

        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Progress mode = progress == Progress.auto ? (System.console() != null ? Progress.bar : Progress.lines) : progress;
        Reporter reporter = new Reporter(mode, err);
        long start = System.nanoTime();
        List<CompiledArtifact> written;
        try {
            written = Host.precompiler().compile(options, List.copyOf(inputs), outDir, reporter);
        } finally {
            reporter.finish();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "compiled %d %s into %d %s in %s (%.1f s)%n", inputs.size(),
                inputs.size() == 1 ? "input" : "inputs", written.size(),
                written.size() == 1 ? "artifact" : "artifacts", outDir, seconds);
        out.flush();
        return 0;
    }

    /** Draws the bar or writes the lines. */
    static final class Reporter implements PrecompileListener {
        static final int WIDTH = 30;

        private final Progress mode;
        private final PrintWriter err;
        private int drawn; // length of the bar line on screen, 0 when none

        Reporter(Progress mode, PrintWriter err) {
            this.mode = mode;
            this.err = err;
        }

        @Override
        public void compiled(Path input, List<CompiledArtifact> artifacts, int done, int total) {
            String name = String.valueOf(input.getFileName());
            if (mode == Progress.bar) {
                int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
                String line = "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total + " " + name;
                String pad = line.length() < drawn ? " ".repeat(drawn - line.length()) : "";
                err.print("\r" + line + pad);
                drawn = line.length();
                err.flush();
            } else if (mode == Progress.lines) {
                err.println("[" + done + "/" + total + "] " + name + " -> " + artifacts.stream()
                        .map(a -> String.valueOf(a.file().getFileName())).collect(Collectors.joining(", ")));
                err.flush();
            }
        }

        void finish() {
            if (drawn > 0) {
                err.println();
                err.flush();
                drawn = 0;
            }
        }
    }
}
