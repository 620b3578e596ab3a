package dev.nostdwasm.api.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nostdwasm.api.ClosedException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LifetimeTest {

    private final AtomicInteger freed = new AtomicInteger();
    private final Lifetime lifetime = new Lifetime("module", freed::incrementAndGet);

    @Test
    void closingAnIdleObjectFreesItOnce() {
        lifetime.close();
        lifetime.close();
        assertEquals(1, freed.get());
        assertTrue(lifetime.isClosed());
    }

    @Test
    void closingWhileInUseFreesWhenTheLastUseExits() {
        lifetime.enter();
        lifetime.enter();
        lifetime.close();
        assertEquals(0, freed.get());
        lifetime.exit();
        assertEquals(0, freed.get());
        lifetime.exit();
        assertEquals(1, freed.get());
    }

    @Test
    void useAfterCloseIsATypedError() {
        lifetime.close();
        ClosedException e = assertThrows(ClosedException.class, lifetime::enter);
        assertEquals("module is closed", e.getMessage());
    }
}
