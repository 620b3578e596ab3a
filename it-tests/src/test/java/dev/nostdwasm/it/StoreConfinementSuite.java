package dev.nostdwasm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.Func;
import dev.nostdwasm.api.Instance;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.Val;
import dev.nostdwasm.api.ValType;
import dev.nostdwasm.it.support.ProfileTest;
import dev.nostdwasm.it.support.ProviderSuite;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A store is used by one thread at a time, and that is enforced: while one thread is inside a
 * call (here: parked in a host function), another thread touching the store gets an
 * {@link IllegalStateException}; once the call returns, the other thread may use it.
 */
abstract class StoreConfinementSuite extends ProviderSuite {

    private static final ExternType.Func BINARY_I32 =
            new ExternType.Func(List.of(ValType.I32, ValType.I32), List.of(ValType.I32));

    @ProfileTest
    void aSecondThreadIsRefusedWhileTheFirstIsInside(Profile profile) throws Exception {
        Session s = session(profile);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        s.linker.define("host", "multiply", BINARY_I32, (caller, args) -> {
            inside.countDown();
            assertTrue(release.await(30, TimeUnit.SECONDS), "the test never released the host function");
            return new Val[] {Val.i32(((Val.I32) args[0]).value() * ((Val.I32) args[1]).value())};
        });
        Instance instance = s.instantiate("host_fn");
        Func addAndMul = instance.func("add_and_mul");

        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> addAndMul.callI32(2, 3, 4));
        assertTrue(inside.await(30, TimeUnit.SECONDS), "the first call never reached the host function");
        try {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> addAndMul.callI32(1, 1, 1));
            assertTrue(refused.getMessage().contains("one thread at a time"), refused.getMessage());
            assertThrows(IllegalStateException.class, () -> s.store.close());
        } finally {
            release.countDown();
        }
        assertEquals(10, first.get(30, TimeUnit.SECONDS));
        // The first thread left: this one may use the store now.
        assertEquals(7, addAndMul.callI32(2, 3, 1));
    }

    @ProfileTest
    void aHostFunctionCannotCloseItsOwnStore(Profile profile) {
        Session s = session(profile);
        s.linker.define("host", "multiply", BINARY_I32, (caller, args) -> {
            s.store.close();
            return new Val[] {Val.i32(0)};
        });
        Func addAndMul = s.instantiate("host_fn").func("add_and_mul");
        var trap = assertThrows(dev.nostdwasm.api.WasmTrapException.class, () -> addAndMul.callI32(2, 3, 4));
        assertInstanceOf(IllegalStateException.class, trap.getCause());
        // The refused close left the store open and usable.
        assertEquals(5, s.instantiate("add").func("add").callI32(2, 3));
    }
}
