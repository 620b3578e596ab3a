package dev.nostdwasm.cli;

import dev.nostdwasm.api.ArtifactSignatureException;
import dev.nostdwasm.api.Engine;
import dev.nostdwasm.api.EngineConfig;
import dev.nostdwasm.api.ExportType;
import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.ImportType;
import dev.nostdwasm.api.Instance;
import dev.nostdwasm.api.Linker;
import dev.nostdwasm.api.WasmModule;
import dev.nostdwasm.api.NoStdRuntime;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.Store;
import dev.nostdwasm.api.Val;
import dev.nostdwasm.precompiler.ArtifactInfo;
import dev.nostdwasm.precompiler.CompiledArtifact;
import dev.nostdwasm.precompiler.PrecompileListener;
import dev.nostdwasm.precompiler.PrecompileOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nsw run}: loads a module (compiling it first when it is not an artifact) and calls an export. */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Calls an exported function and prints its results.",
            "Calls the function EXPORT of MODULE with ARGS and prints its results, one per line.",
            "MODULE is an artifact (its envelope gives the profile, fuel and epoch settings), or a .wat or"
                    + " .wasm module, which is compiled first for this machine (pulley64 for the pulley profile).",
            Host.VERIFY_HELP,
            "The module must import nothing: nsw provides no host functions.",
            "ARGS are read as the export's parameter types say: i32/i64 in decimal or 0x hex, f32/f64 as"
                    + " decimal or hex floats, inf, nan; v128 as 32 hex digits (most significant first)."
                    + " Put -- before arguments that start with '-' if picocli takes them for options.",
            "A trap prints 'trap: <code>: <message>' and exits with 3."
        },
        sortOptions = false)
final class RunCommand implements Callable<Integer> {

    enum Provider { ffm, jni }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODULE", description = "An artifact, or a .wat or .wasm module.")
    Path modulePath;

