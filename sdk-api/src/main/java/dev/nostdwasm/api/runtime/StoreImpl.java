package dev.nostdwasm.api.runtime;

import dev.nostdwasm.api.ClosedException;
import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.Func;
import dev.nostdwasm.api.Global;
import dev.nostdwasm.api.HostFunction;
import dev.nostdwasm.api.Memory;
import dev.nostdwasm.api.Store;
import dev.nostdwasm.api.StoreLimits;
import dev.nostdwasm.api.Table;
import dev.nostdwasm.api.TypeMismatchException;
import dev.nostdwasm.api.Val;
import dev.nostdwasm.api.ValType;
import dev.nostdwasm.api.abi.NswConstants;
import java.lang.invoke.MethodHandle;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.LongSupplier;

/**
 * A store: what the {@link Store} interface offers, over the native store. Who may use it now
 * is {@link Confinement}'s business; the references its calls pass are {@link RefTable}'s; the
 * native handles it owns, freed with it, are {@link StoreState}'s.
 */
final class StoreImpl implements Store {

    private static final long MAX_EPOCH_TICKS = NswConstants.NSW_MAX_EPOCH_TICKS;

    final NativeRuntime rt;
    private final EngineImpl engine;
    /**
     * The context operations use: the store's own, or during a host call the caller's (Wasmtime
     * hands the store to the host function through the caller; the store's own context must not
     * be used until the call returns).
     */
    long ctx;
    // The store's own context: ctx is another one only while a host call runs.
    private final long ownCtx;
    final long id;
    final StoreState state;
    final Confinement confinement;
    final RefTable refs;
    // What Engine.newStore(data) was given, or null: the store only hands it back.
    final Object data;
    // The Callers of the host calls at each depth, callers[d - 1] for depth d, each made once
    // and reused (see CallerImpl); hostCallDepth is how many host calls are running now.
    private CallerImpl[] callers = new CallerImpl[2];
    private int hostCallDepth;

    StoreImpl(NativeRuntime rt, EngineImpl engine, long handle) {
        this(rt, engine, handle, null);
    }

    StoreImpl(NativeRuntime rt, EngineImpl engine, long handle, Object data) {
        this.rt = rt;
        this.data = data;
        this.engine = engine;
        this.ctx = rt.abi.nsw_store_context(handle);
        this.ownCtx = ctx;
        this.id = rt.abi.nsw_context_store_id(ctx);
        this.state = new StoreState(rt, handle, id);
        this.confinement = new Confinement(rt, state);
        this.refs = new RefTable(this);
        rt.register(id, this);
        NativeRuntime.CLEANER.register(this, state::free);
        setLimits(StoreLimits.DEFAULT);
    }

    /** Enters the store for one operation ({@link Confinement#enter()}); pair with {@link #exit()}. */
    void enter() {
        confinement.enter();
    }

    void exit() {
        confinement.exit();
    }

    /**
     * Enters the store for a host call that Wasmtime made with the caller context {@code
     * callerCtx}, which operations use until the call ends; returns the Caller of the call.
     * Pair with {@link #exitHostCall()}.
     */
    CallerImpl enterHostCall(long callerCtx) {
        enter();
        int d = hostCallDepth;
        if (d == callers.length) {
            callers = Arrays.copyOf(callers, d * 2);
        }
        CallerImpl caller = callers[d];
        if (caller == null) {
            caller = new CallerImpl(this, d + 1);
            callers[d] = caller;
        }
        caller.ctx = callerCtx;
        hostCallDepth = d + 1;
        ctx = callerCtx;
        return caller;
    }

    /** Ends the innermost host call: operations use the context of the one around it again. */
    void exitHostCall() {
        int d = --hostCallDepth;
        ctx = d == 0 ? ownCtx : callers[d - 1].ctx;
        exit();
    }

    /** How many host calls of this store are running now; read only while inside the store. */
    int hostCallDepth() {
        return hostCallDepth;
    }

    // ------------------------------------------------------------------------- handles

    /** Remembers an extern handle made in this store, to delete it with the store; returns it. */
    long ownExtern(long handle) {
        state.own(handle, false);
        return handle;
    }

    /** Remembers an instance handle made in this store, to delete it with the store; returns it. */
    long ownInstance(long handle) {
        state.own(handle, true);
        return handle;
    }

