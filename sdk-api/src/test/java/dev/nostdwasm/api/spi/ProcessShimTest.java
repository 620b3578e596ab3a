package dev.nostdwasm.api.spi;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nostdwasm.api.Architecture;
import dev.nostdwasm.api.PlatformShim;
import dev.nostdwasm.api.PlatformShimException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProcessShimTest {
    @AfterEach
    void forget() {
        ProcessShim.reset();
    }

    @Test
    void theFirstClaimWinsAndTheSameShimMayBeClaimedAgain() {
        ProcessShim.claim(PlatformShim.bundled());
        assertDoesNotThrow(() -> ProcessShim.claim(PlatformShim.bundled()));
        assertSame(PlatformShim.bundled(), ProcessShim.loaded());
    }

    @Test
    void aDifferentShimIsATypedError() {
        ProcessShim.claim(PlatformShim.bundled());
        PlatformShim other = PlatformShim.of("mine", Map.of(Architecture.X86_64, Path.of("/x/libshim.so")),
                Set.of(PlatformShim.Capability.CUSTOM_SYNC));
        PlatformShimException e = assertThrows(PlatformShimException.class, () -> ProcessShim.claim(other));
        assertTrue(e.getMessage().contains("one shim per process"), e.getMessage());
    }
}
