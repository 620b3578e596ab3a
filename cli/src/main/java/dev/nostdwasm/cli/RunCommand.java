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
import dev.nostdwasm.wasi.Wasi;
import dev.nostdwasm.wasi.WasiConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code nsw run}: loads a module (compiling it first when it is not an artifact) and runs it as a
 * WASI command, or calls one of its exports with {@code --invoke}.
 */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a WASI command, or calls an exported function and prints its results.",
            "Without --invoke, MODULE is run as a command, like wasmtime run: its _start is called with ARGS as its"
                    + " arguments (after the module's name), its stdin, stdout and stderr are nsw's, and nsw exits with"
                    + " the code the program exits with. It reaches only the directories of --dir and --dir-ro and the"
                    + " environment of --env and --inherit-env.",
            "With --invoke, calls the function EXPORT of MODULE with ARGS and prints its results, one per line."
                    + " ARGS are read as the export's parameter types say: i32/i64 in decimal or 0x hex, f32/f64 as"
                    + " decimal or hex floats, inf, nan; v128 as 32 hex digits (most significant first).",
            "MODULE is an artifact (its envelope gives the profile, fuel and epoch settings), or a .wat or"
                    + " .wasm module, which is compiled first for this machine (pulley64 for the pulley profile) by the"
                    + " bundled precompiler and cached (see Engine.compile); the first run says so on stderr.",
            Host.VERIFY_HELP,
            "nsw provides the functions of wasi_snapshot_preview1 and no other imports.",
            "Put -- before arguments that start with '-', so that nsw does not take them for its own options.",
            "A trap prints 'trap: <code>: <message>' and exits with 3."
        },
        sortOptions = false)
final class RunCommand implements Callable<Integer> {

    enum Provider { ffm, jni }

