package dev.nostdwasm.it.signals;

import dev.nostdwasm.api.Engine;
import dev.nostdwasm.api.EngineConfig;
import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.Func;
import dev.nostdwasm.api.Instance;
import dev.nostdwasm.api.Linker;
import dev.nostdwasm.api.WasmModule;
import dev.nostdwasm.api.NoStdRuntime;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.Store;
import dev.nostdwasm.api.TrapCode;
import dev.nostdwasm.api.Val;
import dev.nostdwasm.api.ValType;
import dev.nostdwasm.api.WasmTrapException;
import dev.nostdwasm.it.support.Artifacts;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The JVM's own fault signals and wasm traps at the same time, in one process (run in a forked JVM
 * by {@link SignalChainingTest}). On a {@code native-signals} engine, wasm out-of-bounds accesses
 * are SIGSEGV and wasm division by zero is SIGILL (Cranelift checks the divisor and executes a trap
 * instruction; measured on x86_64 with strace), caught by the platform shim's handler. HotSpot takes
 * SIGSEGV for implicit null checks (interpreter, C1, and C2 until it has seen the trap), stack
 * guard pages and safepoint polls, and SIGFPE (x86_64) for integer division by zero in the
 * interpreter and C1 code. The shim must hand every fault that is not wasm's to HotSpot, with and
 * without {@code libjsig}.
 *
 * <p>Threads, all started together behind one gate, each doing a fixed amount of work:
 * <ul>
 *   <li>{@value #WASM_THREADS} wasm threads (own store and instance): {@value #WASM_ROUNDS} rounds of
 *       an out-of-bounds load ({@code MEMORY_OUT_OF_BOUNDS}) and a division by zero
 *       ({@code INTEGER_DIVISION_BY_ZERO}), and a store/load that must work in between;
 *   <li>{@value #HOST_THREADS} wasm thread(s) calling {@value #HOST_CALLS} times into a host
 *       function that takes {@value #HOST_NPES_PER_CALL} NullPointerExceptions each: JVM faults on
 *       a thread that is inside wasm, which Wasmtime must decline and the shim must chain;
 *   <li>{@value #NPE_THREADS} Java threads, {@value #NPE_ITERATIONS} null-field dereferences each;
 *   <li>{@value #ARITH_THREADS} Java threads, {@value #ARITH_ITERATIONS} integer divisions by zero each;
 *   <li>{@value #AIOOBE_THREADS} Java thread(s), {@value #AIOOBE_ITERATIONS} array index out of bounds each;
 *   <li>{@value #SOE_THREADS} Java thread(s) overflowing the stack {@value #SOE_ROUNDS} times (HotSpot's
 *       stack guard pages), and {@value #HOST_SOE_THREADS} wasm thread(s) doing so in {@value #HOST_SOE_CALLS}
 *       host calls;
 *   <li>one thread calling {@code System.gc()} {@value #GCS} times (safepoints while the others run).
 * </ul>
 *
 * <p>Arguments: the provider ({@code ffm} or {@code jni}). System property
 * {@code nostdwasm.it.artifacts}: the precompiled test modules. Prints one line
 * {@code signals: <w> wasm traps, <n> NPEs, <a> ArithmeticExceptions in <t> threads} and exits
 * 0 when every count is exactly the expected one, 1 otherwise (also when the provider has no
 * {@code native-signals} profile here: then there is nothing to test, which is a failure).
 */
public final class SignalStress {
    static final int WASM_THREADS = 3;
    static final int WASM_ROUNDS = 2_000;
    static final int HOST_THREADS = 1;
    static final int HOST_CALLS = 100;
    static final int HOST_NPES_PER_CALL = 2_000;
    static final int NPE_THREADS = 3;
    static final int NPE_ITERATIONS = 300_000;
    static final int ARITH_THREADS = 2;
    static final int ARITH_ITERATIONS = 200_000;
    static final int AIOOBE_THREADS = 1;
    static final int AIOOBE_ITERATIONS = 100_000;
    static final int GCS = 20;
    static final int SOE_THREADS = 1;
    static final int SOE_ROUNDS = 50;
    static final int HOST_SOE_THREADS = 1;
    static final int HOST_SOE_CALLS = 20;

    static final int THREADS = WASM_THREADS + HOST_THREADS + NPE_THREADS + ARITH_THREADS + AIOOBE_THREADS + 1
            + SOE_THREADS + HOST_SOE_THREADS;
    static final long EXPECTED_WASM_TRAPS = 2L * WASM_THREADS * WASM_ROUNDS;
    static final long EXPECTED_NPES = (long) NPE_THREADS * NPE_ITERATIONS + (long) HOST_THREADS * HOST_CALLS * HOST_NPES_PER_CALL;
    static final long EXPECTED_ARITH = (long) ARITH_THREADS * ARITH_ITERATIONS;
    static final long EXPECTED_AIOOBE = (long) AIOOBE_THREADS * AIOOBE_ITERATIONS;
    static final long EXPECTED_SOE = (long) SOE_THREADS * SOE_ROUNDS + (long) HOST_SOE_THREADS * HOST_SOE_CALLS;

    static final String MODULE = "signals";

    /** A holder whose {@code child} is null: {@code holder.child.value} is a null-field dereference. */
    static final class Node {
        Node child;
        int value = 1;
    }

    // Non-final statics so the JIT cannot fold them away.
    static Node root = new Node();
    static int zero = 0;
    static int[] array = new int[8];

    private final AtomicLong wasmTraps = new AtomicLong();
    private final AtomicLong npes = new AtomicLong();
    private final AtomicLong arith = new AtomicLong();
    private final AtomicLong aioobes = new AtomicLong();
    private final AtomicLong gcs = new AtomicLong();
    private final AtomicLong soes = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final CountDownLatch gate = new CountDownLatch(1);

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: SignalStress <provider>");
            System.exit(2);
        }
        System.exit(new SignalStress().run(args[0]));
    }

    int run(String provider) throws Exception {
        NoStdRuntime runtime = NoStdRuntime.load(provider);
        System.out.println("signals: provider " + runtime.provider() + " on Java " + Runtime.version()
                + ", profiles " + runtime.profiles());
        if (!runtime.profiles().contains(Profile.NATIVE_SIGNALS)) {
            System.out.println("signals: provider " + provider + " has no native-signals profile here"
                    + " (profiles " + runtime.profiles() + "), so nothing here takes wasm traps as signals");
            return 1;
        }
        long started = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        try (Engine engine = runtime.newEngine(EngineConfig.of(Profile.NATIVE_SIGNALS).allowUnsignedArtifacts());
                WasmModule module = engine.load(Artifacts.bytes(MODULE, Profile.NATIVE_SIGNALS))) {
            for (int i = 0; i < WASM_THREADS; i++) {
                threads.add(thread("wasm-" + i, () -> wasmTraps(engine, module)));
            }
            for (int i = 0; i < HOST_THREADS; i++) {
                threads.add(thread("wasm-host-" + i, () -> hostCalls(engine, module)));
            }
            for (int i = 0; i < NPE_THREADS; i++) {
                threads.add(thread("npe-" + i, () -> npes.addAndGet(nullDereferences(NPE_ITERATIONS))));
            }
            for (int i = 0; i < ARITH_THREADS; i++) {
                threads.add(thread("arith-" + i, () -> arith.addAndGet(divisionsByZero(ARITH_ITERATIONS))));
            }
            for (int i = 0; i < AIOOBE_THREADS; i++) {
                threads.add(thread("aioobe-" + i, () -> aioobes.addAndGet(indexOutOfBounds(AIOOBE_ITERATIONS))));
            }
            for (int i = 0; i < SOE_THREADS; i++) {
                threads.add(thread("soe-" + i, () -> {
                    for (int round = 0; round < SOE_ROUNDS; round++) {
                        soes.addAndGet(overflowStack());
                    }
                }));
            }
            for (int i = 0; i < HOST_SOE_THREADS; i++) {
                threads.add(thread("wasm-host-soe-" + i, () -> hostStackOverflows(engine, module)));
            }
            threads.add(thread("gc", () -> {
                for (int i = 0; i < GCS; i++) {
                    System.gc();
                    gcs.incrementAndGet();
                }
            }));
            gate.countDown();
            for (Thread t : threads) {
                t.join();
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("signals: detail " + aioobes.get() + " ArrayIndexOutOfBoundsExceptions, " + gcs.get()
                + " GCs, " + soes.get() + " StackOverflowErrors, " + millis + " ms (expected " + EXPECTED_WASM_TRAPS + " wasm traps, " + EXPECTED_NPES
                + " NPEs, " + EXPECTED_ARITH + " ArithmeticExceptions, " + EXPECTED_AIOOBE + " AIOOBEs, " + EXPECTED_SOE + " StackOverflowErrors)");
        System.out.println("signals: " + wasmTraps.get() + " wasm traps, " + npes.get() + " NPEs, " + arith.get()
                + " ArithmeticExceptions in " + threads.size() + " threads");
        boolean ok = failure.get() == null
                && wasmTraps.get() == EXPECTED_WASM_TRAPS
                && npes.get() == EXPECTED_NPES
                && arith.get() == EXPECTED_ARITH
                && aioobes.get() == EXPECTED_AIOOBE
                && gcs.get() == GCS
                && soes.get() == EXPECTED_SOE
                && threads.size() == THREADS;
        if (failure.get() != null) {
            System.out.println("signals: FAILED");
            failure.get().printStackTrace(System.out);
        } else if (!ok) {
            System.out.println("signals: FAILED, counts differ from the expected ones");
        }
        System.out.flush();
        return ok ? 0 : 1;
    }

    private interface Work {
        void run() throws Exception;
    }

    private Thread thread(String name, Work work) {
        Thread t = new Thread(() -> {
            try {
                gate.await();
                work.run();
            } catch (Throwable e) {
                failure.compareAndSet(null, new AssertionError("thread " + name + " failed", e));
            }
        }, name);
        t.start();
        return t;
    }

    private void wasmTraps(Engine engine, WasmModule module) {
        try (Store store = engine.newStore(); Linker linker = engine.newLinker()) {
            linker.define("host", "poke", i32ToI32(), (caller, args) -> {
                throw new AssertionError("poke is not called by this thread");
            });
            Instance instance = linker.instantiate(store, module);
            Func load = instance.func("load");
            Func storeFn = instance.func("store");
            Func div = instance.func("div");
            for (int round = 0; round < WASM_ROUNDS; round++) {
                expectTrap(TrapCode.MEMORY_OUT_OF_BOUNDS, () -> load.callI32(65536));
                int dividend = round;
                expectTrap(TrapCode.INTEGER_DIVISION_BY_ZERO, () -> div.callI32(dividend, 0));
                storeFn.call(Val.i32(64), Val.i32(round));
                int back = load.callI32(64);
                if (back != round) {
                    throw new AssertionError("after " + round + " rounds the store reads " + back);
                }
            }
        }
    }

    private void expectTrap(TrapCode expected, Runnable call) {
        try {
            call.run();
        } catch (WasmTrapException e) {
            if (e.trapCode() != expected) {
                throw new AssertionError("expected " + expected + ", got " + e.trapCode() + ": " + e.getMessage(), e);
            }
            wasmTraps.incrementAndGet();
            return;
        }
        throw new AssertionError("expected " + expected + ", the call returned");
    }

    private void hostCalls(Engine engine, WasmModule module) {
        try (Store store = engine.newStore(); Linker linker = engine.newLinker()) {
            linker.define("host", "poke", i32ToI32(),
                    (caller, args) -> new Val[] {Val.i32(nullDereferences(((Val.I32) args[0]).value()))});
            Instance instance = linker.instantiate(store, module);
            Func callHost = instance.func("call_host");
            for (int call = 0; call < HOST_CALLS; call++) {
                int caught = callHost.callI32(HOST_NPES_PER_CALL);
                if (caught != HOST_NPES_PER_CALL) {
                    throw new AssertionError("host call " + call + " caught " + caught + " NPEs");
                }
                npes.addAndGet(caught);
            }
        }
    }

    /** Host calls that overflow the Java stack (a thread with wasm frames below the Java ones). */
    private void hostStackOverflows(Engine engine, WasmModule module) {
        try (Store store = engine.newStore(); Linker linker = engine.newLinker()) {
            linker.define("host", "poke", i32ToI32(), (caller, args) -> new Val[] {Val.i32(overflowStack())});
            Instance instance = linker.instantiate(store, module);
            Func callHost = instance.func("call_host");
            for (int call = 0; call < HOST_SOE_CALLS; call++) {
                int caught = callHost.callI32(0);
                if (caught != 1) {
                    throw new AssertionError("host call " + call + " caught " + caught + " StackOverflowErrors");
                }
                soes.addAndGet(caught);
            }
        }
    }

    /** Recurses until the JVM throws StackOverflowError (a fault in its stack guard zone); returns 1. */
    static int overflowStack() {
        try {
            recurse(0);
        } catch (StackOverflowError e) {
            return 1;
        }
        throw new AssertionError("unbounded recursion returned");
    }

    static long recurse(long depth) {
        return recurse(depth + 1) + 1;
    }

    private static ExternType.Func i32ToI32() {
        return new ExternType.Func(List.of(ValType.I32), List.of(ValType.I32));
    }

    /** {@code n} times {@code root.child.value} with a null child; returns the NPEs caught. */
    static int nullDereferences(int n) {
        int caught = 0;
        int sum = 0;
        for (int i = 0; i < n; i++) {
            try {
                sum += readChild(root);
            } catch (NullPointerException e) {
                caught++;
            }
        }
        if (sum != 0) {
            throw new AssertionError("a null dereference returned");
        }
        return caught;
    }

    static int readChild(Node node) {
        return node.child.value;
    }

    /** {@code n} integer divisions by zero; returns the ArithmeticExceptions caught. */
    static int divisionsByZero(int n) {
        int caught = 0;
        int sum = 0;
        for (int i = 0; i < n; i++) {
            try {
                sum += divide(i, zero);
            } catch (ArithmeticException e) {
                caught++;
            }
        }
        if (sum != 0) {
            throw new AssertionError("a division by zero returned");
        }
        return caught;
    }

    static int divide(int a, int b) {
        return a / b;
    }

    /** {@code n} array reads past the end; returns the ArrayIndexOutOfBoundsExceptions caught. */
    static int indexOutOfBounds(int n) {
        int caught = 0;
        int sum = 0;
        for (int i = 0; i < n; i++) {
            try {
                sum += array[array.length + (i & 7)];
            } catch (ArrayIndexOutOfBoundsException e) {
                caught++;
            }
        }
        if (sum != 0) {
            throw new AssertionError("an out-of-bounds read returned");
        }
        return caught;
    }
}
