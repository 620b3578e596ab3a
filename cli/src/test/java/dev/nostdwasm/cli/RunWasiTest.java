package dev.nostdwasm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nostdwasm.api.Engine;
import dev.nostdwasm.api.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code nsw run} of a WASI command: src/test/c/wasi_tool.c, built with clang-14 and wasi-libc. */
class RunWasiTest {

    @TempDir
    static Path sandbox;

    static Path data;

    @BeforeAll
    static void files() throws IOException {
        data = Files.createDirectories(sandbox.resolve("data"));
        Files.writeString(data.resolve("hello.txt"), "hello from the host\n");
        Files.writeString(sandbox.resolve("secret.txt"), "outside the preopen\n");
    }

    static Nsw.Result run(String... options) {
        List<String> command = new ArrayList<>(List.of("run", Nsw.wasiTool().toString()));
        command.addAll(List.of(options));
        return Nsw.run(command.toArray(String[]::new));
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void printsItsArgumentsInEveryProfile(Profile profile) {
        Nsw.Result r = run("--profile", profile.cliName(), "--", "echo", "one", "-two", "three four");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("one\n-two\nthree four\n", r.out());
        assertEquals("", r.err());
    }

    @Test
    void saysSoTheFirstTimeItCompilesAModule(@TempDir Path dir) {
        String surefires = System.getProperty(Engine.CACHE_PROPERTY);
        System.setProperty(Engine.CACHE_PROPERTY, dir.resolve("cache").toString()); // empty: made by the first run
        try {
            Nsw.Result first = Nsw.runWithCompileNote("run", Nsw.wasiTool().toString(), "--", "echo", "hi");
            assertEquals(0, first.exit(), first::toString);
            assertEquals("hi\n", first.out());
            assertEquals("nsw run: compiled " + Nsw.wasiTool() + " for native (" + Host.target().cliName() + ") and cached"
                    + " it in " + dir.resolve("cache") + " (later runs load it from there)\n", first.err());
            Nsw.Result second = Nsw.runWithCompileNote("run", Nsw.wasiTool().toString(), "--", "echo", "hi");
            assertEquals("hi\n", second.out(), second::toString);
            assertEquals("", second.err(), "the cache had it: no note");
        } finally {
            System.setProperty(Engine.CACHE_PROPERTY, surefires);
        }
    }

    @Test
    void theProgramsExitCodeIsNswsExitCode() {
        Nsw.Result r = run("exit", "7");
        assertEquals(7, r.exit(), r::toString);
        assertEquals("", r.out());
        assertEquals(0, run("exit", "0").exit());
        assertEquals(2, run("no-such-command").exit(), "main's return value is the exit code");
    }

    @Test
    void readsAFileOfAPreopenedDirectory() {
        Nsw.Result r = run("--dir", data + "::/data", "cat", "/data/hello.txt");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("hello from the host\n", r.out());
    }

    @Test
    void theGuestPathDefaultsToTheHostPathAsWritten() {
        Nsw.Result r = run("--dir", data.toString(), "cat", data.resolve("hello.txt").toString());
        assertEquals(0, r.exit(), r::toString);
        assertEquals("hello from the host\n", r.out());
    }

    @Test
    void anEscapeFromThePreopenIsRefused() {
        for (String path : List.of("/data/../secret.txt", "/secret.txt", sandbox.resolve("secret.txt").toString())) {
            Nsw.Result r = run("--dir", data + "::/data", "cat", path);
            assertEquals(1, r.exit(), r::toString);
            assertEquals("", r.out(), r::toString);
            assertTrue(r.err().startsWith("cannot open " + path + ": "), r::toString);
        }
    }

    @Test
    void nothingIsReachableWithoutDir() {
        Nsw.Result r = run("cat", data.resolve("hello.txt").toString());
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().startsWith("cannot open "), r::toString);
    }

    @Test
    void dirWritesAndDirRoRefusesWrites() throws IOException {
        Nsw.Result r = run("--dir", data + "::/data", "write", "/data/out.txt", "written");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("written", Files.readString(data.resolve("out.txt")));

        r = run("--dir-ro", data + "::/data", "write", "/data/refused.txt", "nope");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().startsWith("cannot open /data/refused.txt: "), r::toString);
        assertFalse(Files.exists(data.resolve("refused.txt")));
        r = run("--dir-ro", data + "::/data", "cat", "/data/hello.txt");
        assertEquals("hello from the host\n", r.out(), r::toString);
    }

    @Test
    void theEnvironmentIsOnlyWhatIsGiven() {
        assertEquals("unset\n", run("env", "PATH").out());
        assertEquals("bar=baz\n", run("--env", "FOO=bar=baz", "env", "FOO").out());
        assertEquals(System.getenv("PATH") + "\n", run("--inherit-env", "env", "PATH").out());
        assertEquals("mine\n", run("--inherit-env", "--env", "PATH=mine", "env", "PATH").out());
        Nsw.Result bad = run("--env", "NOVALUE", "env", "NOVALUE");
        assertEquals(2, bad.exit(), bad::toString);
        assertTrue(bad.err().startsWith("--env NOVALUE: give NAME=VALUE"), bad::toString);
    }

    @Test
    void aTrapIsReportedWithExitCode3() {
        Nsw.Result r = run("trap");
        assertEquals(Main.EXIT_TRAP, r.exit(), r::toString);
        assertTrue(r.err().startsWith("trap: UNREACHABLE_CODE_REACHED: "), r::toString);
    }

    @Test
    void aMissingDirectoryIsNamed() {
        Path missing = sandbox.resolve("missing");
        Nsw.Result r = run("--dir", missing.toString(), "echo");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().startsWith("nsw run: --dir " + missing + ": " + missing + " is not a directory"), r::toString);
    }

    @Test
    void aDirWithoutAHostIsAUsageError() {
        Nsw.Result r = run("--dir", "::/data", "echo");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().startsWith("--dir ::/data: give HOST or HOST::GUEST, e.g. --dir data::/data"), r::toString);
    }

    @Test
    void aModuleWithoutStartNeedsInvoke() {
        Nsw.Result r = Nsw.run("run", Nsw.wat("add.wat").toString());
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().contains("exports no function _start, so it is not a WASI command: give --invoke EXPORT"),
                r::toString);
    }
}