    /** {@code value} as this store's implementation, or a clear error. */
    <T> T owned(Object value, Class<T> type, String what) {
        Objects.requireNonNull(value, what);
        if (!(value instanceof ExternImpl e) || !type.isInstance(value)) {
            throw new IllegalArgumentException("this " + what + " was not made by this runtime");
        }
        if (e.store != this) {
            throw new IllegalArgumentException("this " + what + " belongs to another store; externs cannot "
                    + "cross stores");
        }
        return type.cast(value);
    }

    // ------------------------------------------------------------------------- Store

    @Override
    public Object data() {
        checkOpen();
        return data;
    }

    @Override
    public <T> T data(Class<T> type) {
        Objects.requireNonNull(type, "type");
        checkOpen();
        if (data == null) {
            throw new IllegalStateException("this store was made without data: make it with Engine.newStore(data)");
        }
        if (!type.isInstance(data)) {
            throw new ClassCastException("this store's data is a " + data.getClass().getName() + ", not a "
                    + type.getName() + ": ask for the class given to Engine.newStore, or one it extends");
        }
        return type.cast(data);
    }

    @Override
    public void setLimits(StoreLimits limits) {
        Objects.requireNonNull(limits, "limits");
        enter();
        try {
            if (ctx != ownCtx) {
                // The host call's caller holds the native store: it must not change under it.
                throw new IllegalStateException("a store's limits cannot change inside a host function of that "
                        + "store: set them before the call into wasm, or after it returned");
            }
            rt.check(rt.abi.nsw_store_limits_set(state.handle, limits.memoryBytes(), limits.tableElements(),
                    limits.instances(), limits.tables(), limits.memories(), limits.references()));
            state.setExternCap(limits.references());
            refs.setCap(limits.references());
        } finally {
            exit();
        }
    }

    @Override
    public void setFuel(long fuel) {
        if (fuel < 0) {
            throw new IllegalArgumentException("fuel must be >= 0, not " + fuel);
        }
        requireFuel();
        enter();
        try {
            rt.check(rt.abi.nsw_context_fuel_set(ctx, fuel));
        } finally {
            exit();
        }
    }

    @Override
    public long fuel() {
        requireFuel();
        enter();
        try (Scratch s = rt.scratch()) {
            rt.check(rt.abi.nsw_context_fuel_get(ctx, s.out(0)));
            return s.outLong(0);
        } finally {
            exit();
        }
    }

    private void requireFuel() {
        if (!engine.config().fuel()) {
            throw new IllegalStateException("this store's engine was made without fuel: use "
                    + "EngineConfig.withFuel(true) and artifacts precompiled with --fuel");
        }
    }

