package dev.nostdwasm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompileCommandTest {

    static String host() {
        return Host.target().cliName();
    }

    @Test
    void batchWithOneLinePerInput(@TempDir Path dir) {
        Path out = dir.resolve("out");
        Nsw.Result r = Nsw.run("compile", "--profile", "native", "--profile", "pulley", "--out-dir", out.toString(),
                Nsw.wat("add.wat").toString(), Nsw.wat("floats.wat").toString(), Nsw.wat("traps.wat").toString());
        assertEquals(0, r.exit(), r::toString);
        List<String> lines = r.err().lines().toList();
        assertEquals(3, lines.size(), r::toString);
        for (String line : lines) {
            assertTrue(line.matches("\\[[123]/3\\] (add|floats|traps)\\.wat -> \\1\\.native\\." + host()
                    + "\\.cwasm, \\1\\.pulley\\.pulley64\\.cwasm|\\[[123]/3\\] (add|floats|traps)\\.wat -> \\2\\.pulley\\.pulley64\\.cwasm, \\2\\.native\\."
                    + host() + "\\.cwasm"), line);
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("[3/3] ")), r::toString);
        assertTrue(r.out().matches("compiled 3 inputs into 6 artifacts in " + java.util.regex.Pattern.quote(out.toString())
                + " \\(\\d+\\.\\d s\\)\n"), r::toString);
        for (String stem : List.of("add", "floats", "traps")) {
            assertTrue(Files.isRegularFile(out.resolve(stem + ".native." + host() + ".cwasm")), stem);
            assertTrue(Files.isRegularFile(out.resolve(stem + ".pulley.pulley64.cwasm")), stem);
        }
    }

    @Test
    void progressBar(@TempDir Path dir) {
        Nsw.Result r = Nsw.run("compile", "--progress", "bar", "--out-dir", dir.toString(),
                Nsw.wat("add.wat").toString(), Nsw.wat("floats.wat").toString());
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.err().startsWith("\r[###############...............] 1/2 "), r::toString);
        assertTrue(r.err().contains("\r[##############################] 2/2 "), r::toString);
        assertTrue(r.err().endsWith("\n"), r::toString);
        assertTrue(r.out().startsWith("compiled 2 inputs into 2 artifacts in "), r::toString);
    }

    @Test
    void quietAndExplicitTargets(@TempDir Path dir) {
        Nsw.Result r = Nsw.run("compile", "--progress", "none", "--target", "aarch64", "--target", "x86_64",
                "--profile", "native-signals", "--out-dir", dir.toString(), Nsw.wat("add.wat").toString());
        assertEquals(0, r.exit(), r::toString);
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("compiled 1 input into 2 artifacts in "), r::toString);
        assertTrue(Files.isRegularFile(dir.resolve("add.native-signals.aarch64.cwasm")));
        assertTrue(Files.isRegularFile(dir.resolve("add.native-signals.x86_64.cwasm")));
    }

    @Test
    void usageErrors(@TempDir Path dir) {
        Nsw.Result r = Nsw.run("compile", Nsw.wat("add.wat").toString());
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().startsWith("Missing required option: '--out-dir=DIR'"), r::toString);
        assertTrue(r.err().contains("Usage: nsw compile"), r::toString);

        r = Nsw.run("compile", "--target", "riscv64", "--out-dir", dir.toString(), Nsw.wat("add.wat").toString());
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().startsWith("Invalid value for option '--target' (TARGET): unknown target 'riscv64'"), r::toString);

        r = Nsw.run("compile", "--profile", "fast", "--out-dir", dir.toString(), Nsw.wat("add.wat").toString());
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().startsWith("Invalid value for option '--profile' (PROFILE): unknown profile 'fast'"), r::toString);

        r = Nsw.run("compile", "--out-dir", dir.toString());
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().startsWith("Missing required parameter: 'INPUT'"), r::toString);
    }

    @Test
    void failuresNameTheInput(@TempDir Path dir) throws Exception {
        Nsw.Result r = Nsw.run("compile", "--out-dir", dir.toString(), dir.resolve("missing.wat").toString());
        assertEquals(1, r.exit(), r::toString);
        assertEquals("nsw compile: no such file: " + dir.resolve("missing.wat") + "\n", r.err());

        Path bad = Files.writeString(dir.resolve("bad.wat"), "(module (func (export \"f\") i32.add))");
        r = Nsw.run("compile", "--out-dir", dir.resolve("out").toString(), bad.toString());
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().startsWith("nsw compile: "), r::toString);
        assertTrue(r.err().contains("bad.wat"), r::toString);
    }
}
