package dev.nostdwasm.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArtifactNameTest {

    @Test
    void fuelAndEpochAreInTheNameOnlyWhenSet() {
        assertEquals("add.native.x86_64.cwasm", new ArtifactName("add", Profile.NATIVE, "x86_64", false, false).fileName());
        assertEquals("add.native-signals.fuel.aarch64.cwasm",
                new ArtifactName("add", Profile.NATIVE_SIGNALS, "aarch64", true, false).fileName());
        assertEquals("lib.math.pulley.epoch.pulley64.cwasm",
                new ArtifactName("lib.math", Profile.PULLEY, "pulley64", false, true).fileName());
        assertEquals("add.pulley.fuel.epoch.pulley64.cwasm",
                new ArtifactName("add", Profile.PULLEY, "pulley64", true, true).fileName());
        assertEquals("--profile pulley --target pulley64 --fuel --epoch",
                new ArtifactName("add", Profile.PULLEY, "pulley64", true, true).precompilerOptions());
    }

    @Test
    void anEngineLooksForItsOwnSettingsOnThisMachine() {
        String arch = Architecture.current().id();
        assertEquals("add.native." + arch + ".cwasm", ArtifactName.forEngine("add", EngineConfig.of(Profile.NATIVE)).fileName());
        assertEquals("add.pulley.fuel.epoch.pulley64.cwasm", ArtifactName.forEngine("add",
                EngineConfig.of(Profile.PULLEY).withFuel(true).withEpochInterruption(true)).fileName());
    }

    @Test
    void everyNameIsDistinctAndFitsItsTarget() {
        List<ArtifactName> every = ArtifactName.every("add");
        // native and native-signals on two CPUs, pulley on pulley64; each with and without fuel and epoch
        assertEquals((2 * 2 + 1) * 4, every.size());
        assertEquals(every.size(), new HashSet<>(every.stream().map(ArtifactName::fileName).toList()).size());
    }

    @Test
    void badPartsAreRefusedSayingWhatFits() {
        var pair = assertThrows(IllegalArgumentException.class,
                () -> new ArtifactName("add", Profile.PULLEY, "x86_64", false, false));
        assertTrue(pair.getMessage().contains("pulley profile holds code for pulley64 only"), pair.getMessage());
        var target = assertThrows(IllegalArgumentException.class,
                () -> new ArtifactName("add", Profile.NATIVE, "riscv64", false, false));
        assertTrue(target.getMessage().contains("[x86_64, aarch64, pulley64]"), target.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ArtifactName("", Profile.NATIVE, "x86_64", false, false));
        assertThrows(IllegalArgumentException.class, () -> new ArtifactName("lib/add", Profile.NATIVE, "x86_64", false, false));
    }

    @Test
    void theOptInIsPartOfTheConfiguration() {
        EngineConfig config = EngineConfig.of(Profile.NATIVE);
        assertTrue(!config.unsignedArtifactsAllowed() && config.allowUnsignedArtifacts().unsignedArtifactsAllowed());
        assertTrue(!config.equals(config.allowUnsignedArtifacts()));
        assertTrue(config.allowUnsignedArtifacts().withFuel(true).unsignedArtifactsAllowed(), "kept by the other withers");
        assertEquals("EngineConfig[native, unsigned artifacts allowed]", config.allowUnsignedArtifacts().toString());
    }
}
