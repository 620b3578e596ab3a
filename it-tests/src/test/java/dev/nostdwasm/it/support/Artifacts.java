package dev.nostdwasm.it.support;

import dev.nostdwasm.api.Architecture;
import dev.nostdwasm.api.ArtifactName;
import dev.nostdwasm.api.Profile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The precompiled test modules: {@code src/test/wat/<stem>.wat} becomes
 * {@code <dir>/<stem>.<profile>.<target>.cwasm}, and {@code src/test/wat-metered/<stem>.wat}
 * (compiled with {@code --fuel --epoch}) becomes {@code <dir>/metered/...}. The build
 * ({@code scripts/precompile.sh}) writes them and passes the directory as system property
 * {@value #DIR_PROPERTY}.
 */
public final class Artifacts {
    /** System property naming the directory the build precompiled the test modules into. */
    public static final String DIR_PROPERTY = "nostdwasm.it.artifacts";

    private Artifacts() {}

    /** The directory of the plain artifacts. */
    public static Path dir() {
        String configured = System.getProperty(DIR_PROPERTY);
        return configured != null && !configured.isBlank()
                ? Paths.get(configured)
                : Paths.get("target", "artifacts"); // surefire runs in the module directory
    }

    /** The directory of the artifacts compiled with {@code --fuel --epoch}. */
    public static Path meteredDir() {
        return dir().resolve("metered");
    }

    /** The precompiler's {@code --target} for {@code profile} on this machine. */
    public static String target(Profile profile) {
        return profile == Profile.PULLEY ? "pulley64" : Architecture.current().id();
    }

    /** The native target of the other architecture (for artifacts this machine must refuse). */
    public static String otherArchitecture() {
        return Architecture.current() == Architecture.X86_64 ? Architecture.AARCH64.id() : Architecture.X86_64.id();
    }

    /**
     * The file name of module {@code stem} compiled for {@code profile} and {@code target}, as
     * {@code nsw-precompile --out-dir} writes it: without fuel or epoch in the name, which is why the
     * metered artifacts have a directory of their own.
     */
    public static String fileName(String stem, Profile profile, String target) {
        return new ArtifactName(stem, profile, target, false, false).fileName();
    }

    /** The artifact of module {@code stem} for {@code profile} on this machine. */
    public static Path path(String stem, Profile profile) {
        return dir().resolve(fileName(stem, profile, target(profile)));
    }

    /** The bytes of module {@code stem} for {@code profile} on this machine. */
    public static byte[] bytes(String stem, Profile profile) {
        return read(path(stem, profile));
    }

    /** The bytes of module {@code stem} for {@code profile} compiled for {@code target}. */
    public static byte[] bytes(String stem, Profile profile, String target) {
        return read(dir().resolve(fileName(stem, profile, target)));
    }

    /** The bytes of metered module {@code stem} (compiled with fuel and epochs) for {@code profile}. */
    public static byte[] meteredBytes(String stem, Profile profile) {
        return read(meteredDir().resolve(fileName(stem, profile, target(profile))));
    }

    private static byte[] read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("test artifact " + file.toAbsolutePath() + " is missing: the build"
                    + " precompiles src/test/wat/*.wat in phase generate-test-resources (run the tests through"
                    + " Maven, or set -D" + DIR_PROPERTY + " to a directory scripts/precompile.sh wrote)");
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read test artifact " + file, e);
        }
    }
}
