package dev.nostdwasm.api.runtime;

import dev.nostdwasm.api.ArtifactName;
import dev.nostdwasm.api.Engine;
import dev.nostdwasm.api.spi.ArtifactCompiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The on-disk cache of {@link Engine#compile}: one artifact per module, Wasmtime version and
 * engine setting, named {@code <sha256 of the module>-wasmtime-<version>.<profile>[.fuel][.epoch].<target>.cwasm}
 * ({@link ArtifactName}) in a directory only its owner can write. The engine loads these unsigned
 * entries as its own code, which is safe only as long as nobody else can put a file there; that is
 * why the directory is checked on every use, not just when it is made.
 */
final class CompileCache {

    /** The Maven coordinates named when the precompiler is missing. */
    static final String PRECOMPILER_ARTIFACT = "dev.nostdwasm:precompiler";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private CompileCache() {
    }

    /**
     * The artifact of {@code wasmOrWat} for the settings of {@code settings} (whose stem is
     * ignored), from the cache or compiled into it.
     */
    static byte[] artifact(byte[] wasmOrWat, ArtifactName settings, String wasmtimeVersion) {
        Path dir = directory();
        String stem = HexFormat.of().formatHex(sha256(wasmOrWat)) + "-wasmtime-" + wasmtimeVersion;
        ArtifactName key = new ArtifactName(stem, settings.profile(), settings.target(), settings.fuel(), settings.epoch());
        Path entry = dir.resolve(key.fileName());
        try {
            if (Files.isRegularFile(entry)) {
                return Files.readAllBytes(entry);
            }
            byte[] artifact = compiler().compile(wasmOrWat, key);
            // Written beside the entry and renamed: a reader sees the whole artifact or none.
            Path partial = Files.createTempFile(dir, ".compiling-", ".tmp");
            try {
                Files.write(partial, artifact);
                Files.move(partial, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
            return artifact;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the compile cache entry " + entry + ": " + e.getMessage(), e);
        }
    }

    /**
     * The cache directory ({@value Engine#CACHE_PROPERTY}, by default {@code
     * ${user.home}/.cache/nostdwasm}), made owner-only if missing.
     *
     * @throws IllegalStateException when it is not a directory, belongs to another user, or others can write it
     */
    static Path directory() {
        String configured = System.getProperty(Engine.CACHE_PROPERTY);
        Path dir = (configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "nostdwasm")).toAbsolutePath();
        try {
            if (!Files.exists(dir)) {
                Files.createDirectories(dir.getParent());
                try {
                    Files.createDirectory(dir);
                    Files.setPosixFilePermissions(dir, OWNER_ONLY); // whatever the umask
                } catch (FileAlreadyExistsException raced) {
                    // made by another thread or process meanwhile: checked below like any other
                }
            }
            requireOwnerOnly(dir);
            return dir;
        } catch (UnsupportedOperationException e) {
            throw new IllegalStateException("the compile cache " + dir + " is not on a POSIX file system, so it cannot"
                    + " be kept private: set -D" + Engine.CACHE_PROPERTY + " to a directory on one", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the compile cache " + dir + " (set -D"
                    + Engine.CACHE_PROPERTY + " to a directory you can write): " + e.getMessage(), e);
        }
    }

    private static void requireOwnerOnly(Path dir) throws IOException {
        String fix = ": the engine runs the cache's entries as its own code, so only you may be able to write it;"
                + " run chmod 700 " + dir + " (as its owner), or set -D" + Engine.CACHE_PROPERTY
                + " to a directory of your own that only you can write";
        PosixFileAttributes attributes = Files.readAttributes(dir, PosixFileAttributes.class);
        if (!attributes.isDirectory()) {
            throw new IllegalStateException("the compile cache " + dir + " is not a directory: remove it, or set -D"
                    + Engine.CACHE_PROPERTY + " to another directory");
        }
        UserPrincipal me = dir.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
        if (!attributes.owner().equals(me)) {
            throw new IllegalStateException("the compile cache " + dir + " belongs to " + attributes.owner().getName()
                    + ", not to " + me.getName() + fix);
        }
        Set<PosixFilePermission> permissions = attributes.permissions();
        if (permissions.contains(PosixFilePermission.GROUP_WRITE) || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new IllegalStateException("the compile cache " + dir + " can be written by other users ("
                    + PosixFilePermissions.toString(permissions) + ")" + fix);
        }
    }

    /** The precompiler's {@link ArtifactCompiler}, found with {@link ServiceLoader}. */
    private static ArtifactCompiler compiler() {
        try {
            Iterator<ArtifactCompiler> found = ServiceLoader.load(ArtifactCompiler.class).iterator();
            if (found.hasNext()) {
                return found.next();
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("the precompiler on the class path cannot be used (" + e.getMessage()
                    + "): use " + PRECOMPILER_ARTIFACT + " of the same version as the SDK", e);
        }
        throw new IllegalStateException("Engine.compile needs the precompiler, which is not on the class path: add the"
                + " Maven artifact " + PRECOMPILER_ARTIFACT + " (the same version as the SDK) as a dependency, or"
                + " precompile at build time with the Maven plugin and load the artifact with Engine.loadResource");
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
