package dev.nostdwasm.it.fuzz;

import dev.nostdwasm.api.Caller;
import dev.nostdwasm.api.ExportNotFoundException;
import dev.nostdwasm.api.Engine;
import dev.nostdwasm.api.EngineConfig;
import dev.nostdwasm.api.ExportType;
import dev.nostdwasm.api.Extern;
import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.Func;
import dev.nostdwasm.api.Global;
import dev.nostdwasm.api.HostFunction;
import dev.nostdwasm.api.ImportType;
import dev.nostdwasm.api.Instance;
import dev.nostdwasm.api.Linker;
import dev.nostdwasm.api.Memory;
import dev.nostdwasm.api.WasmModule;
import dev.nostdwasm.api.NoStdRuntime;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.Store;
import dev.nostdwasm.api.StoreLimits;
import dev.nostdwasm.api.Table;
import dev.nostdwasm.api.Val;
import dev.nostdwasm.api.ValType;
import dev.nostdwasm.it.fuzz.FuzzMain.Context;
import dev.nostdwasm.it.fuzz.FuzzMain.Input;
import dev.nostdwasm.it.support.Artifacts;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * API misuse against real instances: each input makes a store (with limits) and a linker whose host
 * functions misbehave in one chosen way (throw, return null / too few / wrong types / null
 * elements, close their store, re-enter the store with another random operation, leak their
 * {@link Caller}), instantiates one or two test modules and runs one random operation: calls with
 * wrong argument counts and types, typed paths on the wrong signature, memory access at random
 * (negative, huge) offsets and lengths, table and global access out of range or with the wrong
 * type, nulls, closed stores / linkers / modules / engines, externs of another store, odd store-made
 * externs, limits, fuel and epochs on engines without them.
 *
 * <p>No threads and no clocks: an input's outcome depends on its seed only.
 */
final class ApiFuzz implements FuzzMain.Part {

    /** Modules the world instantiates (their {@code host} imports are defined by the fuzzer). */
    static final String[] STEMS = {"add", "host_fn", "memory", "tables", "globals", "typed", "reentry", "host_types",
        "caller_memory", "traps", "floats"};
    /** Modules with imports the linker does not define (for link errors). */
    static final String[] UNLINKED = {"imports_exports", "global_import", "memory_import"};

    // Findings fixed in the SDK, now fuzzed like everything else: Store.newMemory with page counts
    // outside 0..65536 aborted the JVM (Wasmtime's MemoryType::new panicked), and asking an
    // instance for an export under another kind after it was fetched under its own threw
    // ClassCastException (the export cache skipped the kind check).

    static final StoreLimits LIMITS = new StoreLimits(64L << 20, 100_000, 50, 50, 50);

    enum Host { NORMAL, THROW, THROW_CHECKED, THROW_ERROR, RETURN_NULL, WRONG_COUNT, WRONG_TYPES, NULL_ELEMENT,
        CLOSE_STORE, REENTER, LEAK_CALLER, CALLER_MEMORY }

    static final String[] OPS = {"call", "typed-call", "memory-read", "memory-write", "memory-grow", "memory-view",
        "table-get", "table-set", "table-grow", "global-set", "export-lookup", "closed-store", "closed-linker",
        "closed-module", "closed-engine", "linker-define", "unlinked", "store-externs", "limits", "fuel-epoch",
        "leaked-caller", "nulls", "foreign-extern", "values", "instance-twice"};

    private final NoStdRuntime runtime;
    private final Profile[] profiles;
    private final List<Engine> engines = new ArrayList<>();
    private final List<Map<String, WasmModule>> modules = new ArrayList<>();

