package dev.nostdwasm.it.fuzz.stateful;

import dev.nostdwasm.api.Caller;
import dev.nostdwasm.api.ExportNotFoundException;
import dev.nostdwasm.api.Engine;
import dev.nostdwasm.api.EngineConfig;
import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.Func;
import dev.nostdwasm.api.Instance;
import dev.nostdwasm.api.Linker;
import dev.nostdwasm.api.Memory;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.Store;
import dev.nostdwasm.api.StoreLimits;
import dev.nostdwasm.api.Table;
import dev.nostdwasm.api.Val;
import dev.nostdwasm.api.ValType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.Phaser;
import java.util.function.IntSupplier;

/**
 * One fuzz thread: draws {@link Operation}s from its own seeded random sequence and runs them on
 * what it made (engines, linkers, stores; a few views and callers), then checks the invariants:
 * the outcome is a success or a typed exception, a store's memory shows its own stamp, a store
 * holds no more memory and table elements than its limits, the resident size stays within its
 * bound. Every {@link FuzzOptions#phase} operations it closes everything and meets the other
 * threads, so that the resident size can be compared with nothing open.
 *
 * <p>The host functions of its linkers find the thread they run on through {@link #CURRENT}: a
 * store of another thread called from here calls back into this thread's worker.
 */
final class Worker implements Runnable {
    private static final ThreadLocal<Worker> CURRENT = new ThreadLocal<>();
    private static final ExternType.Func HOST_TYPE = new ExternType.Func(List.of(ValType.I32), List.of(ValType.I32));
    private static final ExternType.Func REF_TYPE =
            new ExternType.Func(List.of(ValType.FUNCREF, ValType.EXTERNREF), List.of(ValType.EXTERNREF));
    private static final ExternType.Func START_TYPE = new ExternType.Func(List.of(), List.of());
    private static final int MAX_ENGINES = 3;
    private static final int MAX_LINKERS = 3;
    private static final int MAX_TENANTS = 8;
    private static final int MAX_VIEWS = 16;
    private static final int MAX_CALLERS = 8;
    /** Host calls nested in one another on this thread (re-entry and nested stores), at most. */
    private static final int MAX_HOST_DEPTH = 6;
    private static final Family[] HOST_FAMILIES = {Family.HOST_REENTER, Family.HOST_DEFINE, Family.HOST_CLOSE_STORE,
        Family.HOST_KEEP_CALLER, Family.HOST_THROW, Family.HOST_NESTED, Family.HOST_MEMORY};

    /** A linker this thread made, with the engine it belongs to. */
    private record LinkerSlot(Linker linker, EngineSlot engine) {}

    /** A {@code Memory.view()} kept for later, with the store it showed (not the store itself: it may be dropped). */
    private record KeptView(ByteBuffer buffer, long store) {}

