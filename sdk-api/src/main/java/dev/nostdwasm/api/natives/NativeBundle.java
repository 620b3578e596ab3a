package dev.nostdwasm.api.natives;

import dev.nostdwasm.api.Architecture;
import dev.nostdwasm.api.ProviderUnavailableException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.CodeSource;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * SPI for providers: the native libraries a provider jar carries, and how to get the one for this
 * machine onto disk, verified, so that it can be loaded.
 *
 * <h2>Layout</h2>
 *
 * <p>{@code scripts/bundle-natives.sh} lays the natives out in the jar, with the project version in
 * every file name:
 *
 * <pre>
 * META-INF/native/manifest.sha256                          "&lt;sha256&gt;  &lt;path&gt;" per library (sha256sum format)
 * META-INF/native/linux-x86_64/libnsw_embedding-0.1.0.so
 * META-INF/native/linux-aarch64/libnsw_embedding-0.1.0.so
 * </pre>
 *
 * <p>{@code META-INF} is not a package, so these resources are readable from a named module and
 * from the class path alike. {@link #forClass(Class)} reads them from the anchor's own module or
 * jar, never from another jar that happens to come first on the class path.
 *
 * <h2>Extraction</h2>
 *
 * <p>{@link #extract(String)} finds the library for this architecture through the manifest (the
 * caller gives no version), and copies it into the work directory as {@code
 * lib<name>-<version>-<first 12 hex digits of its SHA-256>.so}: two builds that share a version
 * (snapshots) never share a file. It writes a temporary file in the same directory, checks its
 * SHA-256 against the manifest <em>after</em> writing, marks it readable and executable, and
 * renames it into place atomically; several JVMs may extract at once, and a JVM that already
 * mapped the library keeps its copy. A file already present is verified the same way before it is
 * reused; one that does not match is rewritten once, and if the rewrite does not match either,
 * extraction fails.
 *
 * <h2>Work directory</h2>
 *
 * <p>The system property {@value #WORKDIR_PROPERTY} names it; by default it is {@code
 * ${java.io.tmpdir}/nostd-wasm-java-${user.name}}. It is created when missing (the default one
 * accessible to its owner only, and refused when it belongs to another user). It must be on a
 * file system that allows executing files: a temporary directory mounted {@code noexec} cannot
 * hold natives, which {@link #loadFailure(Path, Throwable)} explains.
 *
 * <h2>Use</h2>
 *
 * <pre>{@code
 * Path library = NativeBundle.forClass(MyProvider.class).extract("nsw_embedding");
 * try {
 *     System.load(library.toString());
 * } catch (UnsatisfiedLinkError e) {
 *     throw NativeBundle.loadFailure(library, e);
 * }
 * }</pre>
 *
 * <h2>Executables</h2>
 *
 * <p>A jar may also carry executables (the precompiler bundles {@code nsw-precompile}), laid out by
 * the same script ({@code --exe}) as {@code linux-<arch>/<name>-<version>} without a suffix.
 * {@link #extractExecutable(String)} extracts one exactly like a library (verified, atomic, reused
 * when intact), as {@code <name>-<version>-<first 12 hex digits of its SHA-256>}, marked executable.
 *
 * <p>Every failure is a {@link ProviderUnavailableException} whose message says what to do.
 */
public final class NativeBundle {
    /** System property that names the work directory natives are extracted to. */
    public static final String WORKDIR_PROPERTY = "nostdwasm.workdir";

    static final String ROOT = "META-INF/native/";
    static final String MANIFEST = ROOT + "manifest.sha256";

    private static final System.Logger LOG = System.getLogger(NativeBundle.class.getName());
    private static final Set<PosixFilePermission> LIBRARY_PERMISSIONS = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> PRIVATE_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final int WRITE_ATTEMPTS = 2;

    private final Function<String, InputStream> resources;
    private final String origin;

    private NativeBundle(Function<String, InputStream> resources, String origin) {
        this.resources = resources;
        this.origin = origin;
    }

    /**
     * The natives bundled with {@code anchor}: resources under {@code META-INF/native/} of its
     * module (when named) or of the jar or directory it was loaded from (on the class path).
     *
     * @param anchor a class of the jar, directory or module that holds the natives
     * @return the bundle
     */
    public static NativeBundle forClass(Class<?> anchor) {
        Objects.requireNonNull(anchor, "anchor");
        String origin = describe(anchor);
        if (!anchor.getModule().isNamed()) {
            // On the class path, a class loader answers with the first jar that has the resource;
            // read from the anchor's own jar instead, found through its class file.
            String classFile = anchor.getName().replace('.', '/') + ".class";
            URL url = anchor.getResource("/" + classFile);
            if (url != null && url.toString().endsWith(classFile)) {
                String root = url.toString().substring(0, url.toString().length() - classFile.length());
                return new NativeBundle(name -> openUrl(root + name), origin);
            }
        }
        return new NativeBundle(name -> anchor.getResourceAsStream("/" + name), origin);
    }

    /**
     * A bundle read through {@code resources}, which opens a resource by its name (e.g. {@code
     * META-INF/native/manifest.sha256}) or returns null when it is absent; for tests.
     */
    static NativeBundle fromResources(Function<String, InputStream> resources, String origin) {
        return new NativeBundle(Objects.requireNonNull(resources, "resources"), Objects.requireNonNull(origin, "origin"));
    }

    /**
     * Extracts {@code lib<libraryName>-<version>.so} for this machine's architecture into the
     * {@linkplain #workDirectory() work directory}, verified against the manifest.
     *
     * @param libraryName the name without {@code lib}, version or suffix, e.g. {@code nsw_embedding}
     * @return the absolute path of the extracted library, ready for {@link System#load(String)}
     * @throws ProviderUnavailableException when this OS or architecture has no natives, the jar has
     *     no manifest or not this library, a digest does not match, or the work directory cannot
     *     be written
     */
    public Path extract(String libraryName) {
        requireLinux(System.getProperty("os.name", ""));
        Architecture arch = Architecture.current();
        String configured = System.getProperty(WORKDIR_PROPERTY);
        Path workDir = workDirectory(configured, System.getProperty("java.io.tmpdir"), System.getProperty("user.name"));
        return extract(libraryName, arch, workDir, configured == null || configured.isBlank());
    }

    /**
     * Extracts the executable {@code <executableName>-<version>} for this machine's architecture
     * into the {@linkplain #workDirectory() work directory}, verified against the manifest, and
     * marks it executable; the same rules as {@link #extract(String)}.
     *
     * @param executableName the name without version, e.g. {@code nsw-precompile}
     * @return the absolute path of the extracted executable
     * @throws ProviderUnavailableException as {@link #extract(String)} does
     */
    public Path extractExecutable(String executableName) {
        requireLinux(System.getProperty("os.name", ""));
        Architecture arch = Architecture.current();
        String configured = System.getProperty(WORKDIR_PROPERTY);
        Path workDir = workDirectory(configured, System.getProperty("java.io.tmpdir"), System.getProperty("user.name"));
        return extractExecutable(executableName, arch, workDir, configured == null || configured.isBlank());
    }

    /**
     * Where natives are extracted: the {@value #WORKDIR_PROPERTY} system property if set, else
     * {@code ${java.io.tmpdir}/nostd-wasm-java-${user.name}}. Not created by this method.
     *
     * @return the directory
     */
    public static Path workDirectory() {
        return workDirectory(System.getProperty(WORKDIR_PROPERTY), System.getProperty("java.io.tmpdir"),
                System.getProperty("user.name"));
    }

    /**
     * Throws when {@code dir} is on a file system mounted {@code noexec} (per {@code
     * /proc/self/mountinfo}), where native libraries cannot be loaded; does nothing otherwise, or
     * when the mount table cannot be read.
     *
     * @param dir the directory natives would be loaded from
     * @throws ProviderUnavailableException saying how to choose another work directory
     */
    public static void checkExecutable(Path dir) {
        Optional<String> problem = noexecProblem(dir);
        if (problem.isPresent()) {
            throw new ProviderUnavailableException(problem.get());
        }
    }

    /**
     * The exception to throw when loading an extracted library failed (e.g. {@code
     * UnsatisfiedLinkError: ... failed to map segment from shared object} or {@code operation not
     * permitted}): it names a {@code noexec} mount when that is the cause.
     *
     * @param library the library that failed to load
     * @param cause what loading it threw
     * @return the exception, with {@code cause} as its cause
     */
    public static ProviderUnavailableException loadFailure(Path library, Throwable cause) {
        Path absolute = library.toAbsolutePath();
        Path dir = absolute.getParent() == null ? absolute : absolute.getParent();
        Optional<String> noexec = noexecProblem(dir);
        if (noexec.isPresent()) {
            return new ProviderUnavailableException(noexec.get(), cause);
        }
        return new ProviderUnavailableException("could not load the native library " + absolute + ": "
                + (cause == null ? "unknown cause" : cause.getMessage())
                + " (check that this JVM may execute files in " + dir + ", or set -D" + WORKDIR_PROPERTY
                + " to another directory; delete the file to have it extracted again)", cause);
    }

    // ------------------------------------------------------------------------------------------

    Path extract(String libraryName, Architecture arch, Path workDir, boolean defaultWorkDir) {
        Objects.requireNonNull(libraryName, "libraryName");
        if (libraryName.isBlank() || !libraryName.matches("[A-Za-z0-9._+-]+")) {
            throw new IllegalArgumentException("library name '" + libraryName
                    + "' is not a bare name like 'nsw_embedding' (no 'lib', version, suffix or directory)");
        }
        String platform = "linux-" + arch.id();
        NativeManifest manifest = parseManifest(readManifestText(platform));
        NativeManifest.Entry entry;
        try {
            entry = manifest.find(platform, libraryName);
        } catch (IllegalStateException e) {
            throw new ProviderUnavailableException(origin + ": " + e.getMessage()
                    + "; bundle one version per library (scripts/bundle-natives.sh does)");
        }
        if (entry == null) {
            List<String> here = manifest.pathsIn(platform);
            throw new ProviderUnavailableException(origin + " has no lib" + libraryName + " for " + platform + " ("
                    + (here.isEmpty() ? "nothing for " + platform + "; it has " + manifest.paths() : "it has " + here)
                    + "): use a provider jar built with that library for this architecture");
        }
        return install(entry, extractedName(entry), workDir, defaultWorkDir, "native library");
    }

    Path extractExecutable(String executableName, Architecture arch, Path workDir, boolean defaultWorkDir) {
        Objects.requireNonNull(executableName, "executableName");
        if (executableName.isBlank() || !executableName.matches("[A-Za-z0-9._+-]+")) {
            throw new IllegalArgumentException("executable name '" + executableName
                    + "' is not a bare name like 'nsw-precompile' (no version or directory)");
        }
        String platform = "linux-" + arch.id();
        String text = readManifestText(platform);
        NativeManifest manifest = parseManifest(text);
        String prefix = platform + "/" + executableName + "-";
        List<String> candidates = new ArrayList<>();
        for (String path : manifest.pathsIn(platform)) {
            String rest = path.substring(Math.min(path.length(), prefix.length()));
            if (path.startsWith(prefix) && !rest.isEmpty() && !path.endsWith(".so") && rest.indexOf('/') < 0) {
                candidates.add(path);
            }
        }
        if (candidates.size() > 1) {
            // "<name>-1.0" and "<name>-extra-1.0" for <name>: the version every file shares wins.
            List<String> consistent = new ArrayList<>();
            for (String candidate : candidates) {
                String version = candidate.substring(prefix.length());
                if (manifest.paths().stream().allMatch(p -> p.endsWith("-" + version) || p.endsWith("-" + version + ".so"))) {
                    consistent.add(candidate);
                }
            }
            if (consistent.size() != 1) {
                throw new ProviderUnavailableException(origin + ": several versions of " + executableName
                        + " are bundled: " + candidates + "; bundle one version per executable (scripts/bundle-natives.sh does)");
            }
            candidates = consistent;
        }
        if (candidates.isEmpty()) {
            List<String> here = manifest.pathsIn(platform);
            throw new ProviderUnavailableException(origin + " has no executable " + executableName + " for " + platform
                    + " (" + (here.isEmpty() ? "nothing for " + platform + "; it has " + manifest.paths() : "it has " + here)
                    + "): use a jar built with that executable for this architecture");
        }
        String path = candidates.get(0);
        NativeManifest.Entry entry = new NativeManifest.Entry(path, digestIn(text, path));
        return install(entry, entry.fileName() + "-" + entry.sha256().substring(0, 12), workDir, defaultWorkDir,
                "executable");
    }

    /** Verifies or writes {@code entry} as {@code fileName} in the work directory. */
    private Path install(NativeManifest.Entry entry, String fileName, Path workDir, boolean defaultWorkDir, String what) {
        Path directory = prepare(workDir, defaultWorkDir);
        Path target = directory.resolve(fileName);
        if (Files.exists(target)) {
            String present = digestOrNull(target);
            if (entry.sha256().equals(present) && Files.isExecutable(target)) {
                LOG.log(Level.DEBUG, "reusing verified {0} {1}", what, target);
                return target;
            }
            if (entry.sha256().equals(present)) {
                LOG.log(Level.WARNING, "{0} is not executable: rewriting it", target);
            } else {
                LOG.log(Level.WARNING, "{0} does not match the manifest of {1} (expected sha256 {2}, found {3}): rewriting it",
                        target, origin, entry.sha256(), present == null ? "an unreadable file" : present);
            }
        }
        Mismatch last = null;
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            last = write(entry, directory, target, defaultWorkDir);
            if (last == null) {
                LOG.log(Level.DEBUG, "extracted {0} from {1} to {2}", entry.path(), origin, target);
                return target;
            }
        }
        throw new ProviderUnavailableException("SHA-256 mismatch for " + ROOT + entry.path() + " of " + origin
                + ": the manifest expects " + entry.sha256() + ", but reading it from the jar gave " + last.read
                + " and the file written to " + directory + " has " + last.written
                + ": the jar or the work directory is corrupt (replace the jar; check the disk and the work "
                + "directory, or set -D" + WORKDIR_PROPERTY + " to another one)");
    }

    /** The digests seen when a written library did not match the manifest. */
    private record Mismatch(String read, String written) {}

    /** Writes, verifies and renames into place; null when the file matches the manifest. */
    private Mismatch write(NativeManifest.Entry entry, Path directory, Path target, boolean defaultWorkDir) {
        Path temp;
        try {
            temp = Files.createTempFile(directory, "." + target.getFileName() + ".", ".tmp");
        } catch (IOException | SecurityException e) {
            throw notWritable(directory, e);
        }
        try {
            if (defaultWorkDir) {
                requireOwnDirectory(directory, temp);
            }
            MessageDigest readDigest = Sha256.newDigest();
            try (InputStream resource = open(ROOT + entry.path())) {
                if (resource == null) {
                    throw new ProviderUnavailableException("the manifest of " + origin + " lists " + entry.path()
                            + " but the jar has no " + ROOT + entry.path() + ": the jar is corrupt (rebuild or replace it)");
                }
                Files.copy(new DigestInputStream(resource, readDigest), temp, StandardCopyOption.REPLACE_EXISTING);
            }
            String read = Sha256.hex(readDigest.digest());
            String written = Sha256.of(temp); // what is on disk now, not what we meant to write
            if (!written.equals(entry.sha256())) {
                return new Mismatch(read, written);
            }
            makeExecutable(temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return null;
        } catch (IOException | UncheckedIOException | SecurityException e) {
            throw new ProviderUnavailableException("could not extract " + ROOT + entry.path() + " of " + origin
                    + " to " + target + ": " + e + " (make sure " + directory + " is writable and has space, or set -D"
                    + WORKDIR_PROPERTY + " to another directory)", e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "could not delete " + temp, e);
            }
        }
    }

    private String readManifestText(String platform) {
        try (InputStream in = open(MANIFEST)) {
            if (in == null) {
                throw new ProviderUnavailableException(origin + " has no natives for " + platform + " (no " + MANIFEST
                        + "); was it built with the native modules? Build it with its natives "
                        + "(scripts/bundle-natives.sh) or use a released jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            throw new ProviderUnavailableException("could not read " + MANIFEST + " of " + origin + ": " + e, e);
        }
    }

    private NativeManifest parseManifest(String text) {
        try {
            return NativeManifest.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ProviderUnavailableException(MANIFEST + " of " + origin + " is malformed (" + e.getMessage()
                    + "): the jar is corrupt (rebuild or replace it)");
        }
    }

    /** The digest of {@code path} in a manifest text that {@link NativeManifest#parse} accepted. */
    private static String digestIn(String manifestText, String path) {
        String digest = null;
        for (String line : manifestText.split("\r?\n")) {
            if (line.length() >= 67 && line.substring(66).equals(path)) {
                digest = line.substring(0, 64).toLowerCase(Locale.ROOT); // the last line wins, as in parse
            }
        }
        return Objects.requireNonNull(digest, path);
    }

    private InputStream open(String name) {
        return resources.apply(name);
    }

    static void requireLinux(String osName) {
        if (!osName.toLowerCase(Locale.ROOT).startsWith("linux")) {
            throw new ProviderUnavailableException("this JVM runs on '" + osName
                    + "', but nostd-wasm-java's natives are bundled for Linux only (x86_64 and aarch64): run on Linux");
        }
    }

    static Path workDirectory(String configured, String tmpdir, String user) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        String base = tmpdir == null || tmpdir.isBlank() ? "/tmp" : tmpdir;
        String who = user == null || user.isBlank() ? "unknown" : user.replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(base, "nostd-wasm-java-" + who).toAbsolutePath().normalize();
    }

    /** {@code lib<name>-<version>.so} becomes {@code lib<name>-<version>-<sha256 prefix>.so}. */
    static String extractedName(NativeManifest.Entry entry) {
        String name = entry.fileName();
        return name.substring(0, name.length() - ".so".length()) + "-" + entry.sha256().substring(0, 12) + ".so";
    }

    private static Path prepare(Path workDir, boolean defaultWorkDir) {
        Path dir = workDir.toAbsolutePath().normalize();
        if (Files.isDirectory(dir)) {
            return dir;
        }
        try {
            if (defaultWorkDir) {
                try {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PRIVATE_DIRECTORY));
                } catch (UnsupportedOperationException e) {
                    Files.createDirectories(dir);
                }
            } else {
                Files.createDirectories(dir);
            }
        } catch (IOException | SecurityException e) {
            throw notWritable(dir, e);
        }
        return dir;
    }

    /** The default directory lives in a shared temporary directory: refuse one planted by another user. */
    private static void requireOwnDirectory(Path directory, Path ownFile) throws IOException {
        UserPrincipal owner;
        UserPrincipal me;
        try {
            owner = Files.getOwner(directory);
            me = Files.getOwner(ownFile);
        } catch (UnsupportedOperationException e) {
            return;
        }
        if (!owner.equals(me)) {
            throw new ProviderUnavailableException("the work directory " + directory + " belongs to " + owner.getName()
                    + ", not to this user (" + me.getName() + "), so its files could be replaced: remove it, or set -D"
                    + WORKDIR_PROPERTY + " to a directory of your own");
        }
    }

    private static ProviderUnavailableException notWritable(Path dir, Exception cause) {
        return new ProviderUnavailableException("cannot write to the nostd-wasm-java work directory " + dir + " (" + cause
                + "): make it writable, or set -D" + WORKDIR_PROPERTY + "=<a writable directory>", cause);
    }

    private static void makeExecutable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, LIBRARY_PERMISSIONS);
        } catch (UnsupportedOperationException e) {
            if (!file.toFile().setReadable(true, false) || !file.toFile().setExecutable(true, false)) {
                throw new IOException("cannot make " + file + " readable and executable");
            }
        }
    }

    private static String digestOrNull(Path file) {
        try {
            return Sha256.of(file);
        } catch (IOException e) {
            return null;
        }
    }

    @SuppressWarnings("deprecation") // URL(String): URI.create would reject the unencoded URLs some loaders give
    private static InputStream openUrl(String url) {
        try {
            return new URL(url).openStream();
        } catch (FileNotFoundException | NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(Class<?> anchor) {
        String where = null;
        try {
            CodeSource source = anchor.getProtectionDomain().getCodeSource();
            if (source != null && source.getLocation() != null) {
                where = source.getLocation().toString();
            }
        } catch (SecurityException e) {
            // no location then
        }
        String what = anchor.getModule().isNamed()
                ? "module " + anchor.getModule().getName() + " (of " + anchor.getName() + ")"
                : "the jar of " + anchor.getName();
        return where == null ? what : what + " at " + where;
    }

    private static Optional<String> noexecProblem(Path dir) {
        String mountinfo;
        try {
            mountinfo = new String(Files.readAllBytes(Path.of("/proc/self/mountinfo")), StandardCharsets.UTF_8);
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
        return noexecProblem(dir, realPath(dir), mountinfo);
    }

    /** The message for a {@code noexec} mount under {@code real}, from the text of a mountinfo. */
    static Optional<String> noexecProblem(Path shown, Path real, String mountinfo) {
        return MountInfo.mountOf(mountinfo, real)
                .filter(MountInfo.Mount::noexec)
                .map(mount -> "the work directory " + shown + " is on a file system mounted noexec (mount point "
                        + mount.mountPoint() + (mount.fsType().isEmpty() ? "" : ", " + mount.fsType())
                        + "), where native libraries cannot be loaded: set -D" + WORKDIR_PROPERTY
                        + " to a directory on an exec-enabled file system (or remount " + mount.mountPoint()
                        + " without noexec)");
    }

    /** The path with symbolic links resolved as far as it exists. */
    static Path realPath(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException | SecurityException e) {
            return absolute;
        }
    }
}
