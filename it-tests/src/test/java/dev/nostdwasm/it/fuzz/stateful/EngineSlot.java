package dev.nostdwasm.it.fuzz.stateful;

import dev.nostdwasm.api.Engine;
import dev.nostdwasm.api.WasmModule;
import dev.nostdwasm.api.Profile;

/** An engine a fuzz thread made, with the two fuzz modules loaded into it (either may be closed). */
final class EngineSlot {
    final Engine engine;
    final Profile profile;
    WasmModule api;
    WasmModule start;

    EngineSlot(Engine engine, Profile profile) {
        this.engine = engine;
        this.profile = profile;
    }
}
