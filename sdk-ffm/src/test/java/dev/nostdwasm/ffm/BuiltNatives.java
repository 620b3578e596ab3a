package dev.nostdwasm.ffm;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nostdwasm.api.spi.NativeRuntimes;
import java.nio.file.Files;
import java.nio.file.Path;

/** The x86_64 natives of the build tree, named by the {@code nostdwasm.native.*} properties of the pom. */
final class BuiltNatives {

    private BuiltNatives() {
    }

    /** The shim and embedding; skips the calling test when they were not built or cannot run here. */
    static NativeRuntimes.Libraries libraries() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "Linux only");
        assumeTrue(System.getProperty("os.arch").equals("amd64"), "the pom points at the x86_64 natives");
        return new NativeRuntimes.Libraries(built("nostdwasm.native.shim"), built("nostdwasm.native.embedding"));
    }

    private static Path built(String property) {
        String value = System.getProperty(property);
        assumeTrue(value != null && Files.isRegularFile(Path.of(value)), property + " not built: " + value);
        return Path.of(value);
    }
}