    @Option(names = "--invoke", required = true, paramLabel = "EXPORT", description = "The exported function to call.")
    String export;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Its arguments.")
    List<String> args = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "PROFILE", converter = Converters.ProfileConverter.class,
            completionCandidates = Converters.ProfileNames.class,
            description = "native, native-signals or pulley. Default: the artifact's; native for .wat and .wasm.")
    Profile profile;

    @Option(names = "--provider", paramLabel = "PROVIDER",
            description = "ffm or jni. Default: the best one here (ffm on Java 22+).")
    Provider provider;

    @Option(names = "--fuel", paramLabel = "N",
            description = "Gives the call N units of fuel (out of fuel traps with OUT_OF_FUEL). A .wat or .wasm is then"
                    + " compiled with fuel metering; an artifact must have been. Without it, an artifact compiled"
                    + " with fuel gets unlimited fuel.")
    Long fuel;

    @Option(names = "--public-key", paramLabel = "FILE",
            description = "Loads the artifact only when it is signed by this Ed25519 public key (X.509 PEM).")
    Path publicKey;

    @Option(names = "--allow-unsigned",
            description = "Loads an unsigned artifact: native code, so only one you built yourself."
                    + " Not needed for a .wat or .wasm, which nsw compiles itself.")
    boolean allowUnsigned;

    @Override
    public Integer call() throws IOException {
        if (fuel != null && fuel < 0) {
            throw new ParameterException(spec.commandLine(), "--fuel must be 0 or more, not " + fuel);
        }
        if (!Files.isRegularFile(modulePath)) {
            throw new CliException("no such file: " + modulePath);
        }
        boolean artifact = Host.isArtifact(modulePath);
        if (publicKey != null && !artifact) {
            throw new CliException("--public-key verifies artifacts, but " + modulePath + " is a module nsw compiles itself");
        }
        Loaded loaded = artifact ? artifact() : compileHere();

        NoStdRuntime runtime = Host.runtime(provider == null ? null : provider.name());
        EngineConfig config = EngineConfig.of(loaded.profile).withFuel(loaded.fuel).withEpochInterruption(loaded.epoch);
        // What nsw just compiled in its own temporary directory is as trusted as nsw itself.
        config = Host.verifying(config, publicKey, allowUnsigned || !artifact);
        PrintWriter out = spec.commandLine().getOut();
        try (Engine engine = runtime.newEngine(config);
                WasmModule module = load(engine, loaded.bytes);
                Linker linker = engine.newLinker();
                Store store = engine.newStore()) {
            checkNoImports(module.imports());
            ExternType.Func type = functionType(module.exports());
            Val[] values = arguments(type);
            if (loaded.fuel) {
                store.setFuel(fuel != null ? fuel : Long.MAX_VALUE);
            }
            if (loaded.epoch) {
                store.setEpochDeadline(Long.MAX_VALUE / 2); // no deadline: nothing advances the epoch
            }
            Instance instance = linker.instantiate(store, module);
            Val[] results = instance.func(export).call(values);
            for (Val v : results) {
                out.println(ValueText.format(v));
            }
            out.flush();
        }
        return 0;
    }

    private record Loaded(byte[] bytes, Profile profile, boolean fuel, boolean epoch) {}

    private WasmModule load(Engine engine, byte[] bytes) {
        try {
            return engine.load(bytes);
        } catch (ArtifactSignatureException e) {
            throw new CliException(modulePath + ": " + e.getMessage() + ". " + Host.VERIFY_HELP, e);
        }
    }

    private Loaded artifact() throws IOException {
        ArtifactInfo info = ArtifactInfo.read(modulePath);
        if (fuel != null && !info.fuel()) {
            throw new CliException("--fuel: " + modulePath + " was compiled without fuel metering"
                    + " (compile it with nsw compile --fuel, or run the .wat/.wasm)");
        }
        return new Loaded(Files.readAllBytes(modulePath), profile != null ? profile : info.profile(),
                info.fuel(), info.epoch());
    }

    /** Compiles the module for this machine and {@code --profile} into a temporary directory. */
    private Loaded compileHere() throws IOException {
        String name = String.valueOf(modulePath.getFileName()).toLowerCase(Locale.ROOT);
        if (!name.endsWith(".wat") && !name.endsWith(".wasm") && !startsWithWasmMagic()) {
            throw new CliException(modulePath + " is neither an artifact nor a .wat or .wasm module");
        }
        Profile p = profile != null ? profile : Profile.NATIVE;
        boolean metered = fuel != null;
        Path tmp = Files.createTempDirectory("nsw-run");
        try {
            PrecompileOptions options = PrecompileOptions.of(Set.of(Host.targetFor(p)), Set.of(p)).withFuel(metered);
            List<CompiledArtifact> out = Host.precompiler().compile(options, List.of(modulePath), tmp, PrecompileListener.NONE);
            if (out.size() != 1) {
                throw new CliException("the precompiler gave " + out.size() + " artifacts for " + modulePath + ", expected 1");
            }
            return new Loaded(Files.readAllBytes(out.get(0).file()), p, metered, false);
        } finally {
            deleteTree(tmp);
        }
    }

    private boolean startsWithWasmMagic() throws IOException {
        try (InputStream in = Files.newInputStream(modulePath)) {
            return Arrays.equals(in.readNBytes(4), new byte[] {0, 'a', 's', 'm'});
        }
    }

    private void checkNoImports(List<ImportType> imports) {
        if (imports.isEmpty()) {
            return;
        }
        throw new CliException(modulePath + " imports " + (imports.size() == 1 ? "this" : "these")
                + ", and nsw run provides no imports (call it from Java with a Linker that defines them):"
                + imports.stream().map(i -> "\n  import " + i.module() + "." + i.name() + ": " + ValueText.format(i.type()))
                        .collect(Collectors.joining()));
    }

    private ExternType.Func functionType(List<ExportType> exports) {
        for (ExportType e : exports) {
            if (e.name().equals(export)) {
                if (e.type() instanceof ExternType.Func f) {
                    return f;
                }
                throw new CliException("export '" + export + "' is a " + ValueText.format(e.type()) + ", not a function");
            }
        }
        List<String> funcs = exports.stream().filter(e -> e.type() instanceof ExternType.Func)
                .map(e -> "\n  export " + e.name() + ": " + ValueText.format(e.type())).toList();
        throw new CliException(modulePath + " has no export '" + export + "'"
                + (funcs.isEmpty() ? "; it exports no functions" : "; its functions are:" + String.join("", funcs)));
    }

    private Val[] arguments(ExternType.Func type) {
        List<dev.nostdwasm.api.ValType> params = type.params();
        if (args.size() != params.size()) {
            throw new ParameterException(spec.commandLine(), export + " takes " + params.size()
                    + (params.size() == 1 ? " argument " : " arguments ") + ValueText.list(params) + ", but "
                    + args.size() + (args.size() == 1 ? " was" : " were") + " given");
        }
        Val[] values = new Val[params.size()];
        for (int i = 0; i < values.length; i++) {
            try {
                values[i] = ValueText.parse(params.get(i), args.get(i));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(),
                        "argument " + (i + 1) + " of " + export + ": " + e.getMessage());
            }
        }
        return values;
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind is not worth failing the run
        }
    }
}
