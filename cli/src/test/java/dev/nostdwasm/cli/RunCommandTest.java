package dev.nostdwasm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nostdwasm.api.Profile;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RunCommandTest {

    @TempDir
    static Path artifacts;

    @BeforeAll
    static void compileArtifacts() {
        Nsw.Result r = Nsw.run("compile", "--profile", "native", "--profile", "pulley", "--fuel",
                "--out-dir", artifacts.resolve("metered").toString(), Nsw.wat("values.wat").toString());
        assertEquals(0, r.exit(), r::toString);
        r = Nsw.run("compile", "--profile", "native", "--profile", "native-signals", "--profile", "pulley",
                "--out-dir", artifacts.toString(), Nsw.wat("add.wat").toString(), Nsw.wat("traps.wat").toString());
        assertEquals(0, r.exit(), r::toString);
    }

    static String host() {
        return Host.target().cliName();
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void runsWatInEveryProfile(Profile profile) {
        Nsw.Result r = Nsw.run("run", Nsw.wat("add.wat").toString(), "--invoke", "add", "--profile", profile.cliName(), "2", "3");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("5\n", r.out());
        assertEquals("", r.err());
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void runsArtifactWithItsOwnProfile(Profile profile) {
        String target = profile == Profile.PULLEY ? "pulley64" : host();
        Path artifact = artifacts.resolve("add." + profile.cliName() + "." + target + ".cwasm");
        Nsw.Result r = Nsw.run("run", artifact.toString(), "--allow-unsigned", "--invoke", "add", "40", "2");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("42\n", r.out());
    }

    @Test
    void anUnsignedArtifactNeedsAllowUnsigned() {
        Path artifact = artifacts.resolve("add.pulley.pulley64.cwasm");
        Nsw.Result r = Nsw.run("run", artifact.toString(), "--invoke", "add", "40", "2");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().startsWith("nsw run: " + artifact + ": the artifact is unsigned"), r::toString);
        assertTrue(r.err().contains("--allow-unsigned") && r.err().contains("--public-key"), r::toString);
    }

    @Test
    void negativeAndHexArguments() {
        Nsw.Result r = Nsw.run("run", Nsw.wat("add.wat").toString(), "--invoke", "add", "-7", "0x10");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("9\n", r.out());
        // 0xffffffff is -1 as an i32; results are signed decimal
        r = Nsw.run("run", Nsw.wat("add.wat").toString(), "--invoke", "add", "0xffffffff", "0");
        assertEquals("-1\n", r.out(), r::toString);
    }

    @Test
    void wrongProfileForArtifactIsAnError() {
        Path artifact = artifacts.resolve("add.pulley.pulley64.cwasm");
        Nsw.Result r = Nsw.run("run", artifact.toString(), "--allow-unsigned", "--invoke", "add", "--profile", "native",
                "1", "2");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().startsWith("nsw run: "), r::toString);
    }

    @Test
    void trapExitsWith3AndNamesTheCode() {
        Nsw.Result r = Nsw.run("run", Nsw.wat("traps.wat").toString(), "--invoke", "unreachable");
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.err().startsWith("trap: UNREACHABLE_CODE_REACHED: "), r::toString);
        assertEquals("", r.out());

        Path artifact = artifacts.resolve("traps.native-signals." + host() + ".cwasm");
        r = Nsw.run("run", artifact.toString(), "--allow-unsigned", "--invoke", "div", "1", "0");
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.err().startsWith("trap: INTEGER_DIVISION_BY_ZERO: "), r::toString);

        r = Nsw.run("run", artifact.toString(), "--allow-unsigned", "--invoke", "load", "0x7fffffff");
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.err().startsWith("trap: MEMORY_OUT_OF_BOUNDS: "), r::toString);

        r = Nsw.run("run", artifact.toString(), "--allow-unsigned", "--invoke", "div", "-7", "2");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("-3\n", r.out());
    }

    @Test
    void fuelRunsOut() {
        Nsw.Result r = Nsw.run("run", Nsw.wat("values.wat").toString(), "--invoke", "spin", "--fuel", "10000");
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.err().startsWith("trap: OUT_OF_FUEL: "), r::toString);

        Path metered = artifacts.resolve("metered/values.pulley.fuel.pulley64.cwasm");
        r = Nsw.run("run", metered.toString(), "--allow-unsigned", "--invoke", "spin", "--fuel", "500");
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.err().startsWith("trap: OUT_OF_FUEL: "), r::toString);

        // a metered artifact without --fuel gets unlimited fuel
        r = Nsw.run("run", metered.toString(), "--allow-unsigned", "--invoke", "i64_add", "1", "2");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("3\n", r.out());

        // an unmetered artifact cannot count fuel
        r = Nsw.run("run", artifacts.resolve("add.native." + host() + ".cwasm").toString(), "--allow-unsigned", "--invoke", "add",
                "--fuel", "10", "1", "2");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().contains("was compiled without fuel metering"), r::toString);
    }

    @Test
    void everyValueType() {
        String values = Nsw.wat("values.wat").toString();
        Nsw.Result r = Nsw.run("run", values, "--invoke", "i64_add", "9223372036854775807", "1");
        assertEquals("-9223372036854775808\n", r.out(), r::toString);
        r = Nsw.run("run", values, "--invoke", "f64_div", "1", "8");
        assertEquals("0.125\n", r.out(), r::toString);
        r = Nsw.run("run", values, "--invoke", "f64_div", "1", "0");
        assertEquals("inf\n", r.out(), r::toString);
        r = Nsw.run("run", values, "--invoke", "f64_div", "0", "0");
        assertTrue(r.out().matches("-?nan\n"), r::toString);
        r = Nsw.run("run", values, "--invoke", "v128_inc", "0x000000030000000200000001ffffffff");
        assertEquals("0x00000004000000030000000200000000\n", r.out(), r::toString);
        r = Nsw.run("run", values, "--invoke", "swap_sum", "1", "2");
        assertEquals("2\n1\n3\n", r.out(), r::toString);
        r = Nsw.run("run", values, "--invoke", "nothing");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("", r.out());
        r = Nsw.run("run", Nsw.wat("floats.wat").toString(), "--invoke", "frob", "1.4", "3.2");
        assertEquals("5.0\n", r.out(), r::toString);
    }

    @Test
    void importsAreListedAndRefused() {
        Nsw.Result r = Nsw.run("run", Nsw.wat("host_fn.wat").toString(), "--invoke", "add_and_mul", "2", "3", "4");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().contains("nsw run provides only wasi_snapshot_preview1"), r::toString);
        assertTrue(r.err().contains("  import host.multiply: func (i32, i32) -> (i32)"), r::toString);
    }

    @Test
    void missingExportListsTheFunctions() {
        Nsw.Result r = Nsw.run("run", Nsw.wat("values.wat").toString(), "--invoke", "nope");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().contains("has no export 'nope'; its functions are:"), r::toString);
        assertTrue(r.err().contains("  export i64_add: func (i64, i64) -> (i64)"), r::toString);
        r = Nsw.run("run", Nsw.wat("values.wat").toString(), "--invoke", "memory");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().contains("export 'memory' is a memory 1.. pages, not a function"), r::toString);
    }

    @Test
    void badArgumentsAreUsageErrors() {
        Nsw.Result r = Nsw.run("run", Nsw.wat("add.wat").toString(), "--invoke", "add", "1");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().startsWith("add takes 2 arguments (i32, i32), but 1 was given"), r::toString);
        assertTrue(r.err().contains("Usage: nsw run"), r::toString);

        r = Nsw.run("run", Nsw.wat("add.wat").toString(), "--invoke", "add", "1", "x");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().startsWith("argument 2 of add: 'x' is not an i32"), r::toString);


        r = Nsw.run("run", Nsw.wat("add.wat").toString(), "--invoke", "add", "--provider", "wasmer");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("Invalid value for option '--provider'"), r::toString);
    }

    @Test
    void notAModule(@TempDir Path dir) throws Exception {
        Path text = java.nio.file.Files.writeString(dir.resolve("notes.txt"), "hello");
        Nsw.Result r = Nsw.run("run", text.toString(), "--invoke", "add");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().contains("is neither an artifact nor a .wat or .wasm module"), r::toString);
        r = Nsw.run("run", dir.resolve("missing.wat").toString(), "--invoke", "add");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().contains("no such file"), r::toString);
    }
}
