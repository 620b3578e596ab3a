package dev.nostdwasm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nostdwasm.api.Engine;
import dev.nostdwasm.api.EngineConfig;
import dev.nostdwasm.api.Func;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.Store;
import dev.nostdwasm.api.TrapCode;
import dev.nostdwasm.api.WasmTrapException;
import dev.nostdwasm.it.support.Artifacts;
import dev.nostdwasm.it.support.ProfileTest;
import dev.nostdwasm.it.support.ProviderSuite;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Fuel and epoch deadlines stop an endless loop (wat-metered/spin.wat, compiled with --fuel --epoch). */
abstract class InterruptionSuite extends ProviderSuite {

    private Func spin(Engine engine, Store store) {
        var module = track(engine.load(Artifacts.meteredBytes("spin", engine.config().profile())));
        return linker(engine).instantiate(store, module).func("spin");
    }

    private Engine meteredEngine(Profile profile) {
        return engine(EngineConfig.of(profile).allowUnsignedArtifacts().withFuel(true).withEpochInterruption(true));
    }

    @ProfileTest
    void runningOutOfFuelTraps(Profile profile) {
        Engine engine = meteredEngine(profile);
        Store store = store(engine);
        store.setEpochDeadline(1L << 40);
        store.setFuel(100_000);
        assertEquals(100_000, store.fuel());
        Func spin = spin(engine, store);
        var trap = assertThrows(WasmTrapException.class, spin::callVoid);
        assertEquals(TrapCode.OUT_OF_FUEL, trap.trapCode());
        assertEquals(0, store.fuel());
        store.setFuel(10);
        trap = assertThrows(WasmTrapException.class, spin::callVoid, "and again after refuelling");
        assertEquals(TrapCode.OUT_OF_FUEL, trap.trapCode());
    }

    @ProfileTest
    void anEpochDeadlineInterrupts(Profile profile) throws Exception {
        Engine engine = meteredEngine(profile);
        Store store = store(engine);
        store.setFuel(1L << 40);
        store.setEpochDeadline(1);
        Func spin = spin(engine, store);
        var ticker = Executors.newSingleThreadScheduledExecutor();
        try {
            ticker.scheduleAtFixedRate(engine::incrementEpoch, 20, 10, TimeUnit.MILLISECONDS);
            var trap = assertThrows(WasmTrapException.class, spin::callVoid);
            assertEquals(TrapCode.INTERRUPT, trap.trapCode());
        } finally {
            ticker.shutdownNow();
            ticker.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
