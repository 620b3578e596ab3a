package dev.nostdwasm.it.fuzz.stateful;

import dev.nostdwasm.api.Func;
import dev.nostdwasm.api.Memory;
import dev.nostdwasm.api.Store;
import dev.nostdwasm.api.StoreLimits;
import dev.nostdwasm.api.Table;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A store the fuzzer made, with what it found in it: the memories it stamped (instances' and
 * store-made), the tables and the exports of its first fuzz-module instance. Other threads may
 * reach it when it is {@link #shared}, hence the thread-safe lists.
 */
final class Tenant {
    final long id;
    final Store store;
    final EngineSlot engine;
    final StoreLimits limits;
    final boolean shared;
    /** Every memory found or made in it (what its limits bound). */
    final List<Memory> memories = new CopyOnWriteArrayList<>();
    /** The memories the fuzzer stamped (those of at least {@value Stamp#LENGTH} bytes when found). */
    final List<Memory> stamped = new CopyOnWriteArrayList<>();
    final List<Table> tables = new CopyOnWriteArrayList<>();
    /** The exports of the first instance of the fuzz module, null until it is instantiated. */
    volatile Exports exports;
    volatile boolean closed;

    /** The fuzz module's exports the operations use (see {@code src/test/wat/fuzz_api.wat}). */
    record Exports(Func leaf, Func rec, Func callHost, Func refLoop, Func load, Func store, Func grow, Func tableGrow,
            Func echoFuncref, Func echoExternref, Func callAt, Memory memory, Table funcs, Table refs) {}

    Tenant(long id, Store store, EngineSlot engine, StoreLimits limits, boolean shared) {
        this.id = id;
        this.store = store;
        this.engine = engine;
        this.limits = limits;
        this.shared = shared;
    }

    /** The bytes this store's limits let it hold in memories and tables. */
    long boundBytes() {
        return limits.memoryBytes() + limits.tableElements() * 16;
    }
}