    ApiFuzz(NoStdRuntime runtime) {
        this.runtime = runtime;
        profiles = FuzzMain.sortedProfiles(runtime);
        for (Profile p : profiles) {
            Engine e = runtime.newEngine(EngineConfig.of(p).allowUnsignedArtifacts());
            engines.add(e);
            Map<String, WasmModule> m = new HashMap<>();
            for (String stem : STEMS) {
                m.put(stem, e.load(Artifacts.bytes(stem, p)));
            }
            for (String stem : UNLINKED) {
                m.put(stem, e.load(Artifacts.bytes(stem, p)));
            }
            modules.add(m);
        }
    }

    @Override
    public String name() {
        return "api";
    }

    @Override
    public void close() {
        modules.forEach(m -> m.values().forEach(WasmModule::close));
        engines.forEach(Engine::close);
    }

    /** Everything one input works on. */
    final class World {
        final SplittableRandom r;
        final Context context;
        final int pi;
        final Engine engine;
        final Store store;
        final Store other;
        final Func otherFunc;
        final Linker linker;
        final Host host;
        final List<Instance> instances = new ArrayList<>();
        final List<Func> funcs = new ArrayList<>();
        final List<Memory> memories = new ArrayList<>();
        final List<Global> globals = new ArrayList<>();
        final List<Table> tables = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        Caller leaked;
        int depth;

        World(SplittableRandom r, Context context, int pi, Host host) {
            this.r = r;
            this.context = context;
            this.pi = pi;
            this.host = host;
            engine = engines.get(pi);
            store = engine.newStore();
            other = engine.newStore();
            linker = engine.newLinker();
            store.setLimits(LIMITS);
            other.setLimits(LIMITS);
            otherFunc = other.newFunc(new ExternType.Func(List.of(ValType.I32), List.of(ValType.I32)),
                    (c, a) -> new Val[] {Val.i32(1)});
        }

        void setUp(String[] stems) {
            for (String stem : stems) {
                WasmModule m = modules.get(pi).get(stem);
                for (ImportType imp : m.imports()) {
                    if (imp.module().equals("host") && imp.type() instanceof ExternType.Func ft) {
                        try {
                            linker.define("host", imp.name(), ft, hostFunction(ft));
                        } catch (RuntimeException alreadyDefined) {
                            // defined for an earlier module
                        }
                    }
                }
            }
            for (String stem : stems) {
                WasmModule m = modules.get(pi).get(stem);
                Instance instance = linker.instantiate(store, m);
                instances.add(instance);
                for (ExportType e : m.exports()) {
                    names.add(e.name());
                    if (e.type() instanceof ExternType.Func) {
                        funcs.add(instance.func(e.name()));
                    } else if (e.type() instanceof ExternType.Memory) {
                        memories.add(instance.memory(e.name()));
                    } else if (e.type() instanceof ExternType.Global) {
                        globals.add(instance.global(e.name()));
                    } else if (e.type() instanceof ExternType.Table) {
                        tables.add(instance.table(e.name()));
                    }
                }
            }
            funcs.add(store.newFunc(new ExternType.Func(List.of(ValType.I64), List.of(ValType.I64, ValType.I32)),
                    hostFunction(new ExternType.Func(List.of(ValType.I64), List.of(ValType.I64, ValType.I32)))));
        }