    /** The import module of WASI preview 1, which nsw run provides. */
    static final String WASI_MODULE = "wasi_snapshot_preview1";

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "MODULE", description = "An artifact, or a .wat or .wasm module.")
    Path modulePath;

    @Option(names = "--invoke", paramLabel = "EXPORT",
            description = "Calls this exported function with ARGS instead of running the module as a WASI command.")
    String export;

    @Parameters(index = "1..*", paramLabel = "ARGS",
            description = "The command's arguments; with --invoke, the function's.")
    List<String> args = new ArrayList<>();

    /** The preopened directories, in the order given (the guest sees them as fds 3, 4, ...). */
    final List<Preopen> preopens = new ArrayList<>();

    @Option(names = "--dir", paramLabel = "HOST[::GUEST]",
            description = "Lets the program read and write directory HOST, as GUEST (default: HOST as written), and"
                    + " nothing outside it. Repeatable.")
    void dir(String directory) {
        preopens.add(Preopen.parse("--dir", directory, false, spec));
    }

    @Option(names = "--dir-ro", paramLabel = "HOST[::GUEST]",
            description = "Like --dir, but read-only: every change the program tries is refused. Repeatable.")
    void readOnlyDir(String directory) {
        preopens.add(Preopen.parse("--dir-ro", directory, true, spec));
    }

    @Option(names = "--env", paramLabel = "NAME=VALUE",
            description = "Sets an environment variable of the program (it sees none of nsw's unless"
                    + " --inherit-env). Repeatable.")
    List<String> env = new ArrayList<>();

    @Option(names = "--inherit-env",
            description = "Gives the program nsw's environment (--env adds to it and overrides it).")
    boolean inheritEnv;

    @Option(names = "--profile", paramLabel = "PROFILE", converter = Converters.ProfileConverter.class,
            completionCandidates = Converters.ProfileNames.class,
            description = "native, native-signals or pulley. Default: the artifact's; native for .wat and .wasm.")
    Profile profile;

    @Option(names = "--provider", paramLabel = "PROVIDER",
            description = "ffm or jni. Default: the best one here (ffm on Java 22+).")
    Provider provider;

    @Option(names = "--fuel", paramLabel = "N",
            description = "Gives the run N units of fuel (out of fuel traps with OUT_OF_FUEL). A .wat or .wasm is then"
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
        Loaded loaded = artifact ? artifact() : source();
        Wasi wasi = Wasi.create(wasiConfig()); // before compiling: a bad --env or --dir is reported at once

        NoStdRuntime runtime = Host.runtime(provider == null ? null : provider.name());
        EngineConfig config = EngineConfig.of(loaded.profile).withFuel(loaded.fuel).withEpochInterruption(loaded.epoch);
        // What nsw compiles itself (Engine.compile's owner-only cache) is as trusted as nsw itself.
        config = Host.verifying(config, publicKey, allowUnsigned || !artifact);
        try (Engine engine = runtime.newEngine(config);
                WasmModule module = artifact ? load(engine, loaded.bytes) : compile(engine, loaded);
                Linker linker = Wasi.addTo(engine.newLinker());
                Store store = engine.newStore(wasi)) {
            checkImports(module.imports());
            if (loaded.fuel) {
                store.setFuel(fuel != null ? fuel : Long.MAX_VALUE);
            }
            if (loaded.epoch) {
                store.setEpochDeadline(Long.MAX_VALUE / 2); // no deadline: nothing advances the epoch
            }
            if (export == null) {
                return runCommand(wasi, linker, store, module);
            }
            ExternType.Func type = functionType(module.exports());
            Val[] values = arguments(type);
            Instance instance = linker.instantiate(store, module);
            Val[] results = instance.func(export).call(values);
            PrintWriter out = spec.commandLine().getOut();
            for (Val v : results) {
                out.println(ValueText.format(v));
            }
            out.flush();
        }
        return 0;
    }

    /** Runs {@code module}'s {@code _start}; the program's exit code. */
    private int runCommand(Wasi wasi, Linker linker, Store store, WasmModule module) throws IOException {
        boolean isCommand = module.exports().stream()
                .anyMatch(e -> e.name().equals("_start") && e.type() instanceof ExternType.Func);
        if (!isCommand) {
            throw new CliException(modulePath + " exports no function _start, so it is not a WASI command:"
                    + " give --invoke EXPORT to call one of its functions");
        }
        try {
            return wasi.run(linker.instantiate(store, module)).code();
        } finally {
            main.stdout.flush();
            main.stderr.flush();
        }
    }

    /**
     * What the program may reach: nsw's standard streams, the arguments (after the module's name,
     * as wasmtime gives it), the environment and directories of the options.
     */
    private WasiConfig wasiConfig() {
        WasiConfig.Builder b = WasiConfig.builder().stdin(main.stdin).stdout(main.stdout).stderr(main.stderr);
        b.args(String.valueOf(modulePath));
        if (export == null) {
            b.args(args.toArray(String[]::new));
        }
        if (inheritEnv) {
            b.inheritEnv();
        }
        for (String variable : env) {
            int eq = variable.indexOf('=');
            if (eq <= 0) {
                throw new ParameterException(spec.commandLine(),
                        "--env " + variable + ": give NAME=VALUE (e.g. --env LANG=C)");
            }
            try {
                b.env(variable.substring(0, eq), variable.substring(eq + 1));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--env " + variable + ": " + e.getMessage());
            }
        }
        for (Preopen p : preopens) {
            try {
                b.preopen(p.host(), p.guest(), p.readOnly());
            } catch (IllegalArgumentException e) {
                throw new CliException(p.option() + " " + p.written() + ": " + e.getMessage(), e);
            }
        }
        return b.build();
    }

    /** A directory of {@code --dir} or {@code --dir-ro}, as written ({@code HOST[::GUEST]}) and parsed. */
    record Preopen(String option, String written, Path host, String guest, boolean readOnly) {
        static Preopen parse(String option, String written, boolean readOnly, CommandSpec command) {
            int separator = written.indexOf("::");
            String host = separator < 0 ? written : written.substring(0, separator);
            String guest = separator < 0 ? written : written.substring(separator + 2);
            if (host.isEmpty() || guest.isEmpty()) {
                throw new ParameterException(command.commandLine(), option + " " + written
                        + ": give HOST or HOST::GUEST, e.g. " + option + " data::/data");
            }
            return new Preopen(option, written, Path.of(host), guest, readOnly);
        }
    }

    private record Loaded(byte[] bytes, Profile profile, boolean fuel, boolean epoch) {}

    private WasmModule compile(Engine engine, Loaded source) {
        String settings = source.profile.cliName() + " (" + Host.targetFor(source.profile).cliName() + ")"
                + (source.fuel ? " with fuel metering" : "");
        return CachedCompile.compile(engine, modulePath, source.bytes, settings, spec.commandLine().getErr());
    }

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

    /** A .wat or .wasm, which {@link #compile} compiles for this machine and {@code --profile}. */
    private Loaded source() throws IOException {
        String name = String.valueOf(modulePath.getFileName()).toLowerCase(Locale.ROOT);
        if (!name.endsWith(".wat") && !name.endsWith(".wasm") && !startsWithWasmMagic()) {
            throw new CliException(modulePath + " is neither an artifact nor a .wat or .wasm module");
        }
        return new Loaded(Files.readAllBytes(modulePath), profile != null ? profile : Profile.NATIVE, fuel != null, false);
    }

    private boolean startsWithWasmMagic() throws IOException {
        try (InputStream in = Files.newInputStream(modulePath)) {
            return Arrays.equals(in.readNBytes(4), new byte[] {0, 'a', 's', 'm'});
        }
    }

    /** Refuses imports other than WASI's, listing them. */
    private void checkImports(List<ImportType> imports) {
        List<ImportType> others = imports.stream().filter(i -> !i.module().equals(WASI_MODULE)).toList();
        if (others.isEmpty()) {
            return;
        }
        throw new CliException(modulePath + " imports " + (others.size() == 1 ? "this" : "these")
                + ", and nsw run provides only " + WASI_MODULE + " (call it from Java with a Linker that defines them):"
                + others.stream().map(i -> "\n  import " + i.module() + "." + i.name() + ": " + ValueText.format(i.type()))
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
}
