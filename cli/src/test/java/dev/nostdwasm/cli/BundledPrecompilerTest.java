package dev.nostdwasm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without -Dnostdwasm.precompiler: the precompiler bundled in the precompiler jar. */
class BundledPrecompilerTest {

    @Test
    void compilesAndRunsWithTheBundledPrecompiler(@TempDir Path dir) {
        String add = Nsw.wat("add.wat").toString(); // Nsw's initializer sets the property: first
        String saved = System.clearProperty(Host.PRECOMPILER_PROPERTY);
        try {
            Nsw.Result r = Nsw.run("run", add, "--invoke", "add", "2", "3");
            assertEquals(0, r.exit(), r::toString);
            assertEquals("5\n", r.out());
            r = Nsw.run("compile", "--progress", "none", "--out-dir", dir.toString(), add);
            assertEquals(0, r.exit(), r::toString);
        } finally {
            if (saved != null) {
                System.setProperty(Host.PRECOMPILER_PROPERTY, saved);
            }
        }
    }
}
