package dev.nostdwasm.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nostdwasm.api.Profile;
import dev.nostdwasm.precompiler.PrecompileOptions;
import dev.nostdwasm.precompiler.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The up-to-date check: artifact timestamps against their input, and the configuration stamp. */
class UpToDateTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final List<Combinations.Pair> DEFAULT_PAIRS =
            Combinations.pairs(EnumSet.allOf(Target.class), EnumSet.of(Profile.NATIVE, Profile.PULLEY));

    @TempDir
    Path tmp;
    Path src;
    Path out;

    @BeforeEach
    void dirs() throws IOException {
        src = Files.createDirectories(tmp.resolve("src/main/wasm"));
        out = Files.createDirectories(tmp.resolve("out"));
    }

    private Path file(Path path, Instant modified) throws IOException {
        Files.createDirectories(path.getParent());
        if (!Files.exists(path)) {
            Files.writeString(path, "x");
        }
        Files.setLastModifiedTime(path, FileTime.from(modified));
        return path;
    }

    private Plan plan(Path... relative) {
        return Plan.of(src, List.of(relative), DEFAULT_PAIRS, false, false, out);
    }

    private void outputs(Plan plan, Instant modified) throws IOException {
        for (String o : plan.expectedOutputs()) {
            file(out.resolve(o), modified);
        }
    }

    @Test
    void outputsKeepTheInputsSubdirectory() {
        Plan plan = plan(Path.of("a.wat"), Path.of("lib/b.wasm"));
        assertEquals(List.of("a.native.x86_64.cwasm", "a.native.aarch64.cwasm", "a.pulley.pulley64.cwasm"),
                plan.inputs().get(0).outputs());
        assertEquals(List.of("lib/b.native.x86_64.cwasm", "lib/b.native.aarch64.cwasm", "lib/b.pulley.pulley64.cwasm"),
                plan.inputs().get(1).outputs());
        assertEquals("lib", plan.inputs().get(1).subdirectory());
        assertEquals("", plan.inputs().get(0).subdirectory());
    }

    @Test
    void twoInputsWithOneStemCollide() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> plan(Path.of("a.wasm"), Path.of("a.wat")));
        assertTrue(e.getMessage().contains("a.wasm and a.wat"), e.getMessage());
    }

    @Test
    void upToDateWhenEveryOutputIsNewer() throws IOException {
        file(src.resolve("a.wat"), T0);
        Plan plan = plan(Path.of("a.wat"));
        outputs(plan, T0.plusSeconds(5));
        assertEquals(List.of(), plan.stale(true));
    }

    @Test
    void outputWithTheInputsTimestampCounts() throws IOException {
        file(src.resolve("a.wat"), T0);
        Plan plan = plan(Path.of("a.wat"));
        outputs(plan, T0);
        assertEquals(List.of(), plan.stale(true));
    }

    @Test
    void staleWhenTheInputIsNewerThanAnyOutput() throws IOException {
        file(src.resolve("a.wat"), T0.plusSeconds(10));
        file(src.resolve("b.wat"), T0);
        Plan plan = plan(Path.of("a.wat"), Path.of("b.wat"));
        outputs(plan, T0.plusSeconds(5));
        file(out.resolve("a.native.x86_64.cwasm"), T0.plusSeconds(20)); // one newer is not enough
        List<Plan.Input> stale = plan.stale(true);
        assertEquals(1, stale.size());
        assertEquals(Path.of("a.wat"), stale.get(0).relative());
    }

    @Test
    void staleWhenAnOutputIsMissing() throws IOException {
        file(src.resolve("a.wat"), T0);
        Plan plan = plan(Path.of("a.wat"));
        outputs(plan, T0.plusSeconds(5));
        Files.delete(out.resolve("a.pulley.pulley64.cwasm"));
        assertEquals(1, plan.stale(true).size());
    }

    @Test
    void everythingStaleWhenTheConfigurationChanged() throws IOException {
        file(src.resolve("a.wat"), T0);
        Plan plan = plan(Path.of("a.wat"));
        outputs(plan, T0.plusSeconds(5));
        assertEquals(1, plan.stale(false).size());
    }

    @Test
    void stampRoundTripsAndMatchesOnlyTheSameConfiguration() throws IOException {
        PrecompileOptions options = PrecompileOptions.of(EnumSet.allOf(Target.class), Set.of(Profile.NATIVE, Profile.PULLEY));
        String config = BuildStamp.configuration(options, "36.0.0", src, out);
        Path stampFile = tmp.resolve("target/stamps/default.stamp");
        new BuildStamp(config, Set.of("a.native.x86_64.cwasm", "lib/b.pulley.pulley64.cwasm")).write(stampFile);

        BuildStamp read = BuildStamp.read(stampFile);
        assertTrue(read.matches(config));
        assertEquals(Set.of("a.native.x86_64.cwasm", "lib/b.pulley.pulley64.cwasm"), read.outputs());

        assertFalse(read.matches(BuildStamp.configuration(options.withFuel(true), "36.0.0", src, out)));
        assertFalse(read.matches(BuildStamp.configuration(options.withEpoch(true), "36.0.0", src, out)));
        assertFalse(read.matches(BuildStamp.configuration(options, "37.0.0", src, out)));
        assertFalse(read.matches(BuildStamp.configuration(
                PrecompileOptions.of(Set.of(Target.X86_64), Set.of(Profile.NATIVE)), "36.0.0", src, out)));
        assertFalse(read.matches(BuildStamp.configuration(options, "36.0.0", src, tmp.resolve("other"))));
    }

    @Test
    void targetOrderDoesNotMatter() throws IOException {
        String a = BuildStamp.configuration(PrecompileOptions.of(
                new java.util.LinkedHashSet<>(List.of(Target.X86_64, Target.AARCH64)), Set.of(Profile.NATIVE)), "v", src, out);
        String b = BuildStamp.configuration(PrecompileOptions.of(
                new java.util.LinkedHashSet<>(List.of(Target.AARCH64, Target.X86_64)), Set.of(Profile.NATIVE)), "v", src, out);
        assertEquals(a, b);
    }

    @Test
    void keyFingerprintChangesWithTheKeyFile() throws IOException {
        Path key = Files.writeString(tmp.resolve("key.pem"), "one");
        PrecompileOptions options = PrecompileOptions.of(Set.of(Target.X86_64), Set.of(Profile.NATIVE)).withSigningKey(key);
        String signedOne = BuildStamp.configuration(options, "v", src, out);
        Files.writeString(key, "two");
        String signedTwo = BuildStamp.configuration(options, "v", src, out);
        String unsigned = BuildStamp.configuration(PrecompileOptions.of(Set.of(Target.X86_64), Set.of(Profile.NATIVE)), "v", src, out);
        assertNotEquals(signedOne, signedTwo);
        assertNotEquals(signedOne, unsigned);
        assertFalse(signedOne.contains("one"), "the stamp holds a digest, not the key");
    }

    @Test
    void missingOrIncompleteStampNeverMatches() throws IOException {
        Path stampFile = tmp.resolve("none.stamp");
        assertFalse(BuildStamp.read(stampFile).matches("targets=x86_64\n"));
        BuildStamp.incomplete(Set.of("a.native.x86_64.cwasm")).write(stampFile);
        BuildStamp read = BuildStamp.read(stampFile);
        assertFalse(read.matches(""));
        assertFalse(read.matches("targets=x86_64\n"));
        assertEquals(Set.of("a.native.x86_64.cwasm"), read.outputs());
    }

    @Test
    void orphansAreDeletedButNothingElse() throws IOException {
        file(src.resolve("a.wat"), T0);
        Plan plan = plan(Path.of("a.wat"));
        outputs(plan, T0.plusSeconds(5));
        Path orphan = file(out.resolve("gone.native.x86_64.cwasm"), T0);
        Path outside = file(tmp.resolve("outside.cwasm"), T0);
        Path notOurs = file(out.resolve("readme.txt"), T0);
        int deleted = plan.deleteOrphans(Set.of("gone.native.x86_64.cwasm", "a.native.x86_64.cwasm", "../outside.cwasm",
                "readme.txt"));
        assertEquals(1, deleted);
        assertFalse(Files.exists(orphan));
        assertTrue(Files.exists(outside));
        assertTrue(Files.exists(notOurs));
        assertTrue(Files.exists(out.resolve("a.native.x86_64.cwasm")));
    }

    @Test
    void scannerAppliesIncludesAndExcludes() throws IOException {
        file(src.resolve("a.wat"), T0);
        file(src.resolve("lib/b.wasm"), T0);
        file(src.resolve("lib/notes.txt"), T0);
        file(src.resolve("skip/c.wat"), T0);
        assertEquals(List.of(Path.of("a.wat"), Path.of("lib/b.wasm"), Path.of("skip/c.wat")),
                SourceScanner.scan(src, PrecompileMojo.DEFAULT_INCLUDES, List.of()));
        assertEquals(List.of(Path.of("a.wat"), Path.of("lib/b.wasm")),
                SourceScanner.scan(src, PrecompileMojo.DEFAULT_INCLUDES, List.of("skip/**")));
    }
}
