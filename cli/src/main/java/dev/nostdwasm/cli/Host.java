package dev.nostdwasm.cli;

import dev.nostdwasm.api.Architecture;
import dev.nostdwasm.api.ArtifactHeader;
import dev.nostdwasm.api.EngineConfig;
import dev.nostdwasm.api.NoStdRuntime;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.TrustedKeys;
import dev.nostdwasm.precompiler.Precompiler;
import dev.nostdwasm.precompiler.Target;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** What the commands share about this machine: its target, the precompiler, the runtime. */
final class Host {

    /** Names an nsw-precompile executable to use instead of the bundled one. */
    static final String PRECOMPILER_PROPERTY = "nostdwasm.precompiler";
    static final String PRECOMPILER_ENV = "NSW_PRECOMPILER";

    private Host() {
    }

    /** This JVM's architecture as a precompiler target. */
    static Target target() {
        return Target.host();
    }

    /** The target code of {@code profile} must have to run here. */
    static Target targetFor(Profile profile) {
        return profile == Profile.PULLEY ? Target.PULLEY64 : target();
    }

    /** The architecture name, or os.arch when there are no natives for it. */
    static String archName() {
        try {
            return Architecture.current().id();
        } catch (RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }

    /**
     * The precompiler: the executable named by -Dnostdwasm.precompiler or $NSW_PRECOMPILER, else the
     * one bundled in the precompiler jar.
     */
    static Precompiler precompiler() {
        String named = System.getProperty(PRECOMPILER_PROPERTY);
        if (named == null || named.isBlank()) {
            named = System.getenv(PRECOMPILER_ENV);
        }
        if (named != null && !named.isBlank()) {
            Path exe = Path.of(named);
            if (!Files.isExecutable(exe)) {
                throw new CliException("the precompiler " + exe + " (named by -D" + PRECOMPILER_PROPERTY + " or $"
                        + PRECOMPILER_ENV + ") is not an executable file");
            }
            return Precompiler.at(exe);
        }
        return Precompiler.bundled();
    }

    /** The runtime of {@code provider} (null: the best one here). */
    static NoStdRuntime runtime(String provider) {
        return provider == null ? NoStdRuntime.load() : NoStdRuntime.load(provider);
    }

    /** How {@code run} and {@code inspect} say which artifacts they load; their help and messages quote it. */
    static final String VERIFY_HELP = "An artifact is native code, so it loads only when signed by the key of"
            + " --public-key, or with --allow-unsigned for artifacts you built yourself.";

    /**
     * {@code config} trusting the key in {@code publicKey} when there is one, else allowing
     * unsigned artifacts when {@code allowUnsigned}, else as it is (refusing every artifact).
     */
    static EngineConfig verifying(EngineConfig config, Path publicKey, boolean allowUnsigned) {
        if (publicKey != null) {
            try {
                return config.withTrustedKeys(List.of(TrustedKeys.readPem(publicKey)));
            } catch (IOException | IllegalArgumentException e) {
                throw new CliException("--public-key " + publicKey + ": " + e.getMessage(), e);
            }
        }
        return allowUnsigned ? config.allowUnsignedArtifacts() : config;
    }

    /** Whether {@code file} starts with the artifact envelope's magic. */
    static boolean isArtifact(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = ArtifactHeader.magic();
            return Arrays.equals(in.readNBytes(magic.length), magic);
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
