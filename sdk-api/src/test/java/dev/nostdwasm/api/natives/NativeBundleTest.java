package dev.nostdwasm.api.natives;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nostdwasm.api.Architecture;
import dev.nostdwasm.api.ProviderUnavailableException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeBundleTest {
    private static final String VERSION = "0.1.0-SNAPSHOT";
    private static final byte[] EMBEDDING = "\u007fELF fake embedding library".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] PLATFORM = "\u007fELF fake platform shim".getBytes(StandardCharsets.ISO_8859_1);

    @TempDir
    Path temp;

    /** Resources of a bundle in memory, with the manifest the bundling script would write. */
    private static final class FakeJar {
        final Map<String, byte[]> files = new TreeMap<>();
        final Map<String, String> digests = new TreeMap<>();
        final Map<String, AtomicInteger> opens = new ConcurrentHashMap<>();
        boolean withManifest = true;

        FakeJar add(Architecture arch, String fileName, byte[] bytes) {
            String path = "linux-" + arch.id() + "/" + fileName;
            files.put(NativeBundle.ROOT + path, bytes);
            digests.put(path, sha256(bytes));
            return this;
        }

        /** Replaces a library's bytes without updating the manifest. */
        FakeJar tamper(Architecture arch, String fileName, byte[] bytes) {
            files.put(NativeBundle.ROOT + "linux-" + arch.id() + "/" + fileName, bytes);
            return this;
        }

        String manifest() {
            StringBuilder text = new StringBuilder();
            digests.forEach((path, digest) -> text.append(digest).append("  ").append(path).append('\n'));
            return text.toString();
        }

        InputStream open(String name) {
            opens.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
            if (name.equals(NativeBundle.MANIFEST)) {
                return withManifest ? new ByteArrayInputStream(manifest().getBytes(StandardCharsets.UTF_8)) : null;
            }
            byte[] bytes = files.get(name);
            return bytes == null ? null : new ByteArrayInputStream(bytes);
        }

        int opens(Architecture arch, String fileName) {
            AtomicInteger count = opens.get(NativeBundle.ROOT + "linux-" + arch.id() + "/" + fileName);
            return count == null ? 0 : count.get();
        }

        NativeBundle bundle() {
            return NativeBundle.fromResources(this::open, "test jar");
        }

        /** Writes the resources (and manifest) under {@code root}, as they are in a jar. */
        void writeTo(Path root) throws IOException {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path target = root.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
            Files.createDirectories(root.resolve(NativeBundle.ROOT));
            Files.writeString(root.resolve(NativeBundle.MANIFEST), manifest());
        }
    }

    /** A class to load from elsewhere: its bytes are copied next to a bundle. */
    static final class Anchor {}

    private static String sha256(byte[] bytes) {
        return Sha256.hex(Sha256.newDigest().digest(bytes));
    }

    private static FakeJar standardJar() {
        return new FakeJar()
                .add(Architecture.X86_64, "libnsw_embedding-" + VERSION + ".so", EMBEDDING)
                .add(Architecture.X86_64, "libnsw_platform-" + VERSION + ".so", PLATFORM)
                .add(Architecture.AARCH64, "libnsw_embedding-" + VERSION + ".so", PLATFORM)
                .add(Architecture.AARCH64, "libnsw_platform-" + VERSION + ".so", EMBEDDING);
    }

    private Path extract(NativeBundle bundle, String name, Architecture arch) {
        return bundle.extract(name, arch, temp.resolve("work"), false);
    }

    private static List<Path> tempFilesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    // --- extraction ------------------------------------------------------------------------------

    @Test
    void extractsTheLibraryForTheArchitectureVerifiedAndExecutable() throws IOException {
        NativeBundle bundle = standardJar().bundle();

        Path x86 = extract(bundle, "nsw_embedding", Architecture.X86_64);
        Path arm = extract(bundle, "nsw_embedding", Architecture.AARCH64);

        assertTrue(x86.isAbsolute());
        assertEquals(temp.resolve("work").toAbsolutePath(), x86.getParent());
        assertEquals("libnsw_embedding-" + VERSION + "-" + sha256(EMBEDDING).substring(0, 12) + ".so",
                x86.getFileName().toString());
        assertArrayEquals(EMBEDDING, Files.readAllBytes(x86));
        assertArrayEquals(PLATFORM, Files.readAllBytes(arm));
        assertTrue(Files.isReadable(x86));
        assertTrue(Files.isExecutable(x86));
        assertTrue(Files.getPosixFilePermissions(x86).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE));
        assertEquals(List.of(), tempFilesIn(x86.getParent()));
    }

    @Test
    void theWorkDirectoryIsCreatedWhenMissing() {
        Path work = temp.resolve("a/b/c");
        Path library = standardJar().bundle().extract("nsw_platform", Architecture.X86_64, work, true);
        assertEquals(work.toAbsolutePath(), library.getParent());
    }

    @Test
    void aSecondExtractionReusesTheVerifiedFile() throws IOException {
        FakeJar jar = standardJar();
        NativeBundle bundle = jar.bundle();

        Path first = extract(bundle, "nsw_embedding", Architecture.X86_64);
        Object inode = Files.readAttributes(first, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        Path second = extract(bundle, "nsw_embedding", Architecture.X86_64);

        assertEquals(first, second);
        assertEquals(1, jar.opens(Architecture.X86_64, "libnsw_embedding-" + VERSION + ".so"), "not copied again");
        assertEquals(inode, Files.readAttributes(second, java.nio.file.attribute.BasicFileAttributes.class).fileKey());
        assertArrayEquals(EMBEDDING, Files.readAllBytes(second));
    }

    @Test
    void aTamperedExtractedFileIsRewritten() throws IOException {
        FakeJar jar = standardJar();
        NativeBundle bundle = jar.bundle();
        Path library = extract(bundle, "nsw_embedding", Architecture.X86_64);
        Files.write(library, "evil".getBytes(StandardCharsets.UTF_8));

        Path again = extract(bundle, "nsw_embedding", Architecture.X86_64);

        assertEquals(library, again);
        assertArrayEquals(EMBEDDING, Files.readAllBytes(again));
        assertTrue(Files.isExecutable(again));
        assertEquals(2, jar.opens(Architecture.X86_64, "libnsw_embedding-" + VERSION + ".so"));
    }

    @Test
    void anExtractedFileThatLostItsExecutePermissionIsRewritten() throws IOException {
        NativeBundle bundle = standardJar().bundle();
        Path library = extract(bundle, "nsw_embedding", Architecture.X86_64);
        Files.setPosixFilePermissions(library, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));

        Path again = extract(bundle, "nsw_embedding", Architecture.X86_64);

        assertTrue(Files.getPosixFilePermissions(again).contains(java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE));
    }

    @Test
    void aTamperedResourceFailsWithBothDigestsAndLeavesNothingBehind() throws IOException {
        byte[] evil = "\u007fELF not what was built".getBytes(StandardCharsets.ISO_8859_1);
        FakeJar jar = standardJar().tamper(Architecture.X86_64, "libnsw_embedding-" + VERSION + ".so", evil);

        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                () -> extract(jar.bundle(), "nsw_embedding", Architecture.X86_64));

        assertTrue(e.getMessage().contains(sha256(EMBEDDING)), e.getMessage());
        assertTrue(e.getMessage().contains(sha256(evil)), e.getMessage());
        assertTrue(e.getMessage().contains("the jar or the work directory is corrupt"), e.getMessage());
        assertEquals(2, jar.opens(Architecture.X86_64, "libnsw_embedding-" + VERSION + ".so"), "written twice");
        try (Stream<Path> files = Files.list(temp.resolve("work"))) {
            assertEquals(List.of(), files.toList(), "no library and no temporary file");
        }
    }

    @Test
    void aManifestEntryWithoutItsResourceSaysTheJarIsCorrupt() {
        FakeJar jar = standardJar();
        jar.files.remove(NativeBundle.ROOT + "linux-x86_64/libnsw_embedding-" + VERSION + ".so");

        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                () -> extract(jar.bundle(), "nsw_embedding", Architecture.X86_64));

        assertTrue(e.getMessage().contains("the jar is corrupt"), e.getMessage());
    }

    @Test
    void severalJvmsExtractingAtOnceLeaveOneIntactFile() throws Exception {
        FakeJar jar = new FakeJar();
        byte[] big = new byte[4 << 20];
        new java.util.Random(42).nextBytes(big);
        jar.add(Architecture.X86_64, "libnsw_embedding-" + VERSION + ".so", big);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Path>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                // a bundle per thread, as each JVM would have its own
                NativeBundle bundle = NativeBundle.fromResources(jar::open, "jar " + i);
                results.add(pool.submit(() -> {
                    start.await();
                    return extract(bundle, "nsw_embedding", Architecture.X86_64);
                }));
            }
            start.countDown();
            Path first = results.get(0).get(1, TimeUnit.MINUTES);
            for (Future<Path> result : results) {
                assertEquals(first, result.get(1, TimeUnit.MINUTES));
            }
            assertArrayEquals(big, Files.readAllBytes(first));
            try (Stream<Path> files = Files.list(first.getParent())) {
                assertEquals(List.of(first), files.toList(), "one file, no temporary files left");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // --- finding the library ---------------------------------------------------------------------

    @Test
    void theVersionComesFromTheManifestEvenWhenANameIsAPrefixOfAnother() throws IOException {
        FakeJar jar = new FakeJar()
                .add(Architecture.X86_64, "libfoo-1.0.so", EMBEDDING)
                .add(Architecture.X86_64, "libfoo-bar-1.0.so", PLATFORM);

        assertArrayEquals(EMBEDDING, Files.readAllBytes(extract(jar.bundle(), "foo", Architecture.X86_64)));
        assertArrayEquals(PLATFORM, Files.readAllBytes(extract(jar.bundle(), "foo-bar", Architecture.X86_64)));
    }

    @Test
    void twoVersionsOfOneLibraryAreRefused() {
        FakeJar jar = new FakeJar()
                .add(Architecture.X86_64, "libfoo-1.0.so", EMBEDDING)
                .add(Architecture.X86_64, "libfoo-1.1.so", PLATFORM);

        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                () -> extract(jar.bundle(), "foo", Architecture.X86_64));

        assertTrue(e.getMessage().contains("several versions of libfoo"), e.getMessage());
    }

    @Test
    void aMissingManifestAsksWhetherTheJarWasBuiltWithItsNatives() {
        FakeJar jar = standardJar();
        jar.withManifest = false;

        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                () -> extract(jar.bundle(), "nsw_embedding", Architecture.X86_64));

        assertTrue(e.getMessage().contains("test jar has no natives for linux-x86_64"), e.getMessage());
        assertTrue(e.getMessage().contains("was it built with the native modules?"), e.getMessage());
        assertFalse(Files.exists(temp.resolve("work")), "nothing created");
    }

    @Test
    void aMalformedManifestSaysTheJarIsCorrupt() {
        NativeBundle bundle = NativeBundle.fromResources(name -> name.equals(NativeBundle.MANIFEST)
                ? new ByteArrayInputStream("not a digest  linux-x86_64/libx-1.so\n".getBytes(StandardCharsets.UTF_8))
                : null, "test jar");

        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                () -> extract(bundle, "x", Architecture.X86_64));

        assertTrue(e.getMessage().contains("malformed"), e.getMessage());
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void aMissingLibraryListsWhatIsThere() {
        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                () -> extract(standardJar().bundle(), "nsw_jni", Architecture.X86_64));

        assertTrue(e.getMessage().contains("has no libnsw_jni for linux-x86_64"), e.getMessage());
        assertTrue(e.getMessage().contains("linux-x86_64/libnsw_embedding-" + VERSION + ".so"), e.getMessage());
        assertTrue(e.getMessage().contains("linux-x86_64/libnsw_platform-" + VERSION + ".so"), e.getMessage());
        assertFalse(e.getMessage().contains("linux-aarch64/"), e.getMessage());
    }

    @Test
    void aLibraryBuiltOnlyForAnotherArchitectureSaysSo() {
        FakeJar jar = new FakeJar().add(Architecture.AARCH64, "libnsw_embedding-" + VERSION + ".so", EMBEDDING);

        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                () -> extract(jar.bundle(), "nsw_embedding", Architecture.X86_64));

        assertTrue(e.getMessage().contains("nothing for linux-x86_64"), e.getMessage());
        assertTrue(e.getMessage().contains("linux-aarch64/libnsw_embedding-" + VERSION + ".so"), e.getMessage());
    }

    @Test
    void aLibraryNameMustBeBare() {
        NativeBundle bundle = standardJar().bundle();
        assertThrows(IllegalArgumentException.class, () -> extract(bundle, "../etc/passwd", Architecture.X86_64));
        assertThrows(IllegalArgumentException.class, () -> extract(bundle, "", Architecture.X86_64));
    }

    // --- platform and work directory -------------------------------------------------------------

    @Test
    void otherOperatingSystemsAreToldNativesAreForLinuxOnly() {
        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                () -> NativeBundle.requireLinux("Mac OS X"));
        assertTrue(e.getMessage().contains("natives are bundled for Linux only"), e.getMessage());
        NativeBundle.requireLinux("Linux");
    }

    @Test
    void anUnsupportedArchitectureIsReportedBeforeAnythingIsRead() {
        FakeJar jar = standardJar();
        String arch = System.getProperty("os.arch");
        String os = System.getProperty("os.name");
        System.setProperty("os.arch", "sparcv9");
        System.setProperty("os.name", "Linux");
        try {
            ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                    () -> jar.bundle().extract("nsw_embedding"));
            assertTrue(e.getMessage().contains("sparcv9"), e.getMessage());
            assertTrue(e.getMessage().contains("x86_64 and aarch64"), e.getMessage());
            assertTrue(jar.opens.isEmpty());
        } finally {
            System.setProperty("os.arch", arch);
            System.setProperty("os.name", os);
        }
    }

    @Test
    void theWorkDirectoryIsThePropertyOrAPerUserTemporaryDirectory() {
        assertEquals(Path.of("/opt/natives"), NativeBundle.workDirectory("/opt/natives", "/tmp", "alice"));
        assertEquals(Path.of("/var/tmp/nostd-wasm-java-alice"), NativeBundle.workDirectory(null, "/var/tmp", "alice"));
        assertEquals(Path.of("/var/tmp/nostd-wasm-java-alice"), NativeBundle.workDirectory(" ", "/var/tmp", "alice"));
        assertEquals(Path.of("/tmp/nostd-wasm-java-DOM_bob"), NativeBundle.workDirectory(null, "/tmp", "DOM\\bob"));
        assertEquals(Path.of("/tmp/nostd-wasm-java-x_.._y"), NativeBundle.workDirectory(null, "/tmp", "x/../y"));
        assertTrue(NativeBundle.workDirectory().isAbsolute());
    }

    @Test
    void theWorkDirectoryPropertyIsHonoured() throws IOException {
        String before = System.getProperty(NativeBundle.WORKDIR_PROPERTY);
        Path work = temp.resolve("configured");
        System.setProperty(NativeBundle.WORKDIR_PROPERTY, work.toString());
        try {
            assertEquals(work.toAbsolutePath(), NativeBundle.workDirectory());
            assumeTrue(System.getProperty("os.name").startsWith("Linux"));
            FakeJar jar = new FakeJar().add(Architecture.current(), "libnsw_embedding-" + VERSION + ".so", EMBEDDING);
            Path library = jar.bundle().extract("nsw_embedding");
            assertEquals(work.toAbsolutePath(), library.getParent());
            assertArrayEquals(EMBEDDING, Files.readAllBytes(library));
        } finally {
            if (before == null) {
                System.clearProperty(NativeBundle.WORKDIR_PROPERTY);
            } else {
                System.setProperty(NativeBundle.WORKDIR_PROPERTY, before);
            }
        }
    }

    @Test
    void anUnwritableWorkDirectoryIsNamedWithThePropertyToChangeIt() throws IOException {
        // a directory under a regular file can be created by nobody, root included
        Path file = Files.writeString(temp.resolve("a-file"), "x");
        Path work = file.resolve("natives");

        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                () -> standardJar().bundle().extract("nsw_embedding", Architecture.X86_64, work, false));

        assertTrue(e.getMessage().contains("cannot write to the nostd-wasm-java work directory " + work), e.getMessage());
        assertTrue(e.getMessage().contains("-Dnostdwasm.workdir"), e.getMessage());
    }

    @Test
    void aWorkDirectoryThatIsAFileIsNamedToo() throws IOException {
        Path file = Files.writeString(temp.resolve("a-file"), "x");

        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                () -> standardJar().bundle().extract("nsw_embedding", Architecture.X86_64, file, false));

        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("-Dnostdwasm.workdir"), e.getMessage());
    }

    // --- noexec ----------------------------------------------------------------------------------

    private static final String MOUNTINFO = String.join("\n",
            "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw,errors=remount-ro",
            "23 22 0:21 / /proc rw,nosuid,nodev,noexec,relatime shared:12 - proc proc rw",
            "30 22 0:30 / /tmp rw,nosuid,nodev,noexec,relatime shared:14 - tmpfs tmpfs rw,size=1024k",
            "31 30 0:31 / /tmp/exec rw,nosuid,nodev,relatime shared:15 - tmpfs tmpfs rw",
            "32 22 0:32 / /tmpfoo rw,relatime - tmpfs tmpfs rw",
            "33 22 8:2 / /mnt/my\\040disk rw,noexec master:3 - ext4 /dev/sdb1 rw",
            "34 22 0:33 / /data rw,noexec - tmpfs tmpfs rw",
            "35 22 0:34 / /data rw,relatime - tmpfs tmpfs rw",
            "");

    private static Optional<String> mountPoint(String path) {
        return MountInfo.mountOf(MOUNTINFO, Path.of(path)).map(MountInfo.Mount::mountPoint);
    }

    @Test
    void theMountOfADirectoryIsTheLongestMountPointThatContainsIt() {
        assertEquals(Optional.of("/tmp"), mountPoint("/tmp/nostd-wasm-java-alice"));
        assertEquals(Optional.of("/tmp"), mountPoint("/tmp"));
        assertEquals(Optional.of("/tmp/exec"), mountPoint("/tmp/exec/natives"));
        assertEquals(Optional.of("/"), mountPoint("/tmpfoo2/x"));
        assertEquals(Optional.of("/tmpfoo"), mountPoint("/tmpfoo/x"));
        assertEquals(Optional.of("/mnt/my disk"), mountPoint("/mnt/my disk/x"));
        assertEquals(Optional.of("/"), mountPoint("/home/alice"));
    }

    @Test
    void noexecIsFoundOnTheMountThatHoldsTheDirectory() {
        assertTrue(MountInfo.mountOf(MOUNTINFO, Path.of("/tmp/nostd-wasm-java-alice")).orElseThrow().noexec());
        assertFalse(MountInfo.mountOf(MOUNTINFO, Path.of("/tmp/exec/natives")).orElseThrow().noexec(), "nested exec mount");
        assertFalse(MountInfo.mountOf(MOUNTINFO, Path.of("/home/alice")).orElseThrow().noexec());
        assertTrue(MountInfo.mountOf(MOUNTINFO, Path.of("/mnt/my disk/natives")).orElseThrow().noexec());
        assertFalse(MountInfo.mountOf(MOUNTINFO, Path.of("/data/x")).orElseThrow().noexec(), "the mount on top wins");
        assertEquals("tmpfs", MountInfo.mountOf(MOUNTINFO, Path.of("/tmp/x")).orElseThrow().fsType());
        assertEquals(Optional.empty(), MountInfo.mountOf("garbage\n\n", Path.of("/tmp")));
    }

    @Test
    void aNoexecWorkDirectoryGetsAMessageThatSaysWhatToDo() {
        Path dir = Path.of("/tmp/nostd-wasm-java-alice");

        String message = NativeBundle.noexecProblem(dir, dir, MOUNTINFO).orElseThrow();

        assertTrue(message.contains("the work directory /tmp/nostd-wasm-java-alice is on a file system mounted noexec"), message);
        assertTrue(message.contains("mount point /tmp"), message);
        assertTrue(message.contains("set -Dnostdwasm.workdir to a directory on an exec-enabled file system"), message);
        assertEquals(Optional.empty(), NativeBundle.noexecProblem(dir, Path.of("/tmp/exec/x"), MOUNTINFO));
    }

    @Test
    void theRealMountTableIsReadable() throws IOException {
        assumeTrue(Files.isReadable(Path.of("/proc/self/mountinfo")));
        String text = Files.readString(Path.of("/proc/self/mountinfo"));
        Path real = NativeBundle.realPath(temp.resolve("not/yet/there"));
        assertTrue(real.endsWith("not/yet/there"));
        assertTrue(MountInfo.mountOf(text, real).isPresent());
        boolean noexec = MountInfo.mountOf(text, real).orElseThrow().noexec();
        if (noexec) {
            assertThrows(ProviderUnavailableException.class, () -> NativeBundle.checkExecutable(temp));
        } else {
            NativeBundle.checkExecutable(temp);
        }
    }

    @Test
    void aLoadFailureNamesTheLibraryAndKeepsTheCause() {
        Path library = temp.resolve("libx-1.so");
        UnsatisfiedLinkError cause = new UnsatisfiedLinkError("wrong ELF class: ELFCLASS32");

        ProviderUnavailableException e = NativeBundle.loadFailure(library, cause);

        assertTrue(e.getMessage().contains(library.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("-Dnostdwasm.workdir") || e.getMessage().contains("ELFCLASS32"), e.getMessage());
        assertEquals(cause, e.getCause());
    }

    @Test
    void mountPointsAreUnescaped() {
        assertEquals("/a b\tc\\d", MountInfo.unescape("/a\\040b\\011c\\134d"));
        assertEquals("/plain", MountInfo.unescape("/plain"));
        assertEquals("/odd\\9", MountInfo.unescape("/odd\\9"));
    }

    // --- reading resources from modules and jars --------------------------------------------------

    @Test
    void onTheClassPathTheAnchorsOwnJarIsRead() throws Exception {
        // another jar with natives comes first on the class path, as when both providers are there
        Path other = temp.resolve("other");
        new FakeJar().add(Architecture.current(), "libnsw_other-" + VERSION + ".so", PLATFORM).writeTo(other);
        Path ownFiles = temp.resolve("own");
        standardJarFor(Architecture.current()).writeTo(ownFiles);
        String classFile = Anchor.class.getName().replace('.', '/') + ".class";
        try (InputStream in = Anchor.class.getResourceAsStream("/" + classFile)) {
            Files.createDirectories(ownFiles.resolve(classFile).getParent());
            Files.write(ownFiles.resolve(classFile), in.readAllBytes());
        }
        Path own = writeJar(temp.resolve("own.jar"), ownFiles);

        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {other.toUri().toURL(), own.toUri().toURL()}, null)) { // the platform loader would find the original
            Class<?> anchor = loader.loadClass(Anchor.class.getName());
            assertNotEquals(Anchor.class, anchor);
            assertFalse(anchor.getModule().isNamed());
            assertTrue(anchor.getResource("/" + classFile).toString().startsWith("jar:file:"));

            Path library = NativeBundle.forClass(anchor).extract("nsw_embedding", Architecture.current(), temp.resolve("work"), false);

            assertArrayEquals(EMBEDDING, Files.readAllBytes(library));
        }
    }

    @Test
    void aNamedModuleWithoutNativesSaysSo() {
        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                () -> NativeBundle.forClass(NativeBundle.class).extract("nsw_embedding", Architecture.X86_64, temp, false));
        assertTrue(e.getMessage().contains("was it built with the native modules?"), e.getMessage());
        assertTrue(e.getMessage().contains(NativeBundle.class.getName()), e.getMessage());
    }

    @Test
    void aNamedModuleInAJarIsRead() throws Exception {
        Optional<java.util.spi.ToolProvider> javac = java.util.spi.ToolProvider.findFirst("javac");
        assumeTrue(javac.isPresent(), "needs javac");
        Path src = temp.resolve("src");
        Files.createDirectories(src.resolve("probe"));
        Files.writeString(src.resolve("module-info.java"), "module nsw.probe { exports probe; }\n");
        Files.writeString(src.resolve("probe/Anchor.java"), "package probe; public class Anchor {}\n");
        Path classes = temp.resolve("classes");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (PrintWriter out = new PrintWriter(log, true, StandardCharsets.UTF_8)) {
            int rc = javac.get().run(out, out, "-d", classes.toString(),
                    src.resolve("module-info.java").toString(), src.resolve("probe/Anchor.java").toString());
            assertEquals(0, rc, log.toString(StandardCharsets.UTF_8));
        }
        Path natives = temp.resolve("natives");
        standardJarFor(Architecture.current()).writeTo(natives);
        Path jar = writeJar(temp.resolve("probe.jar"), classes, natives);

        ModuleLayer boot = ModuleLayer.boot();
        Configuration configuration = boot.configuration().resolve(ModuleFinder.of(jar), ModuleFinder.of(), Set.of("nsw.probe"));
        ModuleLayer layer = boot.defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());
        Class<?> anchor = layer.findLoader("nsw.probe").loadClass("probe.Anchor");
        assertTrue(anchor.getModule().isNamed());

        Path library = NativeBundle.forClass(anchor).extract("nsw_platform", Architecture.current(), temp.resolve("work"), false);

        assertArrayEquals(PLATFORM, Files.readAllBytes(library));
    }

    /** A jar of every file under the roots. */
    private static Path writeJar(Path jar, Path... roots) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Path root : roots) {
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        out.putNextEntry(new JarEntry(root.relativize(file).toString().replace('\\', '/')));
                        out.write(Files.readAllBytes(file));
                        out.closeEntry();
                    }
                }
            }
        }
        return jar;
    }

    private static FakeJar standardJarFor(Architecture arch) {
        return new FakeJar()
                .add(arch, "libnsw_embedding-" + VERSION + ".so", EMBEDDING)
                .add(arch, "libnsw_platform-" + VERSION + ".so", PLATFORM);
    }

    // --- executables -----------------------------------------------------------------------------

    private static final byte[] TOOL = "\u007fELF fake precompiler".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void anExecutableIsExtractedVerifiedExecutableAndReused() throws IOException {
        FakeJar jar = standardJar()
                .add(Architecture.X86_64, "nsw-precompile-" + VERSION, TOOL)
                .add(Architecture.AARCH64, "nsw-precompile-" + VERSION, EMBEDDING);
        Path work = temp.resolve("work");
        Path tool = jar.bundle().extractExecutable("nsw-precompile", Architecture.X86_64, work, false);
        assertEquals(work.resolve("nsw-precompile-" + VERSION + "-" + sha256(TOOL).substring(0, 12)), tool);
        assertArrayEquals(TOOL, Files.readAllBytes(tool));
        assertTrue(Files.isExecutable(tool));
        assertEquals(List.of(), tempFilesIn(work));

        Path again = jar.bundle().extractExecutable("nsw-precompile", Architecture.X86_64, work, false);
        assertEquals(tool, again);
        assertEquals(1, jar.opens(Architecture.X86_64, "nsw-precompile-" + VERSION), "reused, not rewritten");

        Files.write(tool, EMBEDDING); // tampered: rewritten
        jar.bundle().extractExecutable("nsw-precompile", Architecture.X86_64, work, false);
        assertArrayEquals(TOOL, Files.readAllBytes(tool));

        Path arm = jar.bundle().extractExecutable("nsw-precompile", Architecture.AARCH64, work, false);
        assertArrayEquals(EMBEDDING, Files.readAllBytes(arm));
        // Libraries are not executables and the reverse.
        assertThrows(ProviderUnavailableException.class,
                () -> jar.bundle().extractExecutable("libnsw_embedding", Architecture.X86_64, work, false));
        assertThrows(ProviderUnavailableException.class,
                () -> jar.bundle().extract("nsw-precompile", Architecture.X86_64, work, false));
    }

    @Test
    void aMissingOrTamperedExecutableSaysSo() {
        FakeJar jar = standardJar().add(Architecture.AARCH64, "nsw-precompile-" + VERSION, TOOL);
        ProviderUnavailableException missing = assertThrows(ProviderUnavailableException.class,
                () -> jar.bundle().extractExecutable("nsw-precompile", Architecture.X86_64, temp.resolve("work"), false));
        assertTrue(missing.getMessage().contains("has no executable nsw-precompile for linux-x86_64"), missing.getMessage());

        jar.tamper(Architecture.AARCH64, "nsw-precompile-" + VERSION, EMBEDDING);
        ProviderUnavailableException tampered = assertThrows(ProviderUnavailableException.class,
                () -> jar.bundle().extractExecutable("nsw-precompile", Architecture.AARCH64, temp.resolve("work"), false));
        assertTrue(tampered.getMessage().contains("SHA-256 mismatch"), tampered.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> jar.bundle().extractExecutable("../nsw-precompile", Architecture.AARCH64, temp.resolve("work"), false));
    }

    @Test
    void theScriptBundlesExecutablesWithExe() throws Exception {
        Path lib = Files.write(temp.resolve("libnsw_embedding.so"), EMBEDDING);
        Path tool = Files.write(temp.resolve("nsw-precompile"), TOOL);
        Path out = temp.resolve("out");
        Run result = runScript(Map.of("NSW_VERSION", "1.2.3"), out.toString(),
                "--arch", "x86_64", lib.toString(), "--exe", tool.toString(), "--arch", "aarch64", "--exe", tool.toString());
        assertEquals(0, result.exitCode(), result.output());
        Path natives = out.resolve("META-INF/native");
        assertEquals(List.of(
                        sha256(TOOL) + "  linux-aarch64/nsw-precompile-1.2.3",
                        sha256(EMBEDDING) + "  linux-x86_64/libnsw_embedding-1.2.3.so",
                        sha256(TOOL) + "  linux-x86_64/nsw-precompile-1.2.3"),
                Files.readAllLines(natives.resolve("manifest.sha256")));
        assertTrue(Files.isExecutable(natives.resolve("linux-x86_64/nsw-precompile-1.2.3")));
        assertFalse(Files.isExecutable(natives.resolve("linux-x86_64/libnsw_embedding-1.2.3.so")));

        Run notExe = runScript(Map.of("NSW_VERSION", "1"), out.toString(), "--arch", "x86_64", tool.toString());
        assertNotEquals(0, notExe.exitCode());
        assertTrue(notExe.output().contains("--exe"), notExe.output());
    }

    // --- scripts/bundle-natives.sh ---------------------------------------------------------------

    private static Path script() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path script = dir.resolve("scripts/bundle-natives.sh");
            if (Files.isRegularFile(script)) {
                return script;
            }
        }
        throw new AssertionError("scripts/bundle-natives.sh not found above " + Path.of("").toAbsolutePath());
    }

    private static Optional<String> bash() {
        for (String candidate : List.of("/bin/bash", "/usr/bin/bash", "/usr/local/bin/bash")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private record Run(int exitCode, String output) {}

    private static Run runScript(Map<String, String> env, String... args) throws Exception {
        Optional<String> bash = bash();
        assumeTrue(bash.isPresent(), "needs bash");
        List<String> command = new ArrayList<>(List.of(bash.get(), script().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("NSW_VERSION");
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(1, TimeUnit.MINUTES));
        return new Run(process.exitValue(), output);
    }

    @Test
    void theScriptLaysOutVersionedNativesWithASortedManifestThatTheBundleReads() throws Exception {
        Path x86 = Files.createDirectories(temp.resolve("rust/linux-x86_64")).resolve("libnsw_embedding.so");
        Path arm = Files.createDirectories(temp.resolve("shim/aarch64")).resolve("libnsw_platform.so");
        Path x86shim = Files.createDirectories(temp.resolve("shim/x86_64")).resolve("libnsw_platform.so");
        Files.write(x86, EMBEDDING);
        Files.write(arm, PLATFORM);
        Files.write(x86shim, PLATFORM);
        Path out = temp.resolve("out");

        for (int run = 0; run < 2; run++) { // idempotent
            Run result = runScript(Map.of("NSW_VERSION", "1.2.3"), out.toString(),
                    "--arch", "x86_64", x86.toString(), x86shim.toString(), "--arch", "aarch64", arm.toString());
            assertEquals(0, result.exitCode(), result.output());
        }

        Path natives = out.resolve("META-INF/native");
        List<String> expected = List.of(
                sha256(PLATFORM) + "  linux-aarch64/libnsw_platform-1.2.3.so",
                sha256(EMBEDDING) + "  linux-x86_64/libnsw_embedding-1.2.3.so",
                sha256(PLATFORM) + "  linux-x86_64/libnsw_platform-1.2.3.so");
        assertEquals(expected, Files.readAllLines(natives.resolve("manifest.sha256")));
        try (Stream<Path> files = Files.walk(natives)) {
            assertEquals(List.of("linux-aarch64/libnsw_platform-1.2.3.so", "linux-x86_64/libnsw_embedding-1.2.3.so",
                            "linux-x86_64/libnsw_platform-1.2.3.so", "manifest.sha256"),
                    files.filter(Files::isRegularFile).map(f -> natives.relativize(f).toString()).sorted().toList());
        }
        assertArrayEquals(EMBEDDING, Files.readAllBytes(natives.resolve("linux-x86_64/libnsw_embedding-1.2.3.so")));

        NativeBundle bundle = NativeBundle.fromResources(name -> {
            try {
                Path file = out.resolve(name);
                return Files.isRegularFile(file) ? Files.newInputStream(file) : null;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "script output");
        assertArrayEquals(EMBEDDING, Files.readAllBytes(extract(bundle, "nsw_embedding", Architecture.X86_64)));
        assertArrayEquals(PLATFORM, Files.readAllBytes(extract(bundle, "nsw_platform", Architecture.AARCH64)));
    }

    @Test
    void theScriptNamesWhatIsMissing() throws Exception {
        Path lib = Files.write(temp.resolve("libnsw_embedding.so"), EMBEDDING);
        Path out = temp.resolve("out");

        Run noVersion = runScript(Map.of(), out.toString(), "--arch", "x86_64", lib.toString());
        assertNotEquals(0, noVersion.exitCode());
        assertTrue(noVersion.output().contains("NSW_VERSION is not set"), noVersion.output());

        Path missing = temp.resolve("nope/libnsw_platform.so");
        Run noFile = runScript(Map.of("NSW_VERSION", "1"), out.toString(), "--arch", "x86_64", lib.toString(), missing.toString());
        assertNotEquals(0, noFile.exitCode());
        assertTrue(noFile.output().contains("missing input file: " + missing), noFile.output());

        Run noArch = runScript(Map.of("NSW_VERSION", "1"), out.toString(), lib.toString());
        assertNotEquals(0, noArch.exitCode());
        assertTrue(noArch.output().contains("--arch"), noArch.output());

        Run badArch = runScript(Map.of("NSW_VERSION", "1"), out.toString(), "--arch", "riscv64", lib.toString());
        assertNotEquals(0, badArch.exitCode());
        assertTrue(badArch.output().contains("unsupported architecture 'riscv64'"), badArch.output());

        assertFalse(Files.exists(out.resolve("META-INF/native")), "nothing written on failure");
    }
}
