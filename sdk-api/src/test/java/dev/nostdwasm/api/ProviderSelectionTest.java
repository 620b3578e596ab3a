package dev.nostdwasm.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.nostdwasm.api.spi.RuntimeProvider;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProviderSelectionTest {
    private final PlatformShim shim = PlatformShim.bundled();
    private final Logger log = mock(Logger.class);

    private static RuntimeProvider provider(String name, int priority, boolean available) {
        RuntimeProvider p = mock(RuntimeProvider.class);
        when(p.name()).thenReturn(name);
        when(p.priority()).thenReturn(priority);
        when(p.isAvailable()).thenReturn(available);
        when(p.unavailabilityCause()).thenReturn(available
                ? Optional.empty()
                : Optional.of(new UnsupportedOperationException(name + " needs something this JVM lacks")));
        NoStdRuntime runtime = mock(NoStdRuntime.class);
        when(runtime.provider()).thenReturn(name);
        when(p.open(any())).thenReturn(runtime);
        return p;
    }

    @Test
    void theAvailableProviderWithTheHighestPriorityWins() {
        RuntimeProvider jni = provider("jni", 10, true);
        RuntimeProvider ffm = provider("ffm", 20, true);
        NoStdRuntime r = ProviderSelection.select(List.of(jni, ffm), null, shim, log);
        assertEquals("ffm", r.provider());
        verify(jni, never()).open(any());
    }

    @Test
    void anUnavailableProviderIsSkippedAndTheFallbackIsLoggedWithItsReason() {
        RuntimeProvider ffm = provider("ffm", 20, false);
        RuntimeProvider jni = provider("jni", 10, true);
        NoStdRuntime r = ProviderSelection.select(List.of(ffm, jni), "", shim, log);
        assertEquals("jni", r.provider());
        verify(log).log(eq(Level.INFO), contains("is not available"), eq("ffm"), contains("lacks"));
        verify(log).log(eq(Level.INFO), contains("uses provider"), eq("jni"), contains("ffm: ffm needs"));
        verify(ffm, never()).open(any());
    }

    @Test
    void aProviderThatFailsToOpenDoesNotKeepTheNextFromServing() {
        RuntimeProvider ffm = provider("ffm", 20, true);
        when(ffm.open(any())).thenThrow(new UnsatisfiedLinkError("libnsw_embedding.so: cannot open"));
        RuntimeProvider jni = provider("jni", 10, true);
        assertEquals("jni", ProviderSelection.select(List.of(ffm, jni), null, shim, log).provider());
        verify(log).log(eq(Level.WARNING), contains("'ffm' failed to open"), any(Throwable.class));
    }

    @Test
    void aProviderWhoseAvailabilityCheckThrowsCountsAsUnavailable() {
        RuntimeProvider broken = provider("ffm", 20, true);
        when(broken.isAvailable()).thenThrow(new IllegalStateException("boom"));
        RuntimeProvider jni = provider("jni", 10, true);
        assertEquals("jni", ProviderSelection.select(List.of(broken, jni), null, shim, log).provider());
    }

    @Test
    void aShimConflictIsNotHiddenByFallingBack() {
        RuntimeProvider ffm = provider("ffm", 20, true);
        when(ffm.open(any())).thenThrow(new PlatformShimException("another shim is loaded"));
        RuntimeProvider jni = provider("jni", 10, true);
        assertThrows(PlatformShimException.class, () -> ProviderSelection.select(List.of(ffm, jni), null, shim, log));
        verify(jni, never()).open(any());
    }

    @Test
    void theProviderAskedForIsUsedEvenWithALowerPriority() {
        RuntimeProvider ffm = provider("ffm", 20, true);
        RuntimeProvider jni = provider("jni", 10, true);
        assertEquals("jni", ProviderSelection.select(List.of(ffm, jni), " JNI ", shim, log).provider());
        verify(ffm, never()).open(any());
    }

    @Test
    void askingForAnUnavailableProviderFailsWithItsCauseAndDoesNotFallBack() {
        RuntimeProvider ffm = provider("ffm", 20, false);
        RuntimeProvider jni = provider("jni", 10, true);
        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                () -> ProviderSelection.select(List.of(ffm, jni), "ffm", shim, log));
        assertTrue(e.getMessage().contains("'ffm' was asked for but is not available"), e.getMessage());
        assertTrue(e.getCause() instanceof UnsupportedOperationException);
        verify(jni, never()).open(any());
    }

    @Test
    void askingForAnAbsentProviderNamesWhatIsPresentAndWhatToAdd() {
        RuntimeProvider jni = provider("jni", 10, true);
        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                () -> ProviderSelection.select(List.of(jni), "ffm", shim, log));
        assertTrue(e.getMessage().contains("not on the class path (found: jni)"), e.getMessage());
        assertTrue(e.getMessage().contains("dev.nostdwasm:sdk-ffm"), e.getMessage());
    }

    @Test
    void noProviderAtAllSaysWhichArtifactToAdd() {
        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                () -> ProviderSelection.select(List.of(), null, shim, log));
        assertTrue(e.getMessage().contains("add dev.nostdwasm:sdk-ffm"), e.getMessage());
    }

    @Test
    void whenNothingCanRunEveryReasonIsReported() {
        RuntimeProvider ffm = provider("ffm", 20, false);
        RuntimeProvider jni = provider("jni", 10, false);
        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                () -> ProviderSelection.select(List.of(ffm, jni), null, shim, log));
        assertTrue(e.getMessage().contains("ffm: ffm needs") && e.getMessage().contains("jni: jni needs"), e.getMessage());
        assertEquals(2, e.getSuppressed().length);
    }

    @Test
    void theShimIsHandedToTheProvider() {
        RuntimeProvider jni = provider("jni", 10, true);
        ProviderSelection.select(List.of(jni), null, shim, log);
        verify(jni).open(shim);
        verify(log, never()).log(eq(Level.WARNING), anyString(), any(Throwable.class));
    }

    @Test
    void serviceLoaderDiscoveryFindsNoProviderInThisModuleAlone() {
        // sdk-api ships no provider; discovery must not fail when there is none.
        assertTrue(ProviderSelection.discover().isEmpty());
        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class, NoStdRuntime::load);
        assertTrue(e.getMessage().contains("no nostd-wasm-java provider on the class path"), e.getMessage());
    }

    @Test
    void theSystemPropertyNamesTheProvider() {
        String old = System.getProperty(NoStdRuntime.PROVIDER_PROPERTY);
        System.setProperty(NoStdRuntime.PROVIDER_PROPERTY, "jni");
        try {
            ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class, NoStdRuntime::load);
            assertTrue(e.getMessage().contains("'jni' is not on the class path"), e.getMessage());
        } finally {
            if (old == null) {
                System.clearProperty(NoStdRuntime.PROVIDER_PROPERTY);
            } else {
                System.setProperty(NoStdRuntime.PROVIDER_PROPERTY, old);
            }
        }
    }

    @Test
    void aRuntimeIsReturnedAsTheProviderMadeIt() {
        RuntimeProvider jni = provider("jni", 10, true);
        NoStdRuntime made = jni.open(shim);
        assertSame(made, ProviderSelection.select(List.of(jni), null, shim, log));
    }
}