        HostFunction hostFunction(ExternType.Func type) {
            return (caller, args) -> {
                switch (host) {
                    case THROW:
                        throw new RuntimeException("host failure");
                    case THROW_CHECKED:
                        throw new java.io.IOException("checked host failure");
                    case THROW_ERROR:
                        throw new AssertionError("an Error from a host function");
                    case RETURN_NULL:
                        return null;
                    case WRONG_COUNT:
                        return defaults(type.results().size() + (type.results().isEmpty() || r.nextBoolean() ? 1 : -1));
                    case WRONG_TYPES: {
                        Val[] v = new Val[type.results().size()];
                        for (int i = 0; i < v.length; i++) {
                            v[i] = randomVal();
                        }
                        return v;
                    }
                    case NULL_ELEMENT: {
                        Val[] v = defaultsFor(type);
                        if (v.length > 0) {
                            v[r.nextInt(v.length)] = null;
                        }
                        return v;
                    }
                    case CLOSE_STORE:
                        store.close();
                        return defaultsFor(type);
                    case REENTER:
                        if (depth < 3) {
                            depth++;
                            try {
                                nested(() -> op(this, r.nextInt(OPS.length)));
                            } finally {
                                depth--;
                            }
                        }
                        return defaultsFor(type);
                    case LEAK_CALLER:
                        leaked = caller;
                        return defaultsFor(type);
                    case CALLER_MEMORY: {
                        nested(() -> {
                            caller.fuel();
                        });
                        nested(() -> {
                            try {
                                Memory m = caller.memory(r.nextBoolean() ? "memory" : "nope");
                                memoryAccess(this, m, r.nextBoolean());
                            } catch (ExportNotFoundException absent) {
                                // "nope", or a module without a memory: nothing to access
                            }
                        });
                        return defaultsFor(type);
                    }
                    default:
                        return defaultsFor(type);
                }
            };
        }

        /**
         * Runs {@code body} inside a host function: a typed exception goes on (it becomes the trap's
         * cause); an untyped one is recorded, since the trap would otherwise hide it.
         */
        void nested(FuzzMain.ThrowingRunnable body) throws Exception {
            try {
                body.run();
            } catch (Throwable t) {
                if (!FuzzMain.isTyped(t)) {
                    context.nested(t);
                }
                if (t instanceof Exception e) {
                    throw e;
                }
                throw new RuntimeException(t);
            }
        }

        Val[] defaults(int n) {
            Val[] v = new Val[Math.max(0, n)];
            for (int i = 0; i < v.length; i++) {
                v[i] = Val.i32(i);
            }
            return v;
        }

        Val[] defaultsFor(ExternType.Func type) {
            Val[] v = new Val[type.results().size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = zero(type.results().get(i));
            }
            return v;
        }

        Val randomVal() {
            switch (r.nextInt(10)) {
                case 0:
                    return Val.i32(r.nextInt());
                case 1:
                    return Val.i64(r.nextLong());
                case 2:
                    return new Val.F32(r.nextInt());
                case 3:
                    return new Val.F64(r.nextLong());
                case 4:
                    return new Val.V128(FuzzMain.randomBytes(r, 16));
                case 5:
                    return new Val.FuncRef(r.nextBoolean() ? null : pick(funcs));
                case 6:
                    return new Val.FuncRef(otherFunc);
                case 7:
                    return new Val.ExternRef(r.nextBoolean() ? null : "host object " + r.nextInt(100));
                case 8:
                    return null;
                default:
                    return Val.i32(r.nextInt(-3, 10));
            }
        }

        <T> T pick(List<T> list) {
            return list.isEmpty() ? null : list.get(r.nextInt(list.size()));
        }

        long randomLong() {
            switch (r.nextInt(8)) {
                case 0:
                    return -1 - r.nextInt(1000);
                case 1:
                    return Long.MIN_VALUE + r.nextInt(3);
                case 2:
                    return Long.MAX_VALUE - r.nextInt(3);
                case 3:
                    return Integer.MAX_VALUE + (long) r.nextInt(-2, 3);
                case 4:
                    return (1L << 32) + r.nextInt(-2, 3);
                case 5:
                    return r.nextInt(0, 200_000);
                default:
                    return r.nextInt(0, 70_000);
            }
        }

        /** A page count for {@code Store.newMemory}: anything, or near the 4 GiB edge. */
        int pages() {
            return r.nextBoolean() ? randomInt() : 65536 - r.nextInt(-2, 3);
        }

        int randomInt() {
            switch (r.nextInt(6)) {
                case 0:
                    return -1 - r.nextInt(1000);
                case 1:
                    return Integer.MIN_VALUE + r.nextInt(3);
                case 2:
                    return Integer.MAX_VALUE - r.nextInt(3);
                case 3:
                    return r.nextInt(0, 200_000);
                default:
                    return r.nextInt(0, 64);
            }
        }