    /** What a host function throws when told to: a failure of the embedder's code, not of the SDK. */
    static final class HostFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HostFailure(String message) {
            super(message);
        }
    }

    private final int index;
    private final FuzzRun run;
    private final Phaser phases;
    private final SplittableRandom random;
    private final long operations;
    private final Operation[] drawn;
    private final List<Family> hostFamilies = new ArrayList<>();
    private final List<EngineSlot> engines = new ArrayList<>();
    private final List<LinkerSlot> linkers = new ArrayList<>();
    private final List<Tenant> tenants = new ArrayList<>();
    private final List<KeptView> views = new ArrayList<>();
    private final List<FuzzRun.KeptCaller> callers = new ArrayList<>();
    /** The stores this thread is inside of, innermost first (host functions act on the first). */
    private final Deque<Tenant> calls = new ArrayDeque<>();
    /** The stores a {@link Operation#CHAIN} still has to enter, one per host call at the bottom of a recursion. */
    private final Deque<Tenant> chain = new ArrayDeque<>();
    private int chainDepth;
    /** The linker of the instantiation in progress (what a start function's host call uses). */
    private LinkerSlot instantiating;
    private int hostDepth;
    private long step;
    private boolean boundReportedThisPhase;
    private int definedNames;

    Worker(int index, FuzzRun run, Phaser phases) {
        this.index = index;
        this.run = run;
        this.phases = phases;
        this.random = new SplittableRandom(run.options.seedOf(index));
        this.operations = run.options.operationsOf(index);
        List<Operation> weighted = new ArrayList<>();
        for (Operation op : Operation.values()) {
            if (run.options.families().contains(op.family)) {
                for (int i = 0; i < op.weight; i++) {
                    weighted.add(op);
                }
            }
        }
        drawn = weighted.toArray(new Operation[0]);
        for (Family f : HOST_FAMILIES) {
            if (run.options.families().contains(f)) {
                hostFamilies.add(f);
            }
        }
    }

    @Override
    public void run() {
        CURRENT.set(this);
        try {
            for (step = 0; step < operations; step++) {
                if (step > 0 && step % run.options.phase() == 0) {
                    closeEverything();
                    run.tally.progress();
                    phases.arriveAndAwaitAdvance();
                    boundReportedThisPhase = false;
                }
                if (drawn.length == 0) {
                    run.tally.operations.incrementAndGet();
                    continue;
                }
                Operation op = drawn[random.nextInt(drawn.length)];
                note(op.key());
                try {
                    perform(op);
                } catch (Throwable t) {
                    classify(t, "");
                }
                run.tally.operations.incrementAndGet();
                run.tally.progress();
                checkAfterStep(op);
            }
            closeEverything();
        } finally {
            phases.arriveAndDeregister();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The operations.

    private void perform(Operation op) throws Exception {
        switch (op) {
            case ENGINE_NEW -> newEngine();
            case ENGINE_CLOSE -> {
                EngineSlot e = pick(engines);
                if (e != null) {
                    engines.remove(e);
                    e.engine.close();
                }
            }
            case MODULE_CLOSE -> {
                EngineSlot e = engine();
                (random.nextBoolean() ? e.api : e.start).close();
            }
            case MODULE_LOAD -> {
                EngineSlot e = engine();
                e.api.close();
                e.start.close();
                e.api = e.engine.load(run.apiModules.get(e.profile));
                e.start = e.engine.load(run.startModules.get(e.profile));
            }
            case LINKER_NEW -> newLinker(engine());
            case LINKER_CLOSE -> {
                LinkerSlot l = pick(linkers);
                if (l != null) {
                    linkers.remove(l);
                    l.linker.close();
                }
            }
            case STORE_NEW -> newTenant(engine(), run.options.families().contains(Family.SHARED) && random.nextInt(6) == 0);
            case STORE_CLOSE -> {
                Tenant t = pick(tenants);
                if (t != null) {
                    close(t);
                }
            }
            case STORE_DROP -> {
                Tenant t = pick(tenants);
                if (t != null && !t.shared) {
                    // Forgotten, not closed: the store's Cleaner frees it once it is collected,
                    // while views of its memory may still be kept.
                    tenants.remove(t);
                    run.dropped.add(t.id);
                    note("dropped store " + t.id);
                }
            }
            case INSTANTIATE -> instantiate(tenant(), linkerFor(tenant()));
            case CALL_LEAF -> {
                Tenant t = instantiated();
                int x = random.nextInt();
                int result = enter(t, () -> random.nextBoolean() ? t.exports.leaf().callI32(x)
                        : ((Val.I32) t.exports.leaf().call(Val.i32(x))[0]).value());
                if (result != x + 1) {
                    fail(Tally.Column.CRASHES, "wrong result: leaf(" + x + ") of store " + t.id + " returned " + result, null);
                }
            }
            case CALL_HOST -> {
                Tenant t = instantiated();
                enter(t, () -> t.exports.callHost().callI32(random.nextInt(100)));
            }
            case MEMORY_ACCESS -> memoryAccess(instantiated());
            case WASM_ACCESS -> {
                Tenant t = instantiated();
                int offset = random.nextInt(4) == 0 ? random.nextInt() : random.nextInt(0, 70_000);
                if (random.nextBoolean()) {
                    enter(t, () -> {
                        t.exports.store().call(Val.i32(offset), Val.i32(random.nextInt()));
                        return 0;
                    });
                } else {
                    enter(t, () -> t.exports.load().callI32(offset));
                }
            }
            case VIEW_TAKE -> {
                Tenant t = instantiated();
                Memory m = pick(t.memories);
                views.add(new KeptView(m.view(), t.id));
                if (views.size() > MAX_VIEWS) {
                    views.remove(0);
                }
            }
            case VIEW_READ -> {
                KeptView v = pick(views);
                if (v != null && v.buffer.capacity() >= Stamp.LENGTH) {
                    byte[] bytes = new byte[Stamp.LENGTH];
                    v.buffer.get(0, bytes);
                    long owner = Stamp.ownerOf(bytes);
                    if (owner >= 0 && owner != v.store) {
                        fail(Tally.Column.CRASHES, "cross-store read: a view of store " + v.store + "'s memory shows"
                                + " store " + owner + "'s stamp", null);
                    }
                    if (v.buffer.capacity() > Stamp.LENGTH + 4) {
                        v.buffer.getInt(random.nextInt(Stamp.LENGTH, v.buffer.capacity() - 4));
                    }
                }
            }
            case VIEW_WRITE -> {
                KeptView v = pick(views);
                if (v != null && v.buffer.capacity() >= Stamp.LENGTH + 4) {
                    if (random.nextBoolean()) {
                        // the view's own store's stamp: no change while the view is valid
                        v.buffer.put(0, Stamp.of(v.store));
                    } else {
                        v.buffer.putInt(random.nextInt(Stamp.LENGTH, v.buffer.capacity() - 4), random.nextInt());
                    }
                }
            }
            case COLLECT_GARBAGE -> System.gc();
            case MEMORY_GROW -> {
                Tenant t = instantiated();
                long pages = growth(new long[] {0, 1, 2, 3, 16, 64, 65_536, 1L << 32});
                if (random.nextBoolean()) {
                    pick(t.memories).grow(pages);
                } else {
                    enter(t, () -> t.exports.grow().callI32((int) pages));
                }
                checkLimits(t);
            }
            case TABLE_GROW -> {
                Tenant t = instantiated();
                long delta = growth(new long[] {0, 1, 10, 1_000, 100_000, 1L << 26});
                if (random.nextBoolean()) {
                    Table table = pick(t.tables);
                    table.grow(delta, table.type().element() == ValType.FUNCREF ? new Val.FuncRef(null)
                            : new Val.ExternRef(null));
                } else {
                    enter(t, () -> t.exports.tableGrow().callI32((int) delta));
                }
                checkLimits(t);
            }
            case NEW_MEMORIES -> {
                Tenant t = tenant();
                for (int i = random.nextInt(1, 7); i > 0; i--) {
                    Memory m = t.store.newMemory(random.nextInt(0, 5), OptionalInt.of(random.nextInt(4, 65)));
                    stamp(t, m);
                    m.grow(random.nextInt(0, 64));
                    for (long at = 65_536; at < m.byteSize(); at += 65_536) {
                        m.write(at, new byte[] {1}, 0, 1); // resident, as real use would make it
                    }
                    checkLimits(t);
                }
            }
            case RECURSE -> {
                Tenant t = instantiated();
                int depth = random.nextBoolean() ? random.nextInt(0, 2_000) : random.nextInt(2_000, 300_000);
                note("rec(" + depth + ") in store " + t.id);
                enter(t, () -> t.exports.rec().callI32(depth));
            }
            case CHAIN -> chain();
            case ECHO_REFS -> echoRefs(instantiated());
            case TABLE_REFS -> tableRefs(instantiated());
            case REF_LOOP -> {
                Tenant t = instantiated();
                int n = random.nextInt(10) == 0 ? random.nextInt(50_000, 400_000) : random.nextInt(1, 2_000);
                Object marker = new Object();
                note("ref_loop(" + n + ") in store " + t.id);
                Val[] result = enterCall(t, () -> t.exports.refLoop().call(Val.i32(n), new Val.ExternRef(marker)));
                if (!(result[0] instanceof Val.ExternRef r) || r.value() != marker) {
                    fail(Tally.Column.CRASHES, "ref_loop returned " + result[0] + ", not the externref it was given", null);
                }
                checkBound();
            }
            case START -> {
                Tenant t = tenant();
                LinkerSlot l = linkerFor(t);
                instantiating = l;
                try {
                    l.linker.instantiate(t.store, t.engine.start);
                } finally {
                    instantiating = null;
                }
            }
            case CALLER_USE -> {
                FuzzRun.KeptCaller kept = random.nextBoolean() || run.sharedCallers.isEmpty() ? pick(callers)
                        : pick(run.sharedCallers);
                if (kept != null) {
                    if (random.nextBoolean()) {
                        kept.caller().fuel();
                    } else {
                        Memory m = callerMemory(kept.caller());
                        if (m != null) {
                            checkStamp(kept.store(), m);
                        }
                    }
                }
            }
            case SHARED_CALL -> {
                Tenant t = pick(run.shared);
                if (t != null && t.exports != null) {
                    switch (random.nextInt(3)) {
                        case 0 -> enter(t, () -> t.exports.leaf().callI32(1));
                        case 1 -> enter(t, () -> t.exports.callHost().callI32(1));
                        default -> checkStamp(t.id, t.exports.memory());
                    }
                }
            }
            case SHARED_CLOSE -> {
                Tenant t = pick(run.shared);
                if (t != null) {
                    close(t);
                }
            }
            default -> throw new AssertionError(op);
        }
    }

    private void newEngine() {
        if (engines.size() >= MAX_ENGINES) {
            engines.remove(0).engine.close();
        }
        Profile p = run.profiles.get(random.nextInt(run.profiles.size()));
        Engine engine = run.runtime.newEngine(EngineConfig.of(p).allowUnsignedArtifacts());
        EngineSlot slot = new EngineSlot(engine, p);
        slot.api = engine.load(run.apiModules.get(p));
        slot.start = engine.load(run.startModules.get(p));
        engines.add(slot);
        note("engine " + p.cliName());
    }

    /** An engine of this thread, made when there is none. */
    private EngineSlot engine() {
        if (engines.isEmpty()) {
            newEngine();
        }
        return pick(engines);
    }

    private LinkerSlot newLinker(EngineSlot engine) {
        if (linkers.size() >= MAX_LINKERS) {
            linkers.remove(0).linker.close();
        }
        Linker linker = engine.engine.newLinker();
        linker.define("fuzz", "host", HOST_TYPE, Worker::host);
        linker.define("fuzz", "ref", REF_TYPE, (caller, args) -> new Val[] {args[1]});
        linker.define("fuzz", "start", START_TYPE, Worker::start);
        LinkerSlot slot = new LinkerSlot(linker, engine);
        linkers.add(slot);
        return slot;
    }

    /** Usually a linker of {@code t}'s engine (made when there is none), sometimes any. */
    private LinkerSlot linkerFor(Tenant t) {
        if (random.nextInt(10) == 0 && !linkers.isEmpty()) {
            return pick(linkers);
        }
        for (LinkerSlot l : linkers) {
            if (l.engine == t.engine) {
                return l;
            }
        }
        return newLinker(t.engine);
    }

    private Tenant newTenant(EngineSlot engine, boolean shared) {
        if (tenants.size() >= MAX_TENANTS) {
            close(tenants.get(0));
        }
        long[] memoryBytes = {64 << 10, 1 << 20, 2 << 20, 4 << 20};
        long[] elements = {100, 1_000, 10_000};
        StoreLimits limits = new StoreLimits(memoryBytes[random.nextInt(memoryBytes.length)],
                elements[random.nextInt(elements.length)], random.nextInt(1, 5), random.nextInt(2, 9),
                random.nextInt(1, 5));
        long id = run.storeIds.incrementAndGet();
        Tenant t = new Tenant(id, engine.engine.newStore(), engine, limits, shared);
        run.memory.register(id, t.boundBytes());
        t.store.setLimits(limits);
        tenants.add(t);
        if (shared) {
            run.shared.add(t);
        }
        note("store " + id + " " + engine.profile.cliName() + " " + limits + (shared ? " shared" : ""));
        return t;
    }

    /** A store of this thread, made when there is none. */
    private Tenant tenant() {
        return tenants.isEmpty() ? newTenant(engine(), false) : pick(tenants);
    }

    /** A store of this thread with the fuzz module instantiated, made when there is none. */
    private Tenant instantiated() {
        List<Tenant> ready = new ArrayList<>();
        for (Tenant t : tenants) {
            if (t.exports != null) {
                ready.add(t);
            }
        }
        if (!ready.isEmpty()) {
            return pick(ready);
        }
        Tenant t = tenant();
        instantiate(t, linkerFor(t));
        return t;
    }

    private void instantiate(Tenant t, LinkerSlot l) {
        note("instantiate in store " + t.id);
        Instance instance = l.linker.instantiate(t.store, t.engine.api);
        Memory memory = instance.memory("memory");
        stamp(t, memory);
        Table funcs = instance.table("funcs");
        Table refs = instance.table("refs");
        t.tables.add(funcs);
        t.tables.add(refs);
        if (t.exports == null) {
            t.exports = new Tenant.Exports(instance.func("leaf"), instance.func("rec"), instance.func("call_host"),
                    instance.func("ref_loop"), instance.func("load"), instance.func("store"), instance.func("grow"),
                    instance.func("table_grow"), instance.func("echo_funcref"), instance.func("echo_externref"),
                    instance.func("call_at"), memory, funcs, refs);
        }
    }

    private void stamp(Tenant t, Memory m) {
        if (m.byteSize() >= Stamp.LENGTH) {
            m.write(0, Stamp.of(t.id), 0, Stamp.LENGTH);
            t.stamped.add(m);
        }
        t.memories.add(m);
    }

    private void close(Tenant t) {
        t.closed = true;
        tenants.remove(t);
        run.shared.remove(t);
        run.memory.unregister(t.id);
        t.store.close();
    }

    private void memoryAccess(Tenant t) {
        Memory m = pick(t.memories);
        long size = m.byteSize();
        int length = random.nextInt(1, 257);
        long offset = random.nextInt(8) == 0 ? size - random.nextInt(0, 300) : Stamp.LENGTH
                + random.nextLong(0, Math.max(1, size - Stamp.LENGTH));
        offset = Math.max(Stamp.LENGTH, offset);
        byte[] bytes = new byte[length];
        if (random.nextBoolean()) {
            random.nextBytes(bytes);
            m.write(offset, bytes, 0, length);
        } else {
            m.read(offset, bytes, 0, length);
        }
    }

    private void chain() {
        EngineSlot engine = engine();
        LinkerSlot l = linkerFor(tenant());
        int length = random.nextInt(2, 17);
        chainDepth = random.nextInt(200, 4_000);
        List<Tenant> stores = new ArrayList<>();
        try {
            for (int i = 0; i < length; i++) {
                Tenant t = new Tenant(run.storeIds.incrementAndGet(), engine.engine.newStore(), engine,
                        new StoreLimits(1 << 20, 1_000, 2, 4, 2), false);
                run.memory.register(t.id, t.boundBytes());
                stores.add(t);
                t.store.setLimits(t.limits);
                instantiate(t, l.engine == engine ? l : newLinker(engine));
            }
            note("chain of " + length + " stores, each recursing " + chainDepth + " deep");
            chain.addAll(stores.subList(1, stores.size()));
            Tenant first = stores.get(0);
            enter(first, () -> first.exports.rec().callI32(chainDepth));
        } finally {
            chain.clear();
            for (Tenant t : stores) {
                run.memory.unregister(t.id);
                t.store.close();
            }
        }
    }

    private void echoRefs(Tenant t) {
        if (random.nextBoolean()) {
            Object marker = random.nextBoolean() ? null : "externref of store " + t.id;
            Val[] r = enterCall(t, () -> t.exports.echoExternref().call(new Val.ExternRef(marker)));
            if (!(r[0] instanceof Val.ExternRef e) || e.value() != marker) {
                fail(Tally.Column.CRASHES, "echo_externref lost its argument's identity: " + r[0], null);
            }
            return;
        }
        Func given;
        boolean own = false;
        switch (random.nextInt(4)) {
            case 0 -> {
                given = t.exports.leaf();
                own = true;
            }
            case 1 -> given = null;
            case 2 -> {
                Tenant other = pick(tenants);
                given = other == null || other.exports == null ? null : other.exports.leaf();
                own = other == t;
            }
            default -> given = t.store.newFunc(HOST_TYPE, (c, a) -> new Val[] {Val.i32(((Val.I32) a[0]).value() + 1)});
        }
        Val[] r = enterCall(t, () -> t.exports.echoFuncref().call(new Val.FuncRef(given)));
        if (!(r[0] instanceof Val.FuncRef f)) {
            fail(Tally.Column.CRASHES, "echo_funcref returned " + r[0], null);
            return;
        }
        if (given != null && (own || f.func() != null)) {
            int x = random.nextInt();
            int y = enter(t, () -> f.func().callI32(x));
            if (y != x + 1) {
                fail(Tally.Column.CRASHES, "a funcref echoed through store " + t.id + " computes " + y + " for " + x, null);
            }
        }
    }

    private void tableRefs(Tenant t) {
        long index = random.nextInt(5) == 0 ? random.nextInt(-2, 100_000) : random.nextInt(0, 2);
        if (random.nextBoolean()) {
            Object marker = new Object();
            t.exports.refs().set(index, new Val.ExternRef(marker));
            Val back = t.exports.refs().get(index);
            if (!(back instanceof Val.ExternRef e) || e.value() != marker) {
                fail(Tally.Column.CRASHES, "table refs of store " + t.id + " gave back " + back, null);
            }
        } else {
            t.exports.funcs().set(index, new Val.FuncRef(t.exports.leaf()));
            int x = random.nextInt();
            int y = enter(t, () -> t.exports.callAt().callI32((int) index, x));
            if (y != x + 1) {
                fail(Tally.Column.CRASHES, "call_indirect through store " + t.id + "'s table computes " + y, null);
            }
        }
    }

    private long growth(long[] choices) {
        return random.nextInt(4) == 0 ? choices[random.nextInt(choices.length)] : random.nextInt(0, 3);
    }

    // ---------------------------------------------------------------------------------------------
    // Host functions: run on the thread that called into wasm, whatever store it was.

    private static Val[] host(Caller caller, Val[] args) throws Exception {
        Worker w = CURRENT.get();
        int x = ((Val.I32) args[0]).value();
        return w == null ? new Val[] {Val.i32(x + 1)} : w.hostCall(caller, x);
    }

    private static Val[] start(Caller caller, Val[] args) throws Exception {
        Worker w = CURRENT.get();
        if (w != null) {
            w.startCall();
        }
        return new Val[0];
    }

    /** The caller's memory, or null when its module exports none. */
    private static Memory callerMemory(Caller caller) {
        try {
            return caller.memory("memory");
        } catch (ExportNotFoundException none) {
            return null;
        }
    }

    private Val[] hostCall(Caller caller, int x) throws Exception {
        run.tally.progress();
        if (!chain.isEmpty()) {
            Tenant next = chain.pop();
            return new Val[] {Val.i32(enter(next, () -> next.exports.rec().callI32(chainDepth)))};
        }
        if (hostDepth >= MAX_HOST_DEPTH || hostFamilies.isEmpty() || random.nextInt(4) == 0) {
            return new Val[] {Val.i32(x + 1)};
        }
        Family behaviour = hostFamilies.get(random.nextInt(hostFamilies.size()));
        Tenant current = calls.peek();
        note("host " + behaviour.key() + (current == null ? "" : " in store " + current.id));
        hostDepth++;
        try {
            switch (behaviour) {
                case HOST_REENTER -> {
                    if (current != null && current.exports != null) {
                        enter(current, () -> random.nextBoolean() ? current.exports.leaf().callI32(x)
                                : current.exports.callHost().callI32(x));
                    }
                }
                case HOST_DEFINE -> {
                    LinkerSlot l = pick(linkers);
                    if (l != null) {
                        l.linker.define("fuzz", "defined" + definedNames++, HOST_TYPE, (c, a) -> a);
                    }
                }
                case HOST_CLOSE_STORE -> {
                    if (current != null) {
                        current.store.close();
                    }
                }
                case HOST_KEEP_CALLER -> {
                    FuzzRun.KeptCaller kept = new FuzzRun.KeptCaller(caller, current == null ? -1 : current.id);
                    callers.add(kept);
                    if (callers.size() > MAX_CALLERS) {
                        callers.remove(0);
                    }
                    if (run.options.families().contains(Family.SHARED) && run.sharedCallers.size() < MAX_CALLERS) {
                        run.sharedCallers.add(kept);
                    }
                }
                case HOST_THROW -> throw new HostFailure("a host function fails, as told");
                case HOST_NESTED -> {
                    Tenant other = pick(tenants);
                    if (other != null && other.exports != null) {
                        enter(other, () -> random.nextBoolean() ? other.exports.callHost().callI32(x)
                                : other.exports.leaf().callI32(x));
                    }
                }
                case HOST_MEMORY -> {
                    Memory m = callerMemory(caller);
                    if (m != null && current != null) {
                        checkStamp(current.id, m);
                        m.grow(random.nextInt(0, 2));
                    }
                }
                default -> throw new AssertionError(behaviour);
            }
        } catch (HostFailure e) {
            throw e;
        } catch (Throwable t) {
            if (!TypedErrors.isTyped(t)) {
                classify(t, " inside a host function");
            } else if (random.nextBoolean()) {
                run.tally.typedErrors.incrementAndGet(); // handled by the host function: wasm goes on
                return new Val[] {Val.i32(x + 1)};
            }
            if (t instanceof Exception e) {
                throw e;
            }
            throw (Error) t;
        } finally {
            hostDepth--;
        }
        return new Val[] {Val.i32(x + 1)};
    }

    /** The start function's host call: it uses the linker that is instantiating it. */
    private void startCall() {
        LinkerSlot l = instantiating;
        if (l == null) {
            return;
        }
        switch (random.nextInt(4)) {
            case 0 -> {
                note("start: define on the instantiating linker");
                l.linker.define("fuzz", "from_start" + definedNames++, HOST_TYPE, (c, a) -> a);
            }
            case 1 -> {
                Tenant t = calls.peek() != null ? calls.peek() : pick(tenants);
                if (t != null && t.engine == l.engine) {
                    note("start: instantiate through the instantiating linker");
                    instantiating = null;
                    l.linker.instantiate(t.store, t.engine.api);
                }
            }
            case 2 -> throw new HostFailure("a start function's host call fails, as told");
            default -> {}
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Invariants and reports.

    private int enter(Tenant t, IntSupplier call) {
        calls.push(t);
        try {
            return call.getAsInt();
        } finally {
            calls.pop();
        }
    }

    private Val[] enterCall(Tenant t, java.util.function.Supplier<Val[]> call) {
        calls.push(t);
        try {
            return call.get();
        } finally {
            calls.pop();
        }
    }

    private void checkAfterStep(Operation op) {
        Tenant t = pick(tenants);
        if (t != null && !t.closed && !t.stamped.isEmpty()) {
            int which = random.nextInt(t.stamped.size());
            try {
                checkStamp(t.id, t.stamped.get(which));
            } catch (Throwable e) {
                classify(e, " checking store " + t.id + "'s stamp after " + op.key());
            }
        }
        if (step % 64 == 0) {
            checkBound();
        }
    }

    /** Store {@code store}'s memory {@code m} shows {@code store}'s stamp. */
    private void checkStamp(long store, Memory m) {
        if (m.byteSize() < Stamp.LENGTH) {
            return;
        }
        byte[] bytes = new byte[Stamp.LENGTH];
        m.read(0, bytes, 0, Stamp.LENGTH);
        long owner = Stamp.ownerOf(bytes);
        if (owner != store) {
            fail(Tally.Column.CRASHES, "cross-store visibility: store " + store + "'s memory shows "
                    + (owner < 0 ? "bytes that are no store's stamp: " + java.util.HexFormat.of().formatHex(bytes, 0, 24)
                            : "store " + owner + "'s stamp") + " (a memory of " + m.byteSize() + " bytes)", null);
        }
    }

    /** The store holds no more memory bytes and table elements than its limits allow. */
    private void checkLimits(Tenant t) {
        if (t.closed) {
            return;
        }
        long bytes = 0;
        for (Memory m : t.memories) {
            bytes += m.byteSize();
        }
        long elements = 0;
        for (Table table : t.tables) {
            elements += table.size();
        }
        if (bytes > t.limits.memoryBytes() || elements > t.limits.tableElements()) {
            fail(Tally.Column.LEAKS, "store " + t.id + " holds " + bytes + " bytes in " + t.memories.size()
                    + " memories and " + elements + " elements in " + t.tables.size() + " tables; its limits are "
                    + t.limits.memoryBytes() + " bytes and " + t.limits.tableElements() + " elements", null);
            t.closed = true; // reported once; the phase end closes it
        }
    }

    private void checkBound() {
        if (boundReportedThisPhase || ResidentMemory.residentBytes() <= run.memory.bound()) {
            return;
        }
        // Above the bound as the kernel counts it, which includes the C heap's free pages: measure
        // again once they are given back (ResidentMemory says why they are no measure).
        long held = ResidentMemory.heldBytes();
        long bound = run.memory.bound();
        if (held > bound) {
            boundReportedThisPhase = true;
            fail(Tally.Column.LEAKS, "resident size " + ResidentMemory.mib(held) + " MiB (C heap trimmed) is above"
                    + " the bound of " + ResidentMemory.mib(bound) + " MiB (size after warm-up + live stores' limits"
                    + " + allowance)", null);
        }
    }

    private void classify(Throwable t, String where) {
        if (TypedErrors.isTyped(t)) {
            run.tally.typedErrors.incrementAndGet();
        } else {
            fail(Tally.Column.CRASHES, "untyped exception" + where + ": " + t, t);
        }
    }

    private void fail(Tally.Column column, String what, Throwable t) {
        StringBuilder s = new StringBuilder();
        s.append(what).append("\n  provider ").append(run.provider).append(", seed ").append(run.options.seed())
                .append(", thread ").append(index).append(", step ").append(step).append('\n');
        if (t != null) {
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            s.append(trace.toString().lines().limit(40).map(line -> "  " + line + "\n").reduce("", String::concat));
        }
        s.append("  recent operations of this thread:\n");
        for (String line : run.trail.tail(index)) {
            s.append("    ").append(line).append('\n');
        }
        s.append("  replay: ./mvnw -B -ntp -pl it-tests verify ").append(run.options.replay(run.provider, -1))
                .append("\n  this thread alone: ").append(run.options.replay(run.provider, index)).append('\n');
        run.tally.fail(column, s.toString());
    }

    private void note(String what) {
        run.trail.record(index, step, what);
    }

    private void closeEverything() {
        if (run.options.injectLeakMiB() > 0) {
            leakOnPurpose(run.options.injectLeakMiB());
        }
        views.clear();
        callers.clear();
        run.sharedCallers.removeIf(c -> true);
        for (Tenant t : new ArrayList<>(tenants)) {
            try {
                close(t);
            } catch (Throwable e) {
                classify(e, " closing store " + t.id);
            }
        }
        for (LinkerSlot l : linkers) {
            l.linker.close();
        }
        linkers.clear();
        for (EngineSlot e : engines) {
            e.api.close();
            e.start.close();
            e.engine.close();
        }
        engines.clear();
    }

    /**
     * A store never closed and kept reachable, with a memory of {@code mib} MiB written all over
     * (so that every page of it is resident): the leak {@link FuzzOptions#injectLeakMiB} asks for.
     */
    private void leakOnPurpose(int mib) {
        Store store = engine().engine.newStore();
        Memory memory = store.newMemory(mib * 16, OptionalInt.empty());
        byte[] page = new byte[1 << 16];
        Arrays.fill(page, (byte) 0x5A);
        for (long offset = 0; offset < memory.byteSize(); offset += page.length) {
            memory.write(offset, page, 0, page.length);
        }
        run.leakedOnPurpose.add(store);
        note("leaked on purpose: a store with " + mib + " MiB of memory, never closed");
    }

    private <T> T pick(List<T> list) {
        if (list.isEmpty()) {
            return null;
        }
        try {
            return list.get(random.nextInt(list.size()));
        } catch (IndexOutOfBoundsException shrunk) {
            return null; // a shared list another thread shrank meanwhile
        }
    }
}
