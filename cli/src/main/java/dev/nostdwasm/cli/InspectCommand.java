package dev.nostdwasm.cli;

import dev.nostdwasm.api.Engine;
import dev.nostdwasm.api.EngineConfig;
import dev.nostdwasm.api.ExportType;
import dev.nostdwasm.api.ImportType;
import dev.nostdwasm.api.WasmModule;
import dev.nostdwasm.api.NoStdRuntime;
import dev.nostdwasm.precompiler.ArtifactInfo;
import dev.nostdwasm.precompiler.Target;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nsw inspect}: an artifact's envelope, its signature, and the module's imports and exports. */
@Command(name = "inspect",
        mixinStandardHelpOptions = true,
        description = {
            "Prints what an artifact records, and its imports and exports.",
            "The envelope's fields (format, target, profile, fuel, epoch, Wasmtime version,"
                    + " ISA flags, payload size, SHA-256 and whether it matches, signature), then the module's"
                    + " imports and exports when it can be loaded here (its target is this machine's architecture"
                    + " or pulley64).",
            "Exits with 1 when the SHA-256 does not match or the signature is not valid for --public-key.",
            "The imports and exports are listed only for an artifact the runtime may load: " + Host.VERIFY_HELP
        },
        sortOptions = false)
final class InspectCommand implements Callable<Integer> {

    private static final String FORMAT = "%-18s%s%n";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ARTIFACT", description = "An artifact (.cwasm) made by nsw compile, nsw-precompile or the Maven plugin.")
    Path artifact;

    @Option(names = "--public-key", paramLabel = "FILE",
            description = "Verifies the signature with this Ed25519 public key (X.509 PEM).")
    Path publicKey;

    @Option(names = "--allow-unsigned",
            description = "Loads an unsigned artifact to list its imports and exports: native code, so only one you built yourself.")
    boolean allowUnsigned;

    @Option(names = "--provider", paramLabel = "PROVIDER",
            description = "ffm or jni, for loading the module. Default: the best one here.")
    RunCommand.Provider provider;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(artifact)) {
            throw new CliException("no such file: " + artifact);
        }
        if (publicKey != null && !Files.isRegularFile(publicKey)) {
            throw new CliException("no such public key: " + publicKey);
        }
        ArtifactInfo info = ArtifactInfo.read(artifact);
        PrintWriter out = spec.commandLine().getOut();
        boolean ok = true;

        // Load the module first: the runtime's Wasmtime version goes on the version line.
        Listing listing = listing(info);

        line(out, "file:", artifact + " (" + Files.size(artifact) + " bytes)");
        line(out, "format:", Integer.toString(info.format()));
        line(out, "target:", info.target().cliName());
        line(out, "profile:", info.profile().cliName());
        line(out, "fuel:", info.fuel() ? "yes" : "no");
        line(out, "epoch:", info.epoch() ? "yes" : "no");
        String runtimeVersion = listing.runtimeVersion;
        line(out, "Wasmtime version:", info.wasmtimeVersion() + (runtimeVersion == null ? ""
                : runtimeVersion.equals(info.wasmtimeVersion()) ? " (same as this runtime)"
                : " (this runtime has " + runtimeVersion + ": recompile it)"));
        line(out, "ISA flags:", info.isaFlags().isEmpty() ? "none" : info.isaFlags());
        line(out, "payload size:", info.payloadSize() + " bytes (header " + info.headerSize() + " bytes)");
        line(out, "SHA-256:", info.sha256() + (info.digestVerified() ? " (verified)" : " (MISMATCH: the payload was changed)"));
        ok &= info.digestVerified();
        String signature;
        if (info.signature().isEmpty()) {
            signature = "none";
        } else if (publicKey == null) {
            signature = "Ed25519 present, not verified (give --public-key)";
        } else if (info.signedBy(publicKey)) {
            signature = "Ed25519 verified (" + publicKey + ")";
        } else {
            signature = "Ed25519 INVALID for " + publicKey;
            ok = false;
        }
        line(out, "signature:", signature);
        out.print(listing.text);
        out.flush();
        return ok ? 0 : 1;
    }

    private static void line(PrintWriter out, String label, String value) {
        out.printf(FORMAT, label, value);
    }

    private record Listing(String text, String runtimeVersion) {}

    /** The imports and exports, or why they are not shown. */
    private Listing listing(ArtifactInfo info) throws IOException {
        String arch = Host.archName();
        if (info.target() != Target.PULLEY64 && !info.target().cliName().equals(arch)) {
            return new Listing("imports/exports: not shown (artifact is for " + info.target().cliName()
                    + ", this host is " + arch + ")\n", null);
        }
        NoStdRuntime runtime;
        try {
            runtime = Host.runtime(provider == null ? null : provider.name());
        } catch (RuntimeException | LinkageError e) {
            return new Listing("imports/exports: not shown (no runtime here: " + Main.describe(e) + ")\n", null);
        }
        if (publicKey == null && !allowUnsigned) {
            return new Listing("imports/exports: not shown (not loaded: " + Host.VERIFY_HELP + ")\n",
                    runtime.wasmtimeVersion());
        }
        EngineConfig config = Host.verifying(
                EngineConfig.of(info.profile()).withFuel(info.fuel()).withEpochInterruption(info.epoch()),
                publicKey, allowUnsigned);
        StringBuilder sb = new StringBuilder();
        try (Engine engine = runtime.newEngine(config);
                WasmModule module = engine.load(Files.readAllBytes(artifact))) {
            if (module.imports().isEmpty()) {
                sb.append("imports: none\n");
            }
            for (ImportType i : module.imports()) {
                sb.append("import ").append(i.module()).append('.').append(i.name()).append(": ")
                        .append(ValueText.format(i.type())).append('\n');
            }
            if (module.exports().isEmpty()) {
                sb.append("exports: none\n");
            }
            for (ExportType e : module.exports()) {
                sb.append("export ").append(e.name()).append(": ").append(ValueText.format(e.type())).append('\n');
            }
        } catch (RuntimeException e) {
            return new Listing("imports/exports: not shown (the " + runtime.provider() + " runtime did not load it: "
                    + Main.describe(e) + ")\n", runtime.wasmtimeVersion());
        }
        return new Listing(sb.toString(), runtime.wasmtimeVersion());
    }
}
