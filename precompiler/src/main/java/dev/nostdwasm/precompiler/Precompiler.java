package dev.nostdwasm.precompiler;

import dev.nostdwasm.api.ArtifactName;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.ProviderUnavailableException;
import dev.nostdwasm.api.natives.NativeBundle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles WebAssembly ({@code .wasm} or {@code .wat}) ahead of time into artifacts the
 * runtime loads, with the {@code nsw-precompile} executable this jar bundles for linux x86_64
 * and aarch64 hosts (or one you name). A build-time dependency: runtime jars never need it.
 *
 * <pre>{@code
 * Precompiler pc = Precompiler.bundled();
 * List<CompiledArtifact> out = pc.compile(
 *         PrecompileOptions.of(Set.of(Target.X86_64, Target.AARCH64), Set.of(Profile.NATIVE)),
 *         List.of(Path.of("app.wat")), Path.of("target/wasm"),
 *         (input, artifacts, done, total) -> System.out.println(done + "/" + total + " " + input));
 * }</pre>
 *
 * <p>Each input is compiled by one {@code nsw-precompile} process, several at once (at most one
 * per available processor); the listener hears of each input as it finishes, on the calling
 * thread. The first input that fails stops the batch: processes still running are killed, and
 * artifacts already written stay.
 */
public final class Precompiler {

    /** The name of the bundled executable (under {@code META-INF/native/linux-<arch>/}). */
    public static final String EXECUTABLE_NAME = "nsw-precompile";

    private static final Pattern WASMTIME_VERSION = Pattern.compile("\\(Wasmtime ([^)\\s]+)\\)");

    private final Path executable;
    private volatile String wasmtimeVersion;

    private Precompiler(Path executable) {
        this.executable = executable;
    }

    /**
     * The executable bundled in this jar for this host, extracted (and checked against its
     * SHA-256) into the work directory ({@code -Dnostdwasm.workdir}, by default {@code
     * ${java.io.tmpdir}/nostd-wasm-java-${user.name}}).
     *
     * @return the precompiler
     * @throws PrecompileException on another OS or architecture, or when extraction fails
     */
    public static Precompiler bundled() {
        String os = System.getProperty("os.name", "");
        String arch = System.getProperty("os.arch", "");
        if (!os.toLowerCase(Locale.ROOT).startsWith("linux") || hostArch(arch) == null) {
            throw new PrecompileException(null, "nsw-precompile is bundled for linux x86_64 and aarch64 hosts only, "
                    + "but this JVM runs on " + os + " " + arch + ": build it there (rust-nostd/scripts/build.sh) and use "
                    + "Precompiler.at(path), or precompile on a linux x86_64/aarch64 machine (artifacts for every "
                    + "target can be built on either)");
        }
        Path extracted;
        try {
            extracted = NativeBundle.forClass(Precompiler.class).extractExecutable(EXECUTABLE_NAME);
            NativeBundle.checkExecutable(extracted.getParent());
        } catch (ProviderUnavailableException e) {
            throw new PrecompileException(null, "cannot set up the bundled nsw-precompile: " + e.getMessage(), e);
        }
        return new Precompiler(extracted);
    }

    /**
     * The executable at {@code executable} (for a precompiler built elsewhere). Nothing is checked
     * until it runs.
     *
     * @param executable the {@code nsw-precompile} executable
     * @return the precompiler
     */
    public static Precompiler at(Path executable) {
        return new Precompiler(Objects.requireNonNull(executable, "executable"));
    }

    /** {@return the {@code nsw-precompile} executable this precompiler runs} */
    public Path executable() {
        return executable;
    }

    /**
     * The Wasmtime version the artifacts will be built for ({@code nsw-precompile --version}).
     *
     * @return the version, e.g. {@code 49.0.0}
     * @throws PrecompileException when the executable cannot be run or does not say
     */
    public String wasmtimeVersion() {
        String version = wasmtimeVersion;
        if (version == null) {
            Run run = run(List.of(executable.toString(), "--version"), null);
            Matcher m = WASMTIME_VERSION.matcher(run.output);
            if (run.exitCode != 0 || !m.find()) {
                throw new PrecompileException(null, executable + " --version did not name a Wasmtime version (exit "
                        + run.exitCode + "): " + run.output.strip() + "; is it nsw-precompile of this release?");
            }
            version = m.group(1);
            wasmtimeVersion = version;
        }
        return version;
    }