        void close() {
            try {
                linker.close();
            } finally {
                try {
                    other.close();
                } finally {
                    store.close();
                }
            }
        }
    }

    static Val zero(ValType t) {
        switch (t) {
            case I32:
                return Val.i32(0);
            case I64:
                return Val.i64(0);
            case F32:
                return Val.f32(0);
            case F64:
                return Val.f64(0);
            case V128:
                return new Val.V128(new byte[16]);
            case FUNCREF:
                return new Val.FuncRef(null);
            default:
                return new Val.ExternRef(null);
        }
    }

    @Override
    public Input generate(SplittableRandom r, int index) {
        int pi = r.nextInt(profiles.length);
        Host host = Host.values()[r.nextInt(Host.values().length)];
        int op = r.nextInt(OPS.length);
        int moduleCount = r.nextInt(1, 3);
        String[] stems = new String[moduleCount];
        for (int i = 0; i < moduleCount; i++) {
            stems[i] = STEMS[r.nextInt(STEMS.length)];
        }
        if (moduleCount == 2 && stems[0].equals(stems[1])) {
            stems = new String[] {stems[0]};
        }
        String[] chosen = stems;
        long worldSeed = r.nextLong();
        String description = OPS[op] + ": " + profiles[pi].cliName() + ", host " + host + ", modules "
                + String.join("+", chosen);
        return new Input() {
            public String description() {
                return description;
            }

            public void run(Context context) throws Throwable {
                World w = new World(new SplittableRandom(worldSeed), context, pi, host);
                try {
                    w.setUp(chosen);
                    op(w, op);
                } finally {
                    w.close();
                }
            }
        };
    }

