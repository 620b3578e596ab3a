package dev.nostdwasm.ffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nostdwasm.api.spi.RuntimeProvider;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The provider as ServiceLoader sees it, here and (when a JDK 17 is installed) on Java 17. */
class FfmProviderTest {

    private static final int JAVA_17_CLASS_FILE = 61;

    private final FfmProvider provider = new FfmProvider();

    @Test
    void nameAndPriority() {
        assertEquals("ffm", provider.name());
        assertTrue(provider.priority() > 10, "must win over the jni provider (10)");
    }

    @Test
    void availableOnThisLinuxJvm() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"));
        assertTrue(Runtime.version().feature() >= 22);
        assertEquals(Optional.empty(), provider.unavailabilityCause().map(Throwable::getMessage));
        assertTrue(provider.isAvailable());
    }

    @Test
    void unavailableOnOlderJavaOrAnotherOs() {
        assertEquals("the ffm provider needs Java 22 or newer (this is Java 17); use the jni provider (sdk-jni)"
                + " on older Java", FfmProvider.unavailability(17, "Linux").getMessage());
        assertEquals("the ffm provider runs on Linux only (this is Mac OS X): its natives are built for linux x86_64"
                + " and aarch64", FfmProvider.unavailability(22, "Mac OS X").getMessage());
        assumeTrue(System.getProperty("os.name").startsWith("Linux"));
        assertNull(FfmProvider.unavailability(22, "Linux"));
    }

    @Test
    void serviceLoaderFindsIt() {
        // Tests run inside the module (patched) or on the class path; a named module must declare
        // the use, which module-info leaves to sdk-api.
        FfmProviderTest.class.getModule().addUses(RuntimeProvider.class);
        List<RuntimeProvider> found = ServiceLoader.load(RuntimeProvider.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        assertTrue(found.stream().anyMatch(p -> p instanceof FfmProvider), found.toString());
    }

    /** What a Java 17 JVM reads of the jar: module-info and FfmProvider, as Java 17 class files. */
    @Test
    void classFilesJava17ReadsAreJava17ClassFiles() throws IOException {
        assertEquals(JAVA_17_CLASS_FILE, majorVersion(FfmProvider.class.getResourceAsStream("FfmProvider.class")),
                "FfmProvider.class (pom: exec provider-for-java-17)");
        Path moduleInfo = classesDirectory().resolve("module-info.class");
        assertEquals(JAVA_17_CLASS_FILE, majorVersion(Files.newInputStream(moduleInfo)), moduleInfo.toString());
        assertTrue(majorVersion(FfmProvider.class.getResourceAsStream("FfmAbi.class")) >= 66, "FfmAbi is Java 22");
    }

    /** On a real Java 17: found by ServiceLoader on the class path and the module path, and unavailable. */
    @Test
    void onJava17ItIsFoundAndUnavailable() throws Exception {
        Path java17 = findJava17();
        assumeTrue(java17 != null, "no JDK 17 under /usr/lib/jvm (or -Dnostdwasm.jdk17)");
        Path dir = Files.createTempDirectory("ffm-java17");
        Path check = dir.resolve("Check.java");
        Files.writeString(check, """
                import dev.nostdwasm.api.spi.RuntimeProvider;
                import java.util.ServiceLoader;
                public class Check {
                    public static void main(String[] args) {
                        for (RuntimeProvider p : ServiceLoader.load(RuntimeProvider.class)) {
                            System.out.println(p.name() + " available=" + p.isAvailable() + ": "
                                    + p.unavailabilityCause().map(Throwable::getMessage).orElse(""));
                        }
                    }
                }
                """);
        String path = classesDirectory() + java.io.File.pathSeparator + sdkApi();
        String expected = "ffm available=false: the ffm provider needs Java 22 or newer (this is Java 17);"
                + " use the jni provider (sdk-jni) on older Java";
        assertEquals(expected, run(java17, "-cp", path, check.toString()), "class path");
        assertEquals(expected, run(java17, "--module-path", path, "--add-modules", "dev.nostdwasm.ffm",
                check.toString()), "module path");
    }

    // ------------------------------------------------------------------ helpers

    private static int majorVersion(InputStream in) throws IOException {
        assertNotNull(in, "class file not found");
        try (DataInputStream data = new DataInputStream(in)) {
            assertEquals(0xCAFEBABE, data.readInt());
            data.readUnsignedShort(); // minor
            return data.readUnsignedShort();
        }
    }

    /** target/classes, where the main classes of this module are. */
    private static Path classesDirectory() {
        try {
            Path location = Path.of(FfmProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            assertTrue(Files.isDirectory(location), "tests run against the class directory: " + location);
            return location;
        } catch (java.net.URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    /** The sdk-api jar or directory the tests run with. */
    private static String sdkApi() {
        return Stream.of("jdk.module.path", "java.class.path")
                .map(System::getProperty)
                .filter(p -> p != null)
                .flatMap(p -> Arrays.stream(p.split(java.io.File.pathSeparator)))
                .filter(e -> e.contains("sdk-api"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("sdk-api not on the test's paths"));
    }

    private static Path findJava17() throws IOException {
        String configured = System.getProperty("nostdwasm.jdk17");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured, "bin", "java");
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return null;
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .filter(home -> releaseSays(home, "JAVA_VERSION=\"17"))
                    .map(home -> home.resolve("bin/java"))
                    .findFirst().orElse(null);
        }
    }

    private static boolean releaseSays(Path home, String line) {
        try {
            return Files.readAllLines(home.resolve("release")).stream().anyMatch(l -> l.startsWith(line));
        } catch (IOException e) {
            return false;
        }
    }

    private static String run(Path java, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(java.toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "java 17 did not finish");
        String text = new String(output, StandardCharsets.UTF_8).strip();
        assertEquals(0, process.exitValue(), text);
        return text;
    }
}
