package dev.nostdwasm.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nostdwasm.api.Profile;
import dev.nostdwasm.precompiler.Target;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class CombinationsTest {

    @Test
    void defaultsGiveThreeArtifacts() {
        List<Combinations.Pair> pairs = Combinations.pairs(EnumSet.allOf(Target.class),
                EnumSet.of(Profile.NATIVE, Profile.PULLEY));
        assertEquals(List.of("app.native.x86_64.cwasm", "app.native.aarch64.cwasm", "app.pulley.pulley64.cwasm"),
                Combinations.artifactNames("app.wat", pairs, false, false));
    }

    @Test
    void fuelAndEpochAreInTheNames() {
        List<Combinations.Pair> pairs = Combinations.pairs(EnumSet.of(Target.PULLEY64), EnumSet.of(Profile.PULLEY));
        assertEquals(List.of("app.pulley.fuel.pulley64.cwasm"), Combinations.artifactNames("app.wat", pairs, true, false));
        assertEquals(List.of("app.pulley.epoch.pulley64.cwasm"), Combinations.artifactNames("app.wat", pairs, false, true));
        assertEquals(List.of("app.pulley.fuel.epoch.pulley64.cwasm"), Combinations.artifactNames("app.wat", pairs, true, true));
    }

    @Test
    void stemDropsOnlyTheLastExtension() {
        assertEquals("a.b", Combinations.stem("a.b.wasm"));
        assertEquals(".hidden", Combinations.stem(".hidden"));
        assertEquals("noext", Combinations.stem("noext"));
    }

    @Test
    void pairsThatDoNotFitAreLeftOut() {
        assertTrue(Combinations.pairs(EnumSet.of(Target.X86_64), EnumSet.of(Profile.PULLEY)).isEmpty());
        assertEquals(2, Combinations.pairs(EnumSet.of(Target.X86_64),
                EnumSet.of(Profile.NATIVE, Profile.NATIVE_SIGNALS, Profile.PULLEY)).size());
    }
}
