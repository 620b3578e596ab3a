package dev.nostdwasm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nostdwasm.api.ClosedException;
import dev.nostdwasm.api.Engine;
import dev.nostdwasm.api.EngineConfig;
import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.Func;
import dev.nostdwasm.api.Instance;
import dev.nostdwasm.api.Linker;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.ResourceLimitException;
import dev.nostdwasm.api.Store;
import dev.nostdwasm.api.StoreLimits;
import dev.nostdwasm.api.TrapCode;
import dev.nostdwasm.api.Val;
import dev.nostdwasm.api.WasmTrapException;
import dev.nostdwasm.it.support.Artifacts;
import dev.nostdwasm.it.support.ProfileTest;
import dev.nostdwasm.it.support.ProviderSuite;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Time and space limits: {@code Store.setDeadline} driven by the engine's epoch ticker thread
 * (wat-metered/spin.wat and pausing_count.wat, compiled with --fuel --epoch), the wasm stack limit
 * on threads with small and big stacks (recursion_depth.wat), and instantiation past a store's
 * memory and table caps (memory.wat, tables.wat). No timing thresholds: the 60 s bounds only turn a hang into a failure.
 */
abstract class DeadlinesSuite extends ProviderSuite {

    private static final Duration HANG_GUARD = Duration.ofSeconds(60);
    private static final String TICKER_PREFIX = "nostdwasm-epoch-ticker-";
    private static final int PAGE = 65536;

    private Engine meteredEngine(Profile profile) {
        return engine(EngineConfig.of(profile).allowUnsignedArtifacts().withFuel(true).withEpochInterruption(true));
    }

    /** A store with practically endless fuel, so only its deadline stops wasm. */
    private Store fueledStore(Engine engine) {
        Store store = store(engine);
        store.setFuel(1L << 40);
        return store;
    }

    private Instance metered(Engine engine, Linker linker, Store store, String stem) {
        var module = track(engine.load(Artifacts.meteredBytes(stem, engine.config().profile())));
        return linker.instantiate(store, module);
    }

