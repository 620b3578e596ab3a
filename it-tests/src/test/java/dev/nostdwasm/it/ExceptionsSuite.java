package dev.nostdwasm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nostdwasm.api.Instance;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.UncaughtWasmException;
import dev.nostdwasm.it.support.ProfileTest;
import dev.nostdwasm.it.support.ProviderSuite;

/** Wasm exception handling seen from Java (exceptions.wat). */
abstract class ExceptionsSuite extends ProviderSuite {

    @ProfileTest
    void uncaughtExceptionReachesJavaAndTheStoreStaysUsable(Profile profile) {
        Instance instance = session(profile).instantiate("exceptions");
        for (int i = 0; i < 3; i++) {
            var e = assertThrows(UncaughtWasmException.class, () -> instance.func("throw").call(dev.nostdwasm.api.Val.i32(7)));
            assertEquals(false, e.getMessage().isBlank());
            assertEquals(5, instance.func("add").callI32(2, 3), "the store still works after an uncaught exception");
        }
    }

    @ProfileTest
    void exceptionCaughtInsideWasmIsInvisible(Profile profile) {
        Instance instance = session(profile).instantiate("exceptions");
        assertEquals(42, instance.func("catch").callI32(41));
        assertThrows(UncaughtWasmException.class, () -> instance.func("throw").call(dev.nostdwasm.api.Val.i32(1)));
        assertEquals(8, instance.func("catch").callI32(7));
    }
}
