package dev.nostdwasm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nostdwasm.api.Func;
import dev.nostdwasm.api.Instance;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.it.support.ProfileTest;
import dev.nostdwasm.it.support.ProviderSuite;

/**
 * A function whose results cannot cross into Java (typed function or GC references) is refused
 * before it runs, as one whose parameters cannot: its effects must not happen for a call that
 * fails. Module: typed_ref_result.
 */
abstract class UncrossableResultsSuite extends ProviderSuite {

    @ProfileTest
    void refusedBeforeRunning(Profile profile) {
        Instance instance = session(profile).instantiate("typed_ref_result");
        Func typedRef = instance.func("typed_ref");
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, typedRef::call);
        assertTrue(e.getMessage().contains("was not called"), e.getMessage());
        assertEquals(0, instance.func("calls").callI32(), "the function did not run");
    }
}