    /**
     * Compiles every input into {@code outDir} (created if missing) for every combination the
     * options name, reporting each input as it finishes. Combinations that cannot exist (the
     * {@code pulley} profile with a CPU target, a native profile with {@code pulley64}) are
     * skipped, as {@code nsw-precompile} skips them; it is an error when none is left. Artifacts
     * are named {@code <input stem>.<profile>[.fuel][.epoch].<target>.cwasm} ({@link ArtifactName});
     * two inputs with the same stem are refused before anything runs.
     *
     * @param options what to compile each input into
     * @param inputs the {@code .wasm} or {@code .wat} files
     * @param outDir the directory the artifacts are written to
     * @param listener told of each input as it finishes ({@link PrecompileListener#NONE} for nothing)
     * @return every artifact written, in input order (per input: by target, then profile)
     * @throws PrecompileException naming the first input that failed and why (the CLI's message)
     */
    public List<CompiledArtifact> compile(PrecompileOptions options, List<Path> inputs, Path outDir,
            PrecompileListener listener) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(listener, "listener");
        List<Combination> combinations = combinations(options);
        List<Path> unique = new ArrayList<>(new LinkedHashSet<>(inputs.stream()
                .map(p -> Objects.requireNonNull(p, "an input is null").toAbsolutePath().normalize()).toList()));
        if (unique.isEmpty()) {
            return List.of();
        }
        Map<String, Path> stems = new HashMap<>();
        for (Path input : unique) {
            if (!Files.isRegularFile(input)) {
                throw new PrecompileException(input, "cannot precompile " + input + ": "
                        + (Files.exists(input) ? "it is not a regular file" : "the file does not exist"));
            }
            Path other = stems.putIfAbsent(stem(input), input);
            if (other != null) {
                throw new PrecompileException(input, other + " and " + input + " would both be written to "
                        + outDir.resolve(stem(input) + ".<profile>[.fuel][.epoch].<target>.cwasm")
                        + ": rename one of them or compile them into different directories");
            }
        }
        Path out = outDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new PrecompileException(null, "cannot create the output directory " + out + ": " + e, e);
        }
        // nsw-precompile names its outputs <stem>.<profile>.<target>.cwasm whatever the fuel and epoch
        // settings; it writes them into a private staging directory, and each is renamed to its
        // ArtifactName in the output directory.
        Path staging;
        try {
            staging = Files.createTempDirectory(out, ".precompiling-");
        } catch (IOException e) {
            throw new PrecompileException(null, "cannot write into the output directory " + out + ": " + e, e);
        }
        List<String> common = commonArguments(options, combinations, staging, unique.size());

        int processors = Math.max(1, Runtime.getRuntime().availableProcessors());
        int parallel = Math.min(unique.size(), processors);
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "nsw-precompile-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Set<Process> running = ConcurrentHashMap.newKeySet();
        AtomicBoolean cancelled = new AtomicBoolean();
        CompletionService<Done> completion = new ExecutorCompletionService<>(pool);
        List<Future<Done>> futures = new ArrayList<>();
        boolean finished = false;
        try {
            for (Path input : unique) {
                futures.add(completion.submit(() -> compileOne(input, common, options, combinations, staging, out, running,
                        cancelled)));
            }
            Map<Path, List<CompiledArtifact>> results = new HashMap<>();
            for (int done = 1; done <= unique.size(); done++) {
                Done result;
                try {
                    result = completion.take().get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof PrecompileException pe) {
                        throw new PrecompileException(pe.input(), pe.getMessage(), pe);
                    }
                    throw new PrecompileException(null, "precompiling failed: " + cause, cause);
                }
                results.put(result.input, result.artifacts);
                listener.compiled(result.input, result.artifacts, done, unique.size());
            }
            List<CompiledArtifact> all = new ArrayList<>();
            for (Path input : unique) {
                all.addAll(results.get(input));
            }
            finished = true;
            return List.copyOf(all);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrecompileException(null, "interrupted while precompiling", e);
        } finally {
            if (!finished) {
                cancelled.set(true);
                futures.forEach(f -> f.cancel(true));
                running.forEach(Process::destroyForcibly);
            }
            pool.shutdownNow();
            try {
                pool.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            deleteTree(staging);
        }
    }

    // ------------------------------------------------------------------------------------------

    /** One target/profile pair to compile for. */
    record Combination(Target target, Profile profile) {}

    private record Done(Path input, List<CompiledArtifact> artifacts) {}

    private record Run(int exitCode, String output) {}

    /** Every fitting target × profile pair, by target then profile (enum order). */
    static List<Combination> combinations(PrecompileOptions options) {
        List<Combination> out = new ArrayList<>();
        List<String> impossible = new ArrayList<>();
        for (Target target : options.targets().stream().sorted().toList()) {
            for (Profile profile : options.profiles().stream().sorted().toList()) {
                if (ArtifactInfo.supports(profile, target)) {
                    out.add(new Combination(target, profile));
                } else {
                    impossible.add("target " + target.cliName() + " with profile " + profile.cliName());
                }
            }
        }
        if (out.isEmpty()) {
            throw new PrecompileException(null, "no requested target/profile pair is possible (" + String.join(", ", impossible)
                    + "): the pulley profile holds code only for target pulley64, and native / native-signals only "
                    + "for x86_64 or aarch64");
        }
        return out;
    }

    /** The file name without its last extension, as Rust's {@code Path::file_stem}. */
    static String stem(Path input) {
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }

    private List<String> commonArguments(PrecompileOptions options, List<Combination> combinations, Path out, int inputs) {
        List<String> args = new ArrayList<>();
        args.add(executable.toString());
        args.add("--out-dir");
        args.add(out.toString());
        combinations.stream().map(Combination::target).distinct().forEach(t -> {
            args.add("--target");
            args.add(t.cliName());
        });
        combinations.stream().map(Combination::profile).distinct().forEach(p -> {
            args.add("--profile");
            args.add(p.cliName());
        });
        if (options.fuel()) {
            args.add("--fuel");
        }
        if (options.epoch()) {
            args.add("--epoch");
        }
        options.signingKey().ifPresent(key -> {
            args.add("--sign-key");
            args.add(key.toAbsolutePath().toString());
        });
        if (inputs >= Runtime.getRuntime().availableProcessors()) {
            args.add("--no-parallel"); // one process per processor already
        }
        return args;
    }

    private Done compileOne(Path input, List<String> common, PrecompileOptions options, List<Combination> combinations,
            Path staging, Path out, Set<Process> running, AtomicBoolean cancelled) {
        List<String> command = new ArrayList<>(common);
        command.add("--");
        command.add(input.toString());
        if (cancelled.get()) {
            throw new PrecompileException(input, "cancelled");
        }
        Run run = run(command, new Tracker(running, cancelled));
        if (cancelled.get()) {
            throw new PrecompileException(input, "cancelled");
        }
        if (run.exitCode != 0) {
            throw new PrecompileException(input, "cannot precompile " + input + ": " + failureText(run.output)
                    + " (nsw-precompile exit status " + run.exitCode + ")");
        }
        List<CompiledArtifact> artifacts = new ArrayList<>();
        for (Combination c : combinations) {
            Path written = staging.resolve(stem(input) + "." + c.profile().cliName() + "." + c.target().cliName() + ".cwasm");
            if (!Files.isRegularFile(written)) {
                throw new PrecompileException(input, "nsw-precompile reported success for " + input + " but did not write "
                        + written + ": " + run.output.strip());
            }
            ArtifactName name = new ArtifactName(stem(input), c.profile(), c.target().cliName(), options.fuel(), options.epoch());
            Path file = out.resolve(name.fileName());
            try {
                Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new PrecompileException(input, "cannot move " + written + " to " + file + ": " + e, e);
            }
            artifacts.add(new CompiledArtifact(input, c.target(), c.profile(), file));
        }
        return new Done(input, List.copyOf(artifacts));
    }

    /** The CLI's error lines, without its progress and notes. */
    static String failureText(String output) {
        List<String> lines = new ArrayList<>();
        for (String line : output.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty() || l.matches("\\[\\d+/\\d+\\] compiled .*") || l.startsWith("nsw-precompile: skipping ")) {
                continue;
            }
            lines.add(l);
        }
        return lines.isEmpty() ? output.strip() : String.join("\n", lines);
    }

    private record Tracker(Set<Process> running, AtomicBoolean cancelled) {}

    private Run run(List<String> command, Tracker tracker) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        } catch (IOException e) {
            throw new PrecompileException(null, "cannot run " + executable + ": " + e.getMessage()
                    + (Files.isRegularFile(executable) && !Files.isExecutable(executable)
                            ? " (it is not executable: chmod +x it, or check that its file system is not mounted noexec)"
                            : Files.exists(executable) ? "" : " (the file does not exist)"), e);
        }
        if (tracker != null) {
            tracker.running.add(process);
            if (tracker.cancelled.get()) {
                process.destroyForcibly();
            }
        }
        try (InputStream in = process.getInputStream()) {
            String output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Run(process.waitFor(), output);
        } catch (IOException e) {
            throw new PrecompileException(null, "cannot read the output of " + executable + ": " + e, e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new PrecompileException(null, "interrupted while running " + executable, e);
        } finally {
            if (tracker != null) {
                tracker.running.remove(process);
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // a leftover hidden staging directory is harmless; the artifacts are in place
        }
    }

    private static String hostArch(String osArch) {
        return switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64", "x86-64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> null;
        };
    }
}
