package dev.nostdwasm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/nsw of the distribution, as a user runs it: the bundled precompiler, each provider's Java. */
class NswLauncherIT {

    static Path jdk17() {
        String home = System.getProperty("nostdwasm.test.jdk17", "");
        Path p = Path.of(home);
        assumeTrue(!home.isBlank() && Files.isExecutable(p.resolve("bin/java")), "no Java 17 at '" + home + "'");
        return p;
    }

    @Test
    void runsOnThisJava(@TempDir Path dir) throws Exception {
        Nsw.copyWat("add.wat", dir);
        Nsw.copyWat("traps.wat", dir);
        Launcher.Result r = Launcher.shell(dir, Launcher.currentJavaHome(), "nsw --version");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.output().matches("(?s)nsw \\S+\nWasmtime \\S+\nprovider ffm\nJava .*"), r::toString);

        r = Launcher.shell(dir, Launcher.currentJavaHome(), "nsw run add.wat --invoke add 2 3");
        assertEquals(new Launcher.Result(0, "nsw run: compiled add.wat for native (" + Host.target().cliName()
                + ") and cached it in " + dir.toAbsolutePath().resolve(".nsw-cache") + " (later runs load it from there)\n5\n"), r);
        r = Launcher.shell(dir, Launcher.currentJavaHome(), "nsw run add.wat --invoke add 2 3");
        assertEquals(new Launcher.Result(0, "5\n"), r, "the second run loads it from the cache");

        r = Launcher.shell(dir, Launcher.currentJavaHome(), "nsw run traps.wat --invoke unreachable 2>/dev/null");
        assertEquals(new Launcher.Result(3, ""), r);
        r = Launcher.shell(dir, Launcher.currentJavaHome(), "nsw run traps.wat --invoke unreachable");
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.output().startsWith("trap: UNREACHABLE_CODE_REACHED: "), r::toString);

        r = Launcher.shell(dir, Launcher.currentJavaHome(), "nsw run add.wat --invoke add 2");
        assertEquals(2, r.exit(), r::toString);
    }

    @Test
    void runsOnJava17WithJni(@TempDir Path dir) throws Exception {
        Path jdk17 = jdk17();
        Nsw.copyWat("add.wat", dir);
        Nsw.copyWat("host_fn.wat", dir);
        Launcher.Result r = Launcher.shell(dir, jdk17, "nsw --version");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.output().matches("(?s)nsw \\S+\nWasmtime \\S+\nprovider jni\nJava 17.*"), r::toString);

        r = Launcher.shell(dir, jdk17, "nsw compile --profile pulley --profile native --out-dir out add.wat host_fn.wat"
                + " && nsw run out/add.pulley.pulley64.cwasm --allow-unsigned --invoke add 2 3"
                + " && nsw inspect out/host_fn.native.$(uname -m).cwasm --allow-unsigned");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.output().contains("\n5\n"), r::toString);
        assertTrue(r.output().endsWith("import host.multiply: func (i32, i32) -> (i32)\n"
                + "export add_and_mul: func (i32, i32, i32) -> (i32)\n"), r::toString);
    }

    @Test
    void refusesOldJava(@TempDir Path dir) throws Exception {
        Path fake = dir.resolve("jdk11");
        Files.createDirectories(fake.resolve("bin"));
        Files.writeString(fake.resolve("release"), "JAVA_VERSION=\"11.0.2\"\n");
        Path java = Files.writeString(fake.resolve("bin/java"), "#!/bin/sh\necho should not run\n");
        java.toFile().setExecutable(true);
        Launcher.Result r = Launcher.shell(dir, fake, "nsw --version");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.output().startsWith("nsw: needs Java 17 or newer, but " + java + " is Java 11.0.2"), r::toString);
    }
}
