package dev.nostdwasm.wasi;

import dev.nostdwasm.api.Architecture;
import dev.nostdwasm.api.Engine;
import dev.nostdwasm.api.EngineConfig;
import dev.nostdwasm.api.NoStdRuntime;
import dev.nostdwasm.api.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The providers and profiles the runtime tests run on, and the modules the build precompiled for them. */
final class TestRuntimes {
    private TestRuntimes() {}

    /** Every provider and profile this machine runs ({@code ffm} needs Java 22+), named "provider · profile". */
    static Stream<Arguments> providersAndProfiles() {
        List<Arguments> all = new ArrayList<>();
        for (String provider : List.of("ffm", "jni")) {
            if (provider.equals("ffm") && Runtime.version().feature() < 22) {
                continue;
            }
            for (Profile profile : NoStdRuntime.load(provider).profiles()) {
                all.add(Arguments.argumentSet(provider + " · " + profile.cliName(), provider, profile));
            }
        }
        return all.stream();
    }

    /**
     * An engine of {@code provider} for {@code profile} that loads the build's artifacts, which
     * are unsigned: this build made them from this module's sources, so they are trusted as its code.
     */
    static Engine engine(String provider, Profile profile) {
        return NoStdRuntime.load(provider).newEngine(EngineConfig.of(profile).allowUnsignedArtifacts());
    }

    /**
     * {@code src/test/wat/<stem>.wat} precompiled for {@code profile} on this machine: the build
     * writes them (generate-test-resources) into the directory of system property
     * {@code nostdwasm.wasi.artifacts}.
     */
    static byte[] artifact(String stem, Profile profile) {
        String target = profile == Profile.PULLEY ? "pulley64" : Architecture.current().id();
        Path dir = Path.of(System.getProperty("nostdwasm.wasi.artifacts", "target/artifacts"));
        Path file = dir.resolve(stem + "." + profile.cliName() + "." + target + ".cwasm");
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException("the build precompiles src/test/wat/*.wat into " + dir
                    + " (phase generate-test-resources): run the tests through Maven", e);
        }
    }
}
