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
import dev.nostdwasm.api.Val;
import dev.nostdwasm.api.ValType;
import dev.nostdwasm.api.spi.NswConstants;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A store, confined to one thread at a time: every operation on it or on what it owns
 * {@linkplain #enter() enters} it, and a second thread entering while the first is inside is
 * refused. Nested entries from the same thread (a host function calling wasm) are allowed.
 */
final class StoreImpl implements Store {

    private static final VarHandle OWNER;
    private static final long MAX_EPOCH_TICKS = NswConstants.NSW_MAX_EPOCH_TICKS;
    private static final int SLOTS = 8;

    static {
        try {
            OWNER = MethodHandles.lookup().findVarHandle(StoreImpl.class, "owner", Thread.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final NativeRuntime rt;
    private final EngineImpl engine;
    /**
     * The context operations use: the store's own, or during a host call the caller's (Wasmtime
     * hands the store to the host function through the caller; the store's own context must not
     * be used until the call returns).
     */
    long ctx;
    final long id;
    private final StoreState state;
    private volatile Thread owner;
    private int depth;
    // Slot buffers by call depth, so nested calls never share one.
    private ByteBuffer[] slotBuffers = new ByteBuffer[2];
    private long[] slotAddresses = new long[2];
    // Views of host callbacks' slots by call depth (see hostSlots).
    private ByteBuffer[] hostViews = new ByteBuffer[2];
    private long[] hostViewAddresses = new long[2];
    // An externref that wasm made from one of its own references.
    private static final long HOST_ID_NONE = NswConstants.NSW_HOST_ID_NONE;
    // externref host values: id -> object, and the reverse so one object keeps one id.
    private final Map<Long, Object> objects = new HashMap<>();
    private final Map<Object, Long> objectIds = new IdentityHashMap<>();
    private long nextObjectId;
    // Reference ids made for values in flight, released once the call that takes them returns.
    private long[] temps = new long[8];
    private int tempCount;

    StoreImpl(NativeRuntime rt, EngineImpl engine, long handle) {
        this.rt = rt;
        this.engine = engine;
        this.ctx = rt.abi.nsw_store_context(handle);
        this.id = rt.abi.nsw_context_store_id(ctx);
        this.state = new StoreState(rt, handle, id);
        rt.register(id, this);
        NativeRuntime.CLEANER.register(this, state::free);
    }

    // ------------------------------------------------------------------------- confinement

    void enter() {
        Thread me = Thread.currentThread();
        if (owner == me) {
            depth++;
            return;
        }
        if (!OWNER.compareAndSet(this, null, me)) {
            throw busy();
        }
        if (state.freed) {
            owner = null;
            throw new ClosedException("store");
        }
        depth = 1;
    }

    void exit() {
        if (--depth == 0) {
            // A release store is all that handing the store over needs (the next owner's CAS
            // acquires): on x86 it is a plain store, where a volatile write adds a full fence
            // to every call.
            OWNER.setRelease(this, null);
        }
    }

    private IllegalStateException busy() {
        Thread other = owner;
        return new IllegalStateException("this store is in use by thread '" + (other == null ? "?" : other.getName())
                + "': a store and everything made in it are used by one thread at a time; give each thread its "
                + "own store (engines and modules may be shared)");
    }

    /** The slot buffer for a call at the current depth, with room for {@code count} slots. */
    ByteBuffer slots(int count) {
        int d = depth;
        if (d >= slotBuffers.length) {
            slotBuffers = java.util.Arrays.copyOf(slotBuffers, d * 2);
            slotAddresses = java.util.Arrays.copyOf(slotAddresses, d * 2);
        }
        ByteBuffer b = slotBuffers[d];
        if (b == null || b.capacity() < count * Values.SLOT) {
            b = ByteBuffer.allocateDirect(Math.max(count, SLOTS) * Values.SLOT).order(ByteOrder.LITTLE_ENDIAN);
            slotBuffers[d] = b;
            slotAddresses[d] = rt.abi.address(b);
        }
        return b;
    }

    /**
     * A little-endian view of the {@code count} slots at {@code address} that a host callback was
     * given. Wasmtime passes the same stack address to every host call made from the same place,
     * so the view made for the last call at this depth is reused when it matches: making one is
     * an allocation (FFM) or a native call (JNI) on every host call otherwise.
     */
    ByteBuffer hostSlots(long address, long count) {
        int d = depth;
        if (d >= hostViews.length) {
            hostViews = java.util.Arrays.copyOf(hostViews, d * 2 + 1);
            hostViewAddresses = java.util.Arrays.copyOf(hostViewAddresses, d * 2 + 1);
        }
        ByteBuffer b = hostViews[d];
        if (b == null || hostViewAddresses[d] != address || b.capacity() != count * Values.SLOT) {
            b = rt.abi.view(address, count * Values.SLOT).order(ByteOrder.LITTLE_ENDIAN);
            hostViews[d] = b;
            hostViewAddresses[d] = address;
        }
        return b;
    }

    /** The address of the buffer {@link #slots(int)} returned last at this depth. */
    long slotsAddress() {
        return slotAddresses[depth];
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

    // ------------------------------------------------------------------------- references

    int tempMark() {
        return tempCount;
    }

    void releaseTemps(int mark) {
        for (int i = mark; i < tempCount; i++) {
            rt.abi.nsw_context_ref_release(ctx, temps[i]);
        }
        tempCount = mark;
    }

    private long temp(long refId) {
        if (tempCount == temps.length) {
            temps = java.util.Arrays.copyOf(temps, tempCount * 2);
        }
        temps[tempCount++] = refId;
        return refId;
    }

    long funcRefId(Func func) {
        if (func == null) {
            return 0;
        }
        FuncImpl f = owned(func, FuncImpl.class, "function");
        try (Scratch s = rt.scratch()) {
            rt.check(rt.abi.nsw_context_funcref_new(ctx, f.handle, s.out(0)));
            return temp(s.outLong(0));
        }
    }

    long externRefId(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof OpaqueRefImpl opaque) {
            return opaque.refId(this);
        }
        Long objectId = objectIds.get(value);
        if (objectId == null) {
            objectId = ++nextObjectId;
            objects.put(objectId, value);
            objectIds.put(value, objectId);
        }
        try (Scratch s = rt.scratch()) {
            rt.check(rt.abi.nsw_context_externref_new(ctx, objectId, s.out(0)));
            return temp(s.outLong(0));
        }
    }

    FuncImpl funcOfRef(long refId) {
        if (refId == 0) {
            return null;
        }
        try (Scratch s = rt.scratch()) {
            rt.check(rt.abi.nsw_context_funcref_get(ctx, refId, s.out(0)));
            return new FuncImpl(this, ownExtern(s.outLong(0)));
        } finally {
            rt.abi.nsw_context_ref_release(ctx, refId);
        }
    }

    Object objectOfRef(long refId) {
        if (refId == 0) {
            return null;
        }
        boolean keep = false;
        try (Scratch s = rt.scratch()) {
            rt.check(rt.abi.nsw_context_externref_host_id(ctx, refId, s.out(0)));
            long hostId = s.outLong(0);
            if (hostId == HOST_ID_NONE) {
                // Wasm's own reference: the id stays registered (until the store closes) so that
                // the OpaqueRef can go back into wasm.
                keep = true;
                return new OpaqueRefImpl(this, refId);
            }
            return objects.get(hostId);
        } finally {
            if (!keep) {
                rt.abi.nsw_context_ref_release(ctx, refId);
            }
        }
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
    public void setLimits(StoreLimits limits) {
        Objects.requireNonNull(limits, "limits");
        enter();
        try {
            rt.check(rt.abi.nsw_store_limits_set(state.handle, limits.memoryBytes(), limits.tableElements(),
                    limits.instances(), limits.tables(), limits.memories()));
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
        int mark = tempMark();
        try (Scratch s = rt.scratch()) {
            ByteBuffer slot = slots(1);
            Values.write(this, slot, 0, initial);
            rt.check(rt.abi.nsw_global_new(ctx, (byte) initial.type().code(), mutable, slotsAddress(), s.out(0)));
            return new GlobalImpl(this, ownExtern(s.outLong(0)));
        } finally {
            releaseTemps(mark);
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
            throw new IllegalArgumentException("a table of " + element + " cannot be filled with a " + initial.type());
        }
        enter();
        int mark = tempMark();
        try (Scratch s = rt.scratch()) {
            ByteBuffer slot = slots(1);
            Values.write(this, slot, 0, initial);
            rt.check(rt.abi.nsw_table_new(ctx, (byte) element.code(), minimum, maximum.isPresent(),
                    maximum.orElse(0), slotsAddress(), s.out(0)));
            return new TableImpl(this, ownExtern(s.outLong(0)));
        } finally {
            releaseTemps(mark);
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
        byte[] params = Types.codes(type.params());
        byte[] results = Types.codes(type.results());
        enter();
        try (Scratch s = rt.scratch()) {
            long env = rt.hostCalls.register("host function", type, function);
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
        Thread me = Thread.currentThread();
        if (owner == me) {
            throw new IllegalStateException("a store cannot be closed from inside a call into it (a host "
                    + "function): close it once the call returned");
        }
        if (!OWNER.compareAndSet(this, null, me)) {
            throw busy();
        }
        try {
            state.free(); // once: it does nothing when already freed
        } finally {
            owner = null;
        }
    }

    @Override
    public String toString() {
        return "Store[" + id + (state.freed ? ", closed" : "") + "]";
    }
}
