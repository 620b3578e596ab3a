package dev.nostdwasm.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nostdwasm.api.PlatformShim.Capability;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlatformShimTest {
    private static final Path LIB = Path.of("/opt/myos/libmyshim.so");

    @Test
    void theBundledShimHasEveryCapabilityAndRunsEveryProfile() {
        PlatformShim shim = PlatformShim.bundled();
        assertTrue(shim.isBundled());
        assertEquals(EnumSet.allOf(Capability.class), shim.capabilities());
        for (Profile p : Profile.values()) {
            assertTrue(shim.supports(p), p.toString());
        }
        assertTrue(shim.library(Architecture.X86_64).isEmpty());
    }

    @Test
    void aShimWithoutVirtualMemoryRunsOnlyPulleyAndSaysWhy() {
        PlatformShim shim = PlatformShim.of("tiny", Map.of(Architecture.AARCH64, LIB), Set.of(Capability.CUSTOM_SYNC));
        assertTrue(shim.supports(Profile.PULLEY));
        assertFalse(shim.supports(Profile.NATIVE));
        PlatformShimException e = assertThrows(PlatformShimException.class, () -> shim.requireSupport(Profile.NATIVE));
        assertTrue(e.getMessage().contains("lacks VIRTUAL_MEMORY"), e.getMessage());
        assertEquals(LIB, shim.library(Architecture.AARCH64).orElseThrow());
    }

    @Test
    void nativeSignalsNeedsTheSignalCapability() {
        PlatformShim shim = PlatformShim.of("vm-only", Map.of(Architecture.X86_64, LIB),
                Set.of(Capability.CUSTOM_SYNC, Capability.VIRTUAL_MEMORY));
        assertTrue(shim.supports(Profile.NATIVE));
        PlatformShimException e =
                assertThrows(PlatformShimException.class, () -> shim.requireSupport(Profile.NATIVE_SIGNALS));
        assertTrue(e.getMessage().contains("lacks NATIVE_SIGNALS"), e.getMessage());
    }

    @Test
    void aShimWithoutBlockingLocksIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PlatformShim.of("spin", Map.of(Architecture.X86_64, LIB), Set.of(Capability.VIRTUAL_MEMORY)));
        assertTrue(e.getMessage().contains("CUSTOM_SYNC"), e.getMessage());
    }

    @Test
    void relativePathsAndEmptyLibraryMapsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> PlatformShim.of("rel",
                Map.of(Architecture.X86_64, Path.of("lib.so")), Set.of(Capability.CUSTOM_SYNC)));
        assertThrows(IllegalArgumentException.class,
                () -> PlatformShim.of("none", Map.of(), Set.of(Capability.CUSTOM_SYNC)));
    }

    @Test
    void equalShimsAreEqual() {
        PlatformShim a = PlatformShim.of("s", Map.of(Architecture.X86_64, LIB), Set.of(Capability.CUSTOM_SYNC));
        PlatformShim b = PlatformShim.of("s", Map.of(Architecture.X86_64, LIB), EnumSet.of(Capability.CUSTOM_SYNC));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertFalse(a.equals(PlatformShim.bundled()));
    }

    @Test
    void architecturesAreRecognizedByTheirJvmNames() {
        assertEquals(Architecture.X86_64, Architecture.fromOsArch("amd64"));
        assertEquals(Architecture.AARCH64, Architecture.fromOsArch("aarch64"));
        ProviderUnavailableException e =
                assertThrows(ProviderUnavailableException.class, () -> Architecture.fromOsArch("riscv64"));
        assertTrue(e.getMessage().contains("only for x86_64 and aarch64"), e.getMessage());
    }
}