    /** Runs operation {@code op} (an index into {@link #OPS}) on the world. */
    void op(World w, int op) throws Throwable {
        SplittableRandom r = w.r;
        switch (OPS[op]) {
            case "call": {
                Func f = w.pick(w.funcs);
                Val[] args;
                if (r.nextInt(10) == 0) {
                    args = null;
                } else if (r.nextInt(3) == 0) {
                    args = new Val[f.type().params().size()];
                    for (int i = 0; i < args.length; i++) {
                        args[i] = r.nextInt(4) == 0 ? w.randomVal() : zero(f.type().params().get(i));
                    }
                } else {
                    args = new Val[r.nextInt(0, 6)];
                    for (int i = 0; i < args.length; i++) {
                        args[i] = w.randomVal();
                    }
                }
                f.call(args);
                return;
            }
            case "typed-call": {
                Func f = w.pick(w.funcs);
                switch (r.nextInt(11)) {
                    case 0 -> f.callVoid();
                    case 1 -> f.callI32();
                    case 2 -> f.callI32(r.nextInt());
                    case 3 -> f.callI32(r.nextInt(), r.nextInt());
                    case 4 -> f.callI32(r.nextInt(), r.nextInt(), r.nextInt());
                    case 5 -> f.callI64(r.nextLong());
                    case 6 -> f.callI64(r.nextLong(), r.nextLong());
                    case 7 -> f.callI64(r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong());
                    case 8 -> f.callF64(r.nextDouble());
                    case 9 -> f.callF64(r.nextDouble(), r.nextDouble());
                    default -> f.callI32(r.nextInt(-2, 3), r.nextInt(-2, 3));
                }
                return;
            }
            case "memory-read":
            case "memory-write": {
                Memory m = w.memories.isEmpty() || r.nextInt(4) == 0 ? w.store.newMemory(1, OptionalInt.of(2))
                        : w.pick(w.memories);
                memoryAccess(w, m, OPS[op].equals("memory-write"));
                return;
            }
            case "memory-grow": {
                Memory m = w.memories.isEmpty() ? w.store.newMemory(0, OptionalInt.empty()) : w.pick(w.memories);
                m.grow(r.nextInt(3) == 0 ? r.nextInt(0, 4) : w.randomLong());
                m.pages();
                m.byteSize();
                return;
            }
            case "memory-view": {
                Memory m = w.memories.isEmpty() ? w.store.newMemory(1, OptionalInt.empty()) : w.pick(w.memories);
                ByteBuffer view = m.view();
                int at = w.randomInt();
                view.get(at);
                return;
            }
            case "table-get": {
                Table t = w.tables.isEmpty() ? w.store.newTable(ValType.FUNCREF, 2, OptionalInt.of(4), new Val.FuncRef(null))
                        : w.pick(w.tables);
                t.get(r.nextBoolean() ? r.nextInt(0, 6) : w.randomLong());
                return;
            }
            case "table-set": {
                Table t = w.tables.isEmpty() ? w.store.newTable(ValType.EXTERNREF, 2, OptionalInt.empty(), new Val.ExternRef(null))
                        : w.pick(w.tables);
                t.set(r.nextBoolean() ? r.nextInt(0, 5) : w.randomLong(), w.randomVal());
                return;
            }
            case "table-grow": {
                Table t = w.tables.isEmpty() ? w.store.newTable(ValType.FUNCREF, 0, OptionalInt.empty(), new Val.FuncRef(null))
                        : w.pick(w.tables);
                t.grow(r.nextBoolean() ? r.nextInt(0, 5) : w.randomLong(), w.randomVal());
                t.size();
                return;
            }
            case "global-set": {
                Global g = w.globals.isEmpty() ? w.store.newGlobal(w.randomVal(), r.nextBoolean()) : w.pick(w.globals);
                g.get();
                g.set(w.randomVal());
                g.get();
                return;
            }
            case "export-lookup": {
                Instance i = w.pick(w.instances);
                String name = r.nextInt(5) == 0 ? null : r.nextBoolean() ? w.pick(w.names) : "no_such_" + r.nextInt(10);
                int kind = r.nextInt(5);
                switch (kind) {
                    case 0 -> i.func(name);
                    case 1 -> i.memory(name);
                    case 2 -> i.global(name);
                    case 3 -> i.table(name);
                    default -> i.exportType(name);
                }
                return;
            }
            case "closed-store": {
                w.store.close();
                if (r.nextBoolean()) {
                    w.store.close(); // idempotent
                }
                int next = r.nextInt(OPS.length);
                op(w, OPS[next].startsWith("closed") ? 0 : next);
                return;
            }
            case "closed-linker": {
                w.linker.close();
                if (r.nextBoolean()) {
                    w.linker.instantiate(w.store, modules.get(w.pi).get("add"));
                } else {
                    w.linker.define("host", "late", new ExternType.Func(List.of(), List.of()), (c, a) -> new Val[0]);
                }
                return;
            }
            case "closed-module": {
                WasmModule m = engines.get(w.pi).load(Artifacts.bytes("add", profiles[w.pi]));
                m.close();
                switch (r.nextInt(3)) {
                    case 0 -> w.linker.instantiate(w.store, m);
                    case 1 -> m.imports();
                    default -> m.exports();
                }
                return;
            }
            case "closed-engine": {
                Engine e = runtime.newEngine(EngineConfig.of(profiles[w.pi]).allowUnsignedArtifacts());
                Store s = r.nextBoolean() ? e.newStore() : null;
                e.close();
                try {
                    switch (r.nextInt(6)) {
                        case 0 -> e.load(Artifacts.bytes("add", profiles[w.pi]));
                        case 1 -> e.newStore();
                        case 2 -> e.newLinker();
                        case 3 -> e.incrementEpoch();
                        case 4 -> e.loadRawUnsafe(new byte[] {1, 2, 3});
                        default -> {
                            if (s != null) {
                                s.newMemory(1, OptionalInt.empty()).byteSize(); // stores outlive the engine
                            }
                        }
                    }
                } finally {
                    if (s != null) {
                        s.close();
                    }
                }
                return;
            }
            case "linker-define": {
                ExternType.Func type = new ExternType.Func(List.of(ValType.I32, ValType.I32), List.of(ValType.I32));
                switch (r.nextInt(5)) {
                    case 0 -> w.linker.define("host", "multiply", type, (c, a) -> new Val[] {Val.i32(0)});
                    case 1 -> w.linker.define(w.store, "env", "x", w.pick(w.funcs));
                    case 2 -> w.linker.define(w.other, "env", "y", w.pick(w.funcs));
                    case 3 -> w.linker.defineInstance(w.store, "inst" + r.nextInt(2), w.pick(w.instances));
                    default -> w.linker.defineInstance(w.other, "inst", w.pick(w.instances));
                }
                if (r.nextBoolean()) {
                    w.linker.instantiate(r.nextBoolean() ? w.store : w.other, modules.get(w.pi).get(w.pick(List.of(STEMS))));
                }
                return;
            }
            case "unlinked": {
                WasmModule m = modules.get(w.pi).get(UNLINKED[r.nextInt(UNLINKED.length)]);
                if (r.nextBoolean()) {
                    // define some of the imports with random (often wrong) types
                    for (ImportType imp : m.imports()) {
                        if (r.nextBoolean()) {
                            Extern e = randomExtern(w);
                            if (e != null) {
                                try {
                                    w.linker.define(w.store, imp.module(), imp.name(), e);
                                } catch (RuntimeException ignored) {
                                    // duplicate or foreign: only the instantiation is the input
                                    if (!FuzzMain.isTyped(ignored)) {
                                        throw ignored;
                                    }
                                }
                            }
                        }
                    }
                }
                w.linker.instantiate(w.store, m);
                return;
            }
            case "store-externs": {
                Store s = w.store;
                switch (r.nextInt(5)) {
                    case 0 -> s.newMemory(w.pages(), r.nextBoolean() ? OptionalInt.empty() : OptionalInt.of(w.pages()));
                    case 1 -> s.newGlobal(w.randomVal(), r.nextBoolean());
                    case 2 -> s.newTable(ValType.values()[r.nextInt(ValType.values().length)], w.randomInt(),
                            r.nextBoolean() ? OptionalInt.empty() : OptionalInt.of(w.randomInt()), w.randomVal());
                    case 3 -> {
                        List<ValType> params = new ArrayList<>();
                        for (int i = r.nextInt(0, 4); i > 0; i--) {
                            params.add(ValType.values()[r.nextInt(ValType.values().length)]);
                        }
                        List<ValType> results = new ArrayList<>();
                        for (int i = r.nextInt(0, 3); i > 0; i--) {
                            results.add(ValType.values()[r.nextInt(ValType.values().length)]);
                        }
                        ExternType.Func ft = new ExternType.Func(params, results);
                        Func f = s.newFunc(ft, w.hostFunction(ft));
                        Val[] args = new Val[params.size()];
                        for (int i = 0; i < args.length; i++) {
                            args[i] = r.nextBoolean() ? w.randomVal() : zero(params.get(i));
                        }
                        f.call(args);
                    }
                    default -> s.newMemory(1, OptionalInt.of(0)); // maximum below minimum
                }
                return;
            }
            case "limits": {
                long[] v = new long[5];
                for (int i = 0; i < 5; i++) {
                    v[i] = r.nextInt(3) == 0 ? w.randomLong() : r.nextInt(-1, 3);
                }
                w.store.setLimits(new StoreLimits(v[0] < -1 ? -1 : v[0], v[1] < -1 ? -1 : v[1], v[2] < -1 ? -1 : v[2],
                        v[3] < -1 ? -1 : v[3], v[4] < -1 ? -1 : v[4]));
                switch (r.nextInt(3)) {
                    case 0 -> w.linker.instantiate(w.store, modules.get(w.pi).get("memory"));
                    case 1 -> w.store.newMemory(r.nextInt(0, 3), OptionalInt.empty()).grow(r.nextInt(0, 3));
                    default -> w.store.newTable(ValType.FUNCREF, r.nextInt(0, 3), OptionalInt.empty(), new Val.FuncRef(null))
                            .grow(r.nextInt(0, 3), new Val.FuncRef(null));
                }
                if (r.nextBoolean()) {
                    new StoreLimits(-2 - r.nextInt(5), 0, 0, 0, 0); // invalid
                }
                return;
            }
            case "fuel-epoch": {
                switch (r.nextInt(5)) {
                    case 0 -> w.store.setFuel(w.randomLong());
                    case 1 -> w.store.fuel();
                    case 2 -> w.store.setEpochDeadline(w.randomLong());
                    case 3 -> w.engine.incrementEpoch();
                    default -> {
                        Engine metered = runtime.newEngine(EngineConfig.of(profiles[w.pi]).allowUnsignedArtifacts()
                                .withFuel(true)
                                .withEpochInterruption(true));
                        try (Store s = metered.newStore()) {
                            s.setFuel(w.randomLong());
                            s.setEpochDeadline(w.randomLong());
                            s.fuel();
                            WasmModule spin = metered.load(Artifacts.meteredBytes("spin", profiles[w.pi]));
                            try (Linker l = metered.newLinker()) {
                                s.setFuel(r.nextInt(0, 10_000));
                                s.setEpochDeadline(r.nextInt(0, 3));
                                metered.incrementEpoch();
                                l.instantiate(s, spin).func("spin").call(); // runs out of fuel or epoch
                            } finally {
                                spin.close();
                            }
                        } finally {
                            metered.close();
                        }
                    }
                }
                return;
            }
            case "leaked-caller": {
                if (w.leaked == null) {
                    // make one: a store func whose host function leaks its caller
                    ExternType.Func ft = new ExternType.Func(List.of(), List.of());
                    w.store.newFunc(ft, (c, a) -> {
                        w.leaked = c;
                        return new Val[0];
                    }).call();
                }
                if (r.nextBoolean()) {
                    w.leaked.fuel();
                } else {
                    w.leaked.memory("memory");
                }
                return;
            }
            case "nulls": {
                nulls(w);
                return;
            }
            case "foreign-extern": {
                switch (r.nextInt(4)) {
                    case 0 -> w.linker.define(w.store, "env", "foreign", w.otherFunc);
                    case 1 -> {
                        Table t = w.store.newTable(ValType.FUNCREF, 1, OptionalInt.empty(), new Val.FuncRef(null));
                        t.set(0, new Val.FuncRef(w.otherFunc));
                    }
                    case 2 -> w.store.newGlobal(new Val.FuncRef(w.otherFunc), true);
                    default -> {
                        ExternType.Func ft = new ExternType.Func(List.of(ValType.FUNCREF), List.of(ValType.FUNCREF));
                        w.store.newFunc(ft, (c, a) -> a).call(new Val.FuncRef(w.otherFunc));
                    }
                }
                return;
            }
            case "values": {
                switch (r.nextInt(6)) {
                    case 0 -> new Val.V128(FuzzMain.randomBytes(w.r, r.nextInt(0, 33)));
                    case 1 -> ValType.fromCode(r.nextInt(-3, 12));
                    case 2 -> Profile.fromCliName(r.nextBoolean() ? "pulley" : "native-" + r.nextInt(3));
                    case 3 -> EngineConfig.of(profiles[w.pi]).allowUnsignedArtifacts().withMaxWasmStack(w.randomLong());
                    case 4 -> NoStdRuntime.load("provider" + r.nextInt(3));
                    default -> new ExternType.Func(r.nextBoolean() ? null : List.of(), List.of());
                }
                return;
            }
            case "instance-twice": {
                // instantiating the same modules again in the same store, then a random call
                WasmModule m = modules.get(w.pi).get(w.pick(List.of(STEMS)));
                w.linker.instantiate(w.store, m);
                op(w, 0);
                return;
            }
            default:
                throw new AssertionError(OPS[op]);
        }
    }

