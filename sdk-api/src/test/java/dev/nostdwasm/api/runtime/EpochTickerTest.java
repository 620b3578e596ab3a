package dev.nostdwasm.api.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nostdwasm.api.ClosedException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EpochTickerTest {

    private final AtomicInteger freed = new AtomicInteger();
    private final Lifetime lifetime = new Lifetime("engine", freed::incrementAndGet);

    private static long tickers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(EpochTicker.NAME_PREFIX) && t.isAlive())
                .count();
    }

    @Test
    void deadlinesAreCeiledToTicksAndAtLeastOne() {
        Duration tick = Duration.ofMillis(10);
        assertEquals(1, StoreImpl.ticks(Duration.ZERO, tick));
        assertEquals(1, StoreImpl.ticks(Duration.ofNanos(1), tick));
        assertEquals(1, StoreImpl.ticks(Duration.ofMillis(10), tick));
        assertEquals(2, StoreImpl.ticks(Duration.ofMillis(10).plusNanos(1), tick));
        assertEquals(5, StoreImpl.ticks(Duration.ofMillis(50), tick));
        assertEquals(6_000, StoreImpl.ticks(Duration.ofMinutes(1), tick));
        assertEquals(0x3FFF_FFFF_FFFF_FFFFL, StoreImpl.ticks(Duration.ofSeconds(Long.MAX_VALUE), Duration.ofMillis(1)),
                "capped at the native maximum");
        assertEquals(3, StoreImpl.ticks(Duration.ofMillis(7), Duration.ofMillis(3)));
    }

    @Test
    void ticksUntilStoppedAndJoined() throws Exception {
        CountDownLatch ticks = new CountDownLatch(3);
        long before = tickers();
        EpochTicker ticker = new EpochTicker(lifetime, ticks::countDown, TimeUnit.MILLISECONDS.toNanos(1));
        assertFalse(ticker.started(), "nothing runs before the first start");
        ticker.start();
        ticker.start();
        assertTrue(ticker.started());
        assertEquals(before + 1, tickers(), "one thread, however often it is started");
        assertTrue(ticks.await(60, TimeUnit.SECONDS), "it ticks");
        ticker.stop();
        assertEquals(before, tickers(), "stop joins the thread");
        ticker.stop();
        assertThrows(ClosedException.class, ticker::start, "a stopped ticker does not start again");
        lifetime.close();
        assertEquals(1, freed.get());
    }

    @Test
    void theTickerHoldsAUseWhileItTicksSoTheEngineIsFreedAfterIt() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean afterFree = new AtomicBoolean();
        EpochTicker ticker = new EpochTicker(lifetime, () -> {
            if (freed.get() != 0) {
                afterFree.set(true);
            }
            inside.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, TimeUnit.MILLISECONDS.toNanos(1));
        ticker.start();
        assertTrue(inside.await(60, TimeUnit.SECONDS));
        lifetime.close(); // the engine is closed (e.g. by its cleaner) while the ticker is inside
        assertEquals(0, freed.get(), "not freed under the ticker");
        release.countDown();
        ticker.stop();
        assertEquals(1, freed.get(), "freed when the ticker's use ended");
        assertFalse(afterFree.get());
    }

    @Test
    void aClosedEngineStopsItsTickerAtTheNextTick() throws Exception {
        EpochTicker ticker = new EpochTicker(lifetime, () -> {}, TimeUnit.MILLISECONDS.toNanos(1));
        ticker.start();
        lifetime.close();
        assertThrows(ClosedException.class, ticker::start);
        ticker.stop();
        assertEquals(1, freed.get());
    }
}
