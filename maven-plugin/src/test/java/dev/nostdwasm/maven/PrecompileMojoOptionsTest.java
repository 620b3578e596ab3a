package dev.nostdwasm.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nostdwasm.api.Profile;
import dev.nostdwasm.precompiler.PrecompileOptions;
import dev.nostdwasm.precompiler.Target;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the goal's parameters become {@link PrecompileOptions}. */
class PrecompileMojoOptionsTest {

    @TempDir
    Path tmp;

    @Test
    void defaults() throws Exception {
        PrecompileOptions options = new PrecompileMojo().options();
        assertEquals(EnumSet.allOf(Target.class), options.targets());
        assertEquals(EnumSet.of(Profile.NATIVE, Profile.PULLEY), options.profiles());
        assertFalse(options.fuel());
        assertFalse(options.epoch());
        assertTrue(options.signingKey().isEmpty());
    }

    @Test
    void namesAreCaseInsensitiveAndTrimmed() throws Exception {
        PrecompileMojo mojo = new PrecompileMojo();
        mojo.targets = List.of(" X86_64 ", "");
        mojo.profiles = List.of("Native-Signals");
        mojo.fuel = true;
        PrecompileOptions options = mojo.options();
        assertEquals(EnumSet.of(Target.X86_64), options.targets());
        assertEquals(EnumSet.of(Profile.NATIVE_SIGNALS), options.profiles());
        assertTrue(options.fuel());
    }

    @Test
    void unknownNamesListTheValidOnes() {
        PrecompileMojo mojo = new PrecompileMojo();
        mojo.targets = List.of("riscv64");
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::options);
        assertTrue(e.getMessage().contains("use x86_64, aarch64, pulley64 or host"), e.getMessage());

        PrecompileMojo other = new PrecompileMojo();
        other.profiles = List.of("fast");
        e = assertThrows(MojoExecutionException.class, other::options);
        assertTrue(e.getMessage().contains("use native, native-signals or pulley"), e.getMessage());
    }

    @Test
    void signingKeyMustExist() throws Exception {
        PrecompileMojo mojo = new PrecompileMojo();
        mojo.signingKey = new File(tmp.toFile(), "missing.pem");
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::options);
        assertTrue(e.getMessage().contains("missing.pem"), e.getMessage());

        Path key = Files.writeString(tmp.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\n");
        mojo.signingKey = key.toFile();
        assertEquals(key.toAbsolutePath(), mojo.options().signingKey().orElseThrow());
    }

    @Test
    void pathsInsideTheProjectAreShownRelative() {
        Path base = tmp.toAbsolutePath();
        assertEquals("src/main/wasm/a.wat", PrecompileMojo.shown(base, base.resolve("src/main/wasm/a.wat")));
        assertEquals("/elsewhere/a.wat", PrecompileMojo.shown(base, Path.of("/elsewhere/a.wat")));
    }

    @Test
    void theReasonDropsTheInputThePrecompilerPutInFront() {
        Path input = Path.of("/p/src/main/wasm/a.wat");
        assertEquals("does not parse", PrecompileMojo.reason(
                new dev.nostdwasm.precompiler.PrecompileException(input, "/p/src/main/wasm/a.wat: does not parse")));
        assertEquals("does not parse", PrecompileMojo.reason(
                new dev.nostdwasm.precompiler.PrecompileException(input, "does not parse")));
        assertEquals("does not parse", PrecompileMojo.reason(new dev.nostdwasm.precompiler.PrecompileException(
                input, "cannot precompile /p/src/main/wasm/a.wat: does not parse")));
    }
}