    static void memoryAccess(World w, Memory m, boolean write) {
        SplittableRandom r = w.r;
        long size = m.byteSize();
        long offset = r.nextInt(3) == 0 ? w.randomLong() : size == 0 ? 0 : r.nextLong(0, size + 1);
        int arrayLength = r.nextInt(0, 65);
        byte[] array = r.nextInt(20) == 0 ? null : new byte[arrayLength];
        int arrayOffset = r.nextInt(3) == 0 ? w.randomInt() : r.nextInt(0, arrayLength + 1);
        int length = r.nextInt(3) == 0 ? w.randomInt() : r.nextInt(0, arrayLength + 1);
        if (write) {
            m.write(offset, array, arrayOffset, length);
        } else {
            m.read(offset, array, arrayOffset, length);
        }
    }

    private Extern randomExtern(World w) {
        SplittableRandom r = w.r;
        switch (r.nextInt(5)) {
            case 0:
                return w.pick(w.funcs);
            case 1:
                return w.memories.isEmpty() ? w.store.newMemory(1, OptionalInt.of(2)) : w.pick(w.memories);
            case 2:
                return w.store.newGlobal(w.r.nextBoolean() ? Val.i64(1) : Val.i32(1), r.nextBoolean());
            case 3:
                return w.store.newTable(r.nextBoolean() ? ValType.EXTERNREF : ValType.FUNCREF, r.nextInt(0, 5),
                        OptionalInt.empty(), r.nextBoolean() ? new Val.ExternRef(null) : new Val.FuncRef(null));
            default:
                return w.otherFunc;
        }
    }

