package dev.nostdwasm.jni;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The x86_64 glue, shim and embedding of the build tree, named by the {@code nostdwasm.native.*} properties of the pom. */
final class BuiltNatives {

    private BuiltNatives() {
    }

    /** The binding over them; skips the calling test when they were not built or cannot run here. */
    static JniAbi load() {
        return JniAbi.load(path("nostdwasm.native.glue"), path("nostdwasm.native.shim"), path("nostdwasm.native.embedding"));
    }

    static Path path(String property) {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "Linux only");
        assumeTrue(System.getProperty("os.arch").equals("amd64"), "the pom points at the x86_64 natives");
        String value = System.getProperty(property);
        assumeTrue(value != null && Files.isRegularFile(Path.of(value)), property + " not built: " + value);
        return Path.of(value);
    }
}
