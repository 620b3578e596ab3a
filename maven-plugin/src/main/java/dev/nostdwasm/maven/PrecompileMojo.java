package dev.nostdwasm.maven;

import dev.nostdwasm.api.Profile;
import dev.nostdwasm.precompiler.CompiledArtifact;
import dev.nostdwasm.precompiler.PrecompileException;
import dev.nostdwasm.precompiler.PrecompileOptions;
import dev.nostdwasm.precompiler.Precompiler;
import dev.nostdwasm.precompiler.Target;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Compiles the WebAssembly modules under {@code src/main/wasm} ({@code .wasm} and {@code .wat})
 * ahead of time into artifacts for the configured targets and profiles, signed when a key is
 * configured, into a directory that is added to the project's resources (so the artifacts land
 * in the jar, in the subdirectory their input had). Inputs whose artifacts are up to date are
 * skipped.
 */
@Mojo(name = "precompile", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class PrecompileMojo extends AbstractMojo {

    /** Made by Maven, which then sets the parameters below from the plugin's configuration. */
    public PrecompileMojo() {
    }

    static final List<String> DEFAULT_INCLUDES = List.of("**/*.wasm", "**/*.wat");
    static final List<String> DEFAULT_TARGETS = List.of("x86_64", "aarch64", "pulley64");
    static final List<String> DEFAULT_PROFILES = List.of("native", "pulley");

    /** Where the modules are. A directory that does not exist means there is nothing to do. */
    @Parameter(property = "nostdwasm.sourceDirectory", defaultValue = "${project.basedir}/src/main/wasm", required = true)
    File sourceDirectory;

    /** Which files under {@link #sourceDirectory} to compile (Ant patterns). Default: {@code **}{@code /*.wasm}, {@code **}{@code /*.wat}. */
    @Parameter
    List<String> includes;

    /** Files under {@link #sourceDirectory} not to compile (Ant patterns). Default: none. */
    @Parameter
    List<String> excludes;

    /**
     * Where the artifacts go: {@code <input stem>.<profile>[.fuel][.epoch].<target>.cwasm}, in the
     * subdirectory the input had (at the top for {@code Engine.loadResource}). Added to the
     * project's resources.
     */
    @Parameter(property = "nostdwasm.outputDirectory",
            defaultValue = "${project.build.directory}/generated-resources/nostdwasm", required = true)
    File outputDirectory;

    /**
     * Targets: {@code x86_64}, {@code aarch64}, {@code pulley64}, or {@code host} (the
     * architecture of the machine running the build). Default: {@code x86_64}, {@code aarch64}
     * and {@code pulley64}.
     */
    @Parameter(property = "nostdwasm.targets")
    List<String> targets;

    /**
     * Profiles: {@code native}, {@code native-signals}, {@code pulley}. Default: {@code native},
     * {@code pulley}. Every target × profile pair that fits is built ({@code pulley} goes with
     * {@code pulley64} only, the native profiles with {@code x86_64} and {@code aarch64}).
     */
    @Parameter(property = "nostdwasm.profiles")
    List<String> profiles;

    /** Compile fuel counting in (engines loading the artifacts must enable fuel). */
    @Parameter(property = "nostdwasm.fuel", defaultValue = "false")
    boolean fuel;

    /** Compile epoch-deadline checks in (engines loading the artifacts must enable epochs). */
    @Parameter(property = "nostdwasm.epoch", defaultValue = "false")
    boolean epoch;

    /** An Ed25519 private key (PKCS#8 PEM) to sign every artifact with. Default: unsigned. */
    @Parameter(property = "nostdwasm.signingKey")
    File signingKey;

    /** Skip the goal. */
    @Parameter(property = "nostdwasm.skip", defaultValue = "false")
    boolean skip;

    /** An {@code nsw-precompile} executable to use instead of the one bundled for this host. */
    @Parameter(property = "nostdwasm.precompilerExecutable")
    File precompilerExecutable;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    MojoExecution mojoExecution;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping precompile (nostdwasm.skip)");
            return;
        }
        Path basedir = project.getBasedir().toPath().toAbsolutePath();
        Path sourceDir = sourceDirectory.toPath().toAbsolutePath().normalize();
        Path outDir = outputDirectory.toPath().toAbsolutePath().normalize();
        Path stampFile = Path.of(project.getBuild().getDirectory(), "nostdwasm-stamps",
                mojoExecution.getExecutionId().replaceAll("[^A-Za-z0-9._-]", "_") + ".stamp");
        if (!Files.isDirectory(sourceDir)) {
            getLog().info("No WebAssembly to precompile: " + shown(basedir, sourceDir) + " does not exist");
            forgetEverything(stampFile, outDir);
            return;
        }
        PrecompileOptions options = options();
        List<Combinations.Pair> pairs = pairs(options);

        List<Path> found;
        try {
            found = SourceScanner.scan(sourceDir, orDefault(includes, DEFAULT_INCLUDES), orDefault(excludes, List.of()));
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot list " + shown(basedir, sourceDir) + ": " + e.getMessage(), e);
        }
        if (found.isEmpty()) {
            getLog().info("No WebAssembly to precompile: nothing in " + shown(basedir, sourceDir) + " matches "
                    + orDefault(includes, DEFAULT_INCLUDES));
            forgetEverything(stampFile, outDir);
            return;
        }
        Plan plan;
        try {
            plan = Plan.of(sourceDir, found, pairs, options.fuel(), options.epoch(), outDir);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        addResource(outDir);

        Precompiler precompiler = precompiler();
        try {
            String configuration = BuildStamp.configuration(options, precompiler.wasmtimeVersion(), sourceDir, outDir);
            BuildStamp previous = BuildStamp.read(stampFile);
            boolean unchanged = previous.matches(configuration);
            if (!unchanged && !previous.configuration().isEmpty()) {
                getLog().info("Configuration changed since the last build: recompiling everything");
            }
            List<Plan.Input> stale = plan.stale(unchanged);
            int orphans = plan.deleteOrphans(previous.outputs());
            if (orphans > 0) {
                getLog().info("Deleted " + orphans + " artifact(s) no input gives any more");
            }
            if (!stale.isEmpty() && !unchanged) {
                Set<String> remembered = new LinkedHashSet<>(previous.outputs());
                remembered.addAll(plan.expectedOutputs());
                BuildStamp.incomplete(remembered).write(stampFile);
            }
            int artifacts = compile(precompiler, options, stale, outDir, basedir);
            new BuildStamp(configuration, plan.expectedOutputs()).write(stampFile);
            int upToDate = plan.inputs().size() - stale.size();
            getLog().info(stale.size() + " compiled, " + upToDate + " up to date" + (artifacts == 0 ? ""
                    : " (" + artifacts + (artifacts == 1 ? " artifact" : " artifacts") + " written to "
                            + shown(basedir, outDir) + ")"));
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot precompile: " + e.getMessage(), e);
        } catch (PrecompileException e) {
            if (e.input() == null) {
                throw failureOutsideInput(e);
            }
            throw new MojoFailureException("Cannot precompile " + shown(basedir, basedir.resolve(e.input())) + ": "
                    + reason(e), e);
        }
    }

    /** The exception's message without a leading "{@code <input>: }" or "{@code cannot precompile <input>: }" (the goal's message names the input). */
    static String reason(PrecompileException e) {
        String message = String.valueOf(e.getMessage());
        for (String prefix : List.of(e.input() + ": ", "cannot precompile " + e.input() + ": ")) {
            if (message.regionMatches(true, 0, prefix, 0, prefix.length()) && message.length() > prefix.length()) {
                return message.substring(prefix.length());
            }
        }
        return message;
    }

    /** No inputs any more: deletes the artifacts the last build wrote, and its stamp. */
    private void forgetEverything(Path stampFile, Path outDir) throws MojoExecutionException {
        BuildStamp previous = BuildStamp.read(stampFile);
        if (previous.outputs().isEmpty()) {
            return;
        }
        try {
            int deleted = Plan.of(outDir, List.of(), List.of(), false, false, outDir).deleteOrphans(previous.outputs());
            Files.deleteIfExists(stampFile);
            if (deleted > 0) {
                getLog().info("Deleted " + deleted + " artifact(s) no input gives any more");
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot delete the artifacts of the last build: " + e.getMessage(), e);
        }
    }

    /** Compiles {@code stale}, one precompiler batch per subdirectory; returns how many artifacts were written. */
    private int compile(Precompiler precompiler, PrecompileOptions options, List<Plan.Input> stale, Path outDir,
            Path basedir) throws IOException {
        Map<String, List<Plan.Input>> bySubdirectory = new LinkedHashMap<>();
        for (Plan.Input input : stale) {
            bySubdirectory.computeIfAbsent(input.subdirectory(), k -> new ArrayList<>()).add(input);
        }
        int total = stale.size();
        AtomicInteger done = new AtomicInteger();
        int artifacts = 0;
        for (Map.Entry<String, List<Plan.Input>> group : bySubdirectory.entrySet()) {
            Path dir = group.getKey().isEmpty() ? outDir : outDir.resolve(group.getKey());
            Files.createDirectories(dir);
            List<Path> sources = group.getValue().stream().map(Plan.Input::source).toList();
            List<CompiledArtifact> written = precompiler.compile(options, sources, dir,
                    (input, produced, ignoredDone, ignoredTotal) -> getLog().info("[" + done.incrementAndGet() + "/"
                            + total + "] " + shown(basedir, input) + " -> " + produced.size() + " artifact"
                            + (produced.size() == 1 ? "" : "s")));
            artifacts += written.size();
        }
        return artifacts;
    }

    private MojoExecutionException failureOutsideInput(PrecompileException e) {
        String hint = precompilerExecutable == null
                ? " (set <precompilerExecutable> to an nsw-precompile that runs on this machine)"
                : "";
        return new MojoExecutionException("The precompiler failed: " + e.getMessage() + hint, e);
    }

    private Precompiler precompiler() throws MojoExecutionException {
        if (precompilerExecutable != null) {
            Path exe = precompilerExecutable.toPath().toAbsolutePath();
            if (!Files.isExecutable(exe)) {
                throw new MojoExecutionException("precompilerExecutable " + exe + " does not exist or is not executable");
            }
            return Precompiler.at(exe);
        }
        try {
            return Precompiler.bundled();
        } catch (PrecompileException e) {
            throw failureOutsideInput(e);
        }
    }

    PrecompileOptions options() throws MojoExecutionException {
        Set<Target> ts = EnumSet.noneOf(Target.class);
        for (String name : orDefault(targets, DEFAULT_TARGETS)) {
            try {
                ts.add(Target.fromCliName(name.trim()));
            } catch (IllegalArgumentException e) {
                throw new MojoExecutionException("Invalid <targets>: " + e.getMessage());
            }
        }
        Set<Profile> ps = EnumSet.noneOf(Profile.class);
        for (String name : orDefault(profiles, DEFAULT_PROFILES)) {
            try {
                ps.add(Profile.fromCliName(name.trim()));
            } catch (IllegalArgumentException e) {
                throw new MojoExecutionException("Invalid <profiles>: " + e.getMessage());
            }
        }
        PrecompileOptions options = PrecompileOptions.of(ts, ps).withFuel(fuel).withEpoch(epoch);
        if (signingKey != null) {
            Path key = signingKey.toPath().toAbsolutePath();
            if (!Files.isRegularFile(key) || !Files.isReadable(key)) {
                throw new MojoExecutionException("signingKey " + key + " does not exist or cannot be read");
            }
            options = options.withSigningKey(key);
        }
        return options;
    }

    private List<Combinations.Pair> pairs(PrecompileOptions options) throws MojoExecutionException {
        List<Combinations.Pair> pairs = Combinations.pairs(options.targets(), options.profiles());
        if (pairs.isEmpty()) {
            throw new MojoExecutionException("No configured target fits a configured profile (targets "
                    + options.targets().stream().map(Target::cliName).sorted().toList() + ", profiles "
                    + options.profiles().stream().map(Profile::cliName).sorted().toList()
                    + "): the pulley profile goes with target pulley64 only, native and native-signals with"
                    + " x86_64 or aarch64");
        }
        for (Target t : options.targets()) {
            if (pairs.stream().noneMatch(p -> p.target() == t)) {
                getLog().warn("Target " + t.cliName() + " is not built: no configured profile fits it");
            }
        }
        for (Profile p : options.profiles()) {
            if (pairs.stream().noneMatch(x -> x.profile() == p)) {
                getLog().warn("Profile " + p.cliName() + " is not built: no configured target fits it");
            }
        }
        return pairs;
    }

    private void addResource(Path outDir) {
        String dir = outDir.toString();
        boolean present = project.getResources().stream()
                .anyMatch(r -> r.getDirectory() != null && Path.of(r.getDirectory()).toAbsolutePath().normalize().equals(outDir));
        if (!present) {
            Resource resource = new Resource();
            resource.setDirectory(dir);
            project.addResource(resource);
        }
    }

    private static List<String> orDefault(List<String> configured, List<String> fallback) {
        if (configured == null) {
            return fallback;
        }
        List<String> cleaned = configured.stream().filter(s -> s != null && !s.isBlank()).map(String::trim).toList();
        return cleaned.isEmpty() ? fallback : cleaned;
    }

    /** {@code path} relative to the project's base directory when it is inside it. */
    static String shown(Path basedir, Path path) {
        Path abs = path.toAbsolutePath().normalize();
        return abs.startsWith(basedir) ? SourceScanner.slashed(basedir.relativize(abs)) : abs.toString();
    }
}