    private void nulls(World w) throws Throwable {
        SplittableRandom r = w.r;
        Engine e = w.engine;
        Store s = w.store;
        Linker l = w.linker;
        WasmModule m = modules.get(w.pi).get("add");
        ExternType.Func ft = new ExternType.Func(List.of(), List.of());
        switch (r.nextInt(26)) {
            case 0 -> e.load((byte[]) null);
            case 1 -> e.loadRawUnsafe(null);
            case 2 -> runtime.newEngine(null);
            case 3 -> l.define(null, "x", ft, (c, a) -> new Val[0]);
            case 4 -> l.define("x", null, ft, (c, a) -> new Val[0]);
            case 5 -> l.define("x", "y", (ExternType.Func) null, (c, a) -> new Val[0]);
            case 6 -> l.define("x", "y", ft, null);
            case 7 -> l.define(null, "x", "y", w.pick(w.funcs));
            case 8 -> l.define(s, "x", "y", null);
            case 9 -> l.instantiate(null, m);
            case 10 -> l.instantiate(s, null);
            case 11 -> l.defineInstance(s, "x", null);
            case 12 -> l.defineInstance(null, "x", w.pick(w.instances));
            case 13 -> s.setLimits(null);
            case 14 -> s.newMemory(1, null);
            case 15 -> s.newGlobal(null, true);
            case 16 -> s.newTable(null, 1, OptionalInt.empty(), new Val.FuncRef(null));
            case 17 -> s.newTable(ValType.FUNCREF, 1, OptionalInt.empty(), null);
            case 18 -> s.newFunc((ExternType.Func) null, (c, a) -> new Val[0]);
            case 19 -> s.newFunc(ft, null);
            case 20 -> w.pick(w.funcs).call((Val[]) null);
            case 21 -> w.pick(w.funcs).call(new Val[] {null, null});
            case 22 -> s.newGlobal(Val.i32(0), true).set(null);
            case 23 -> s.newTable(ValType.EXTERNREF, 1, OptionalInt.empty(), new Val.ExternRef(null)).set(0, null);
            case 24 -> s.newMemory(1, OptionalInt.empty()).read(0, (byte[]) null, 0, 1);
            default -> l.defineInstance(s, null, w.pick(w.instances));
        }
    }
}