    @Override
    public void setDeadline(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        requireEpochs();
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("a deadline is a timeout >= 0, not " + timeout);
        }
        long ticks = ticks(timeout, engine.config().epochTick());
        checkOpen();
        engine.startTicker();
        setEpochDeadline(ticks);
    }

    /** {@code ceil(timeout / tick)}, at least 1, at most the native maximum. */
    static long ticks(Duration timeout, Duration tick) {
        BigInteger[] qr = bigNanos(timeout).divideAndRemainder(bigNanos(tick));
        BigInteger ticks = qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
        return Math.max(1, ticks.min(BigInteger.valueOf(MAX_EPOCH_TICKS)).longValueExact());
    }

    private static BigInteger bigNanos(Duration d) {
        return BigInteger.valueOf(d.getSeconds()).multiply(BigInteger.valueOf(1_000_000_000L))
                .add(BigInteger.valueOf(d.getNano()));
    }

    private void requireEpochs() {
        if (!engine.config().epochInterruption()) {
            throw new IllegalStateException("this store's engine was made without epoch interruption: use "
                    + "EngineConfig.withEpochInterruption(true) and artifacts precompiled with --epoch");
        }
    }

    @Override
    public void setEpochDeadline(long ticks) {
        requireEpochs();
        if (ticks < 0 || ticks > MAX_EPOCH_TICKS) {
            throw new IllegalArgumentException("an epoch deadline is 0.." + MAX_EPOCH_TICKS + " ticks, not " + ticks);
        }
        enter();
        try {
            rt.check(rt.abi.nsw_context_epoch_deadline_set(ctx, ticks));
        } finally {
            exit();
        }
    }

    @Override
    public Memory newMemory(int minimum, OptionalInt maximum) {
        Objects.requireNonNull(maximum, "maximum");
        requireSize("memory", "pages", minimum, maximum);
        enter();
        try (Scratch s = rt.scratch()) {
            rt.check(rt.abi.nsw_memory_new(ctx, minimum, maximum.isPresent(), maximum.orElse(0), s.out(0)));
            return new MemoryImpl(this, ownExtern(s.outLong(0)));
        } finally {
            exit();
        }
    }

    @Override
    public Global newGlobal(Val initial, boolean mutable) {
        Objects.requireNonNull(initial, "initial");
        enter();
        int mark = refs.tempMark();
        try (Scratch s = rt.scratch()) {
            ByteBuffer slot = confinement.slots(1);
            Values.write(this, slot, 0, initial);
            rt.check(rt.abi.nsw_global_new(ctx, (byte) initial.type().code(), mutable, confinement.slotsAddress(), s.out(0)));
            return new GlobalImpl(this, ownExtern(s.outLong(0)));
        } finally {
            refs.releaseTemps(mark);
            exit();
        }
    }

    @Override
    public Table newTable(ValType element, int minimum, OptionalInt maximum, Val init) {
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(maximum, "maximum");
        requireSize("table", "elements", minimum, maximum);
        Val initial = init == null ? nullOf(element) : init;
        if (initial.type() != element) {
            throw new TypeMismatchException("a table of " + element + " cannot be filled with a " + initial.type());
        }
        enter();
        int mark = refs.tempMark();
        try (Scratch s = rt.scratch()) {
            ByteBuffer slot = confinement.slots(1);
            Values.write(this, slot, 0, initial);
            rt.check(rt.abi.nsw_table_new(ctx, (byte) element.code(), minimum, maximum.isPresent(),
                    maximum.orElse(0), confinement.slotsAddress(), s.out(0)));
            return new TableImpl(this, ownExtern(s.outLong(0)));
        } finally {
            refs.releaseTemps(mark);
            exit();
        }
    }

    private static void requireSize(String what, String unit, int minimum, OptionalInt maximum) {
        if (minimum < 0 || maximum.orElse(0) < 0) {
            throw new IllegalArgumentException("a " + what + "'s minimum and maximum are >= 0 " + unit + ", not "
                    + minimum + " and " + maximum.orElse(0));
        }
    }

    static Val nullOf(ValType element) {
        return switch (element) {
            case FUNCREF -> new Val.FuncRef(null);
            case EXTERNREF -> new Val.ExternRef(null);
            default -> throw new IllegalArgumentException("tables hold funcref or externref, not " + element);
        };
    }

    @Override
    public Func newFunc(ExternType.Func type, HostFunction function) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(function, "function");
        return newFunc(type, () -> rt.hostCalls.register("host function", type, function));
    }

    @Override
    public <F> Func newFunc(Class<F> type, F function) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(function, "function");
        JavaSignature signature = JavaSignature.of(JavaSignature.functionalMethod(type), true);
        MethodHandle call = SlotHandles.hostCall(SlotHandles.functionTarget(signature, function), signature);
        return newFunc(signature.wasmType(), () -> rt.hostCalls.registerTyped("host function", signature, call));
    }

    /** A function of {@code type} owned by this store, whose host-call id {@code register} makes. */
    private Func newFunc(ExternType.Func type, LongSupplier register) {
        byte[] params = Types.codes(type.params());
        byte[] results = Types.codes(type.results());
        enter();
        try (Scratch s = rt.scratch()) {
            long env = register.getAsLong();
            rt.check(rt.abi.nsw_func_new(ctx, s.bytes(params), params.length, s.bytes(results), results.length,
                    rt.callbackStub, env, rt.finalizerStub, s.out(0)));
            return new FuncImpl(this, ownExtern(s.outLong(0)));
        } finally {
            exit();
        }
    }

    void checkOpen() {
        if (state.freed) {
            throw new ClosedException("store");
        }
    }

    @Override
    public void close() {
        confinement.runOutside(state::free); // once: free does nothing when already freed
    }

    @Override
    public String toString() {
        return "Store[" + id + (state.freed ? ", closed" : "") + "]";
    }
}
