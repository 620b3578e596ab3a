package dev.nostdwasm.maven;

import dev.nostdwasm.api.Profile;
import dev.nostdwasm.precompiler.PrecompileOptions;
import dev.nostdwasm.precompiler.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the artifacts of the last build were made with (the configuration: options, the
 * precompiler's Wasmtime version, a fingerprint of the signing key, the directories) and which
 * files it wrote. A build whose configuration differs from the stamp recompiles everything; a
 * stamp written while a changed configuration was being applied has no configuration, so it
 * never matches.
 *
 * <p>Format: UTF-8 lines, {@code config <key>=<value>} then {@code output <path relative to the
 * output directory, / separated>}; {@code #} starts a comment.
 */
record BuildStamp(String configuration, Set<String> outputs) {

    static final BuildStamp NONE = new BuildStamp("", Set.of());

    BuildStamp {
        outputs = Set.copyOf(outputs);
    }

    /** Whether this stamp says the artifacts were built with {@code current}. */
    boolean matches(String current) {
        return !configuration.isEmpty() && configuration.equals(current);
    }

    /** The stamp at {@code file}; {@link #NONE} when there is none or it cannot be read. */
    static BuildStamp read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return NONE;
        } catch (IOException | RuntimeException e) {
            return NONE;
        }
        StringBuilder config = new StringBuilder();
        Set<String> outputs = new LinkedHashSet<>();
        for (String line : lines) {
            if (line.startsWith("config ")) {
                config.append(line.substring(7)).append('\n');
            } else if (line.startsWith("output ")) {
                outputs.add(line.substring(7));
            }
        }
        return new BuildStamp(config.toString(), outputs);
    }

    /** Writes this stamp to {@code file} (creating its directory). */
    void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        List<String> lines = new ArrayList<>();
        lines.add("# nostdwasm-maven-plugin precompile: what the artifacts were built with. Delete to force a rebuild.");
        for (String line : configuration.split("\n")) {
            if (!line.isEmpty()) {
                lines.add("config " + line);
            }
        }
        for (String output : new TreeSet<>(outputs)) {
            lines.add("output " + output);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** A stamp with no configuration that remembers {@code outputs}, written before a changed build. */
    static BuildStamp incomplete(Collection<String> outputs) {
        return new BuildStamp("", new LinkedHashSet<>(outputs));
    }

    /**
     * The configuration text: one {@code key=value} line each, in a fixed order, so equal
     * configurations give equal text.
     */
    static String configuration(PrecompileOptions options, String wasmtimeVersion, Path sourceDirectory,
            Path outputDirectory) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("targets=").append(String.join(",",
                options.targets().stream().map(Target::cliName).sorted().toList())).append('\n');
        sb.append("profiles=").append(String.join(",",
                options.profiles().stream().map(Profile::cliName).sorted().toList())).append('\n');
        sb.append("fuel=").append(options.fuel()).append('\n');
        sb.append("epoch=").append(options.epoch()).append('\n');
        sb.append("wasmtime=").append(wasmtimeVersion.strip()).append('\n');
        sb.append("signing-key-sha256=").append(fingerprint(options.signingKey())).append('\n');
        sb.append("source=").append(sourceDirectory.toAbsolutePath().normalize()).append('\n');
        sb.append("output=").append(outputDirectory.toAbsolutePath().normalize()).append('\n');
        return sb.toString();
    }

    /** SHA-256 of the key file's bytes (hex), or {@code none}: a changed key means re-signing. */
    static String fingerprint(Optional<Path> key) throws IOException {
        if (key.isEmpty()) {
            return "none";
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(Files.readAllBytes(key.get())));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