    /** A linker whose host.pause sleeps {@code millis}, for pausing_count.wat. */
    private Linker pausingLinker(Engine engine, long millis) {
        Linker linker = linker(engine);
        linker.define("host", "pause", new ExternType.Func(List.of(), List.of()), (caller, args) -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Val[0];
        });
        return linker;
    }

    private static Set<String> tickers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith(TICKER_PREFIX))
                .collect(Collectors.toSet());
    }

    /** The ticker threads alive now that were not in {@code before}. */
    private static Set<String> startedSince(Set<String> before) {
        Set<String> now = tickers();
        now.removeAll(before);
        return now;
    }

    private static WasmTrapException trapOf(Runnable call) {
        return assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(WasmTrapException.class, call::run));
    }

    /** Runs {@code task} on a new thread of {@code stackSize} bytes and returns its result or rethrows what it threw. */
    private static <T> T onThread(long stackSize, Callable<T> task) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.set(task.call());
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "wasm-stack-" + stackSize, stackSize);
        thread.start();
        thread.join(HANG_GUARD.toMillis());
        assertFalse(thread.isAlive(), "the call on thread " + thread.getName() + " hangs");
        Throwable t = failure.get();
        if (t instanceof Exception e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return result.get();
    }

    // ------------------------------------------------------------------------------ deadlines

    @ProfileTest
    void aDeadlineInterruptsAnEndlessLoop(Profile profile) {
        Engine engine = meteredEngine(profile);
        Store store = fueledStore(engine);
        Func spin = metered(engine, linker(engine), store, "spin").func("spin");
        store.setDeadline(Duration.ofMillis(50));
        assertEquals(TrapCode.INTERRUPT, trapOf(spin::callVoid).trapCode());
        store.setDeadline(Duration.ofMillis(1));
        assertEquals(TrapCode.INTERRUPT, trapOf(spin::callVoid).trapCode(), "and again with a new deadline");
    }

    @ProfileTest
    void theTickerStartsOnFirstUseAndStopsWithTheEngine(Profile profile) {
        Set<String> before = tickers();
        Engine engine = meteredEngine(profile);
        Store first = fueledStore(engine);
        Store second = fueledStore(engine);
        assertEquals(Set.of(), startedSince(before), "no ticker before the first deadline");
        first.setEpochDeadline(5);
        assertEquals(Set.of(), startedSince(before), "nor for tick-counted deadlines");

        first.setDeadline(Duration.ofSeconds(30));
        Set<String> started = startedSince(before);
        assertEquals(1, started.size(), "one ticker thread: " + started);
        second.setDeadline(Duration.ofSeconds(30));
        assertEquals(started, startedSince(before), "one ticker per engine, however many deadlines");

        engine.close();
        Set<String> after = tickers();
        after.retainAll(started);
        assertTrue(after.isEmpty(), "the ticker is gone once the engine is closed: " + after);
        assertThrows(ClosedException.class, () -> first.setDeadline(Duration.ofSeconds(1)),
                "no deadlines once the engine (and its ticker) is closed");
    }

    @ProfileTest
    void deadlinesBelongToTheirStore(Profile profile) {
        Engine engine = meteredEngine(profile);
        Linker linker = pausingLinker(engine, 20);
        Store limited = fueledStore(engine);
        Store free = fueledStore(engine);
        Store generous = fueledStore(engine);
        Func spin = metered(engine, linker, limited, "spin").func("spin");
        Func count = metered(engine, linker, free, "pausing_count").func("count");
        Func generousCount = metered(engine, linker, generous, "pausing_count").func("count");

        limited.setDeadline(Duration.ofMillis(50));
        assertEquals(TrapCode.INTERRUPT, trapOf(spin::callVoid).trapCode());
        // The ticker keeps ticking (at least 10 × 20 ms of pauses, 20 ticks of 10 ms) while stores
        // without a deadline, or with a far one, run to the end.
        assertEquals(10, assertTimeoutPreemptively(HANG_GUARD, () -> count.callI32(10)));
        generous.setDeadline(Duration.ofHours(1));
        assertEquals(10, assertTimeoutPreemptively(HANG_GUARD, () -> generousCount.callI32(10)));
        assertFalse(tickers().isEmpty(), "the ticker ran meanwhile");
    }

    @ProfileTest
    void closingAnEngineWhileItsTickerRunsIsSafe(Profile profile) throws Exception {
        for (int round = 0; round < 10; round++) {
            Set<String> before = tickers();
            Engine engine = runtime.newEngine(EngineConfig.of(profile).allowUnsignedArtifacts()
                    .withFuel(true).withEpochInterruption(true)
                    .withEpochTick(Duration.ofMillis(1)));
            Store store = fueledStore(engine);
            Instance instance = metered(engine, pausingLinker(engine, 1), store, "pausing_count");
            store.setDeadline(Duration.ofHours(1));
            Func count = instance.func("count");
            assertEquals(3, count.callI32(3));
            engine.close();
            engine.close();
            assertEquals(Set.of(), startedSince(before), "round " + round + ": the ticker is gone");
            // What was made from the engine keeps working; the deadline just no longer comes closer.
            assertEquals(3, count.callI32(3));
        }
        // Closing the engine from another thread while wasm spins towards its deadline: the
        // ticker stops, so fuel is the backstop; either way the call ends with a trap, not a crash.
        Engine engine = runtime.newEngine(EngineConfig.of(profile).allowUnsignedArtifacts()
                .withFuel(true).withEpochInterruption(true));
        Store store = track(engine.newStore());
        store.setFuel(20_000_000);
        Func spin = metered(engine, linker(engine), store, "spin").func("spin");
        store.setDeadline(Duration.ofMillis(20));
        Thread closer = new Thread(engine::close, "engine-closer");
        closer.start();
        TrapCode code = trapOf(spin::callVoid).trapCode();
        closer.join(HANG_GUARD.toMillis());
        assertTrue(code == TrapCode.INTERRUPT || code == TrapCode.OUT_OF_FUEL, code.toString());
    }

    @ProfileTest
    void deadlinesNeedEpochInterruption(Profile profile) {
        Store plain = store(engine(profile));
        var e = assertThrows(IllegalStateException.class, () -> plain.setDeadline(Duration.ofSeconds(1)));
        assertTrue(e.getMessage().contains("EngineConfig.withEpochInterruption(true)"), e.getMessage());
        Store store = fueledStore(meteredEngine(profile));
        assertThrows(IllegalArgumentException.class, () -> store.setDeadline(Duration.ofMillis(-1)));
        assertThrows(NullPointerException.class, () -> store.setDeadline(null));
    }

    // ------------------------------------------------------------------------------ wasm stack

    @ProfileTest
    void deepRecursionOnASmallThreadTraps(Profile profile) throws Exception {
        Engine engine = engine(profile); // the default stack limit
        Store store = store(engine);
        Func rec = linker(engine).instantiate(store, module(engine, "recursion_depth")).func("rec");
        WasmTrapException trap = onThread(256 * 1024,
                () -> assertThrows(WasmTrapException.class, () -> rec.callI32(1_000_000)));
        assertEquals(TrapCode.STACK_OVERFLOW, trap.trapCode());
        assertEquals(100, onThread(256 * 1024, () -> rec.callI32(100)), "and the thread's store still works");
    }

    @ProfileTest
    void aBiggerLimitOnABigThreadRecursesDeeper(Profile profile) throws Exception {
        int depth = 50_000; // over 128 KiB of frames with every profile, under 2 MiB
        Engine small = engine(profile);
        Store smallStore = store(small);
        Func shallow = linker(small).instantiate(smallStore, module(small, "recursion_depth")).func("rec");
        Engine big = engine(EngineConfig.of(profile).allowUnsignedArtifacts()
                .withMaxWasmStack(EngineConfig.MAX_WASM_STACK_LIMIT));
        Store bigStore = store(big);
        long threadStack = 16L << 20;
        // Instantiating may run wasm (the start function), so it too needs a thread with room for the limit.
        Func deep = onThread(threadStack,
                () -> linker(big).instantiate(bigStore, module(big, "recursion_depth")).func("rec"));

        WasmTrapException trap = onThread(threadStack,
                () -> assertThrows(WasmTrapException.class, () -> shallow.callI32(depth)));
        assertEquals(TrapCode.STACK_OVERFLOW, trap.trapCode(), "the default limit stops it");
        assertEquals(depth, onThread(threadStack, () -> deep.callI32(depth)), "a 2 MiB limit does not");
    }

    // ------------------------------------------------------------------------------ store limits

    @ProfileTest
    void instantiatingPastAStoreLimitIsATypedError(Profile profile) {
        var s = session(profile);
        s.store.setLimits(StoreLimits.UNLIMITED.withMemoryBytes(PAGE / 2));
        assertThrows(ResourceLimitException.class, () -> s.instantiate("memory"), "its 1-page memory is over the cap");
        s.store.setLimits(StoreLimits.UNLIMITED.withTableElements(3));
        assertThrows(ResourceLimitException.class, () -> s.instantiate("tables"), "its 4-element table is over the cap");
        // Caps are store totals: the tables module's two tables hold 4 + 2 elements.
        s.store.setLimits(StoreLimits.UNLIMITED.withMemoryBytes(PAGE).withTableElements(6));
        assertEquals(1, s.instantiate("memory").memory("memory").pages(), "at the caps is fine");
        assertEquals(4L, s.instantiate("tables").table("funcs").size());
    }

    @ProfileTest
    void instanceCountLimitsApplyWhenSetAfterTheStoreWasMade(Profile profile) {
        var s = session(profile);
        s.store.setLimits(StoreLimits.UNLIMITED.withInstances(1));
        assertEquals(5, s.instantiate("add").func("add").callI32(2, 3));
        assertThrows(ResourceLimitException.class, () -> s.instantiate("add"), "a second instance is over the cap");
        s.store.setLimits(StoreLimits.UNLIMITED.withInstances(2));
        assertEquals(5, s.instantiate("add").func("add").callI32(2, 3), "a raised cap takes effect too");
    }
}
