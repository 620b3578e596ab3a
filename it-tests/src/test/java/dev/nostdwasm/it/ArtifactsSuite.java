package dev.nostdwasm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nostdwasm.api.ArtifactCorruptException;
import dev.nostdwasm.api.ArtifactMismatchException;
import dev.nostdwasm.api.Engine;
import dev.nostdwasm.api.EngineConfig;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.it.support.Artifacts;
import dev.nostdwasm.it.support.ProfileTest;
import dev.nostdwasm.it.support.ProviderSuite;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Artifacts that are not artifacts, were damaged, or were built for something else are refused. */
abstract class ArtifactsSuite extends ProviderSuite {

    /** A profile other than {@code profile}, whose artifacts this engine must refuse. */
    static Profile other(Profile profile) {
        return profile == Profile.PULLEY ? Profile.NATIVE : Profile.PULLEY;
    }

    static void assertSaysHowToRecompile(String message, String... mentions) {
        assertTrue(message != null && (message.contains("recompile") || message.contains("precompile")),
                () -> "says how to recompile: " + message);
        for (String m : mentions) {
            assertTrue(message.contains(m), () -> "mentions '" + m + "': " + message);
        }
    }

    @ProfileTest
    void garbageBytesAreCorrupt(Profile profile) {
        Engine engine = engine(profile);
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        assertThrows(ArtifactCorruptException.class, () -> engine.load(garbage));
        assertThrows(ArtifactCorruptException.class, () -> engine.load(new byte[0]));
        assertThrows(ArtifactCorruptException.class, () -> engine.load("hello, world".getBytes()));
    }

    @ProfileTest
    void aPlainWasmModuleIsCorruptAndTheMessageSaysToPrecompile(Profile profile) {
        Engine engine = engine(profile);
        byte[] wasm = {0, 'a', 's', 'm', 1, 0, 0, 0};
        var e = assertThrows(ArtifactCorruptException.class, () -> engine.load(wasm));
        assertTrue(e.getMessage().contains(".wasm") || e.getMessage().contains("precompile"), e.getMessage());
    }

    @ProfileTest
    void damagedArtifactsAreCorrupt(Profile profile) {
        Engine engine = engine(profile);
        byte[] good = Artifacts.bytes("add", profile);
        assertThrows(ArtifactCorruptException.class, () -> engine.load(Arrays.copyOf(good, 20)), "truncated");
        assertThrows(ArtifactCorruptException.class, () -> engine.load(Arrays.copyOf(good, good.length - 1)), "truncated");
        for (int at = good.length - 1; at > good.length / 2; at -= good.length / 7) {
            byte[] flipped = good.clone();
            flipped[at] ^= 0x40;
            int where = at;
            assertThrows(ArtifactCorruptException.class, () -> engine.load(flipped), () -> "byte " + where + " flipped");
        }
        engine.load(good).close(); // the untouched bytes still load
    }

    @ProfileTest
    void anArtifactOfAnotherProfileIsAMismatch(Profile profile) {
        Engine engine = engine(profile);
        Profile other = other(profile);
        var e = assertThrows(ArtifactMismatchException.class, () -> engine.load(Artifacts.bytes("add", other)));
        assertSaysHowToRecompile(e.getMessage(), "nsw-precompile", "--profile " + profile.cliName());
    }

    @ProfileTest
    void everyOtherProfileIsAMismatch(Profile profile) {
        Engine engine = engine(profile);
        for (Profile other : Profile.values()) {
            if (other != profile) {
                var e = assertThrows(ArtifactMismatchException.class, () -> engine.load(Artifacts.bytes("add", other)),
                        () -> other + " artifact in a " + profile + " engine");
                assertSaysHowToRecompile(e.getMessage(), "--profile " + profile.cliName());
            }
        }
    }

    /** The profiles of native code: pulley artifacts are portable (pulley64 everywhere), so they have no other architecture. */
    Stream<Arguments> nativeProfiles() {
        return profiles().filter(arguments -> arguments.get()[0] != Profile.PULLEY);
    }

    @ParameterizedTest(name = "{argumentSetName}")
    @MethodSource("nativeProfiles")
    void anArtifactOfAnotherArchitectureIsAMismatch(Profile profile) {
        Engine engine = engine(profile);
        String otherArch = Artifacts.otherArchitecture();
        var e = assertThrows(ArtifactMismatchException.class,
                () -> engine.load(Artifacts.bytes("add", profile, otherArch)));
        assertSaysHowToRecompile(e.getMessage(), otherArch, "--target " + Artifacts.target(profile));
    }

    @ProfileTest
    void fuelAndEpochSettingsMustMatch(Profile profile) {
        byte[] metered = Artifacts.meteredBytes("spin", profile);
        var e = assertThrows(ArtifactMismatchException.class, () -> engine(profile).load(metered),
                "compiled with --fuel --epoch, loaded without");
        assertSaysHowToRecompile(e.getMessage(), "fuel", "epoch");

        Engine both = engine(EngineConfig.of(profile).allowUnsignedArtifacts()
                .withFuel(true).withEpochInterruption(true));
        both.load(metered).close();
        e = assertThrows(ArtifactMismatchException.class, () -> both.load(Artifacts.bytes("add", profile)),
                "compiled without, loaded with fuel and epochs");
        assertSaysHowToRecompile(e.getMessage(), "--profile " + profile.cliName() + " --fuel --epoch");
        Engine fuelOnly = engine(EngineConfig.of(profile).allowUnsignedArtifacts().withFuel(true));
        assertThrows(ArtifactMismatchException.class, () -> fuelOnly.load(metered), "epoch differs");
    }

    @ProfileTest
    void theRightArtifactLoadsAndRuns(Profile profile) {
        var s = session(profile);
        assertEquals(7, s.instantiate("add").func("add").callI32(3, 4));
    }
}
