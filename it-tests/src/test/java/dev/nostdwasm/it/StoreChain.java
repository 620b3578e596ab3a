package dev.nostdwasm.it;

import dev.nostdwasm.api.Engine;
import dev.nostdwasm.api.EngineConfig;
import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.Func;
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
import java.util.concurrent.atomic.AtomicReference;

/**
 * The forked JVM of {@link NestedStoresSuite}: a chain of {@value #STORES} stores (chain_link.wat),
 * each recursing nearly as deep as its wasm stack limit allows and then calling, through a host
 * function, into the next store, on a thread of 1 MiB. Prints one line saying how the chain ended
 * ({@code chain: STACK_OVERFLOW in store <k> of <n>} or {@code chain: completed <n> stores}), then
 * {@code chain again at depth 10: <n>} once the same stores were used again shallowly; exits 0,
 * or 1 after printing any other failure.
 *
 * <p>Usage: {@code StoreChain <provider> <profile>}, with {@code nostdwasm.it.artifacts} set.
 */
public final class StoreChain {
    static final int STORES = 12;
    static final long THREAD_STACK = 1 << 20;
    private static final ExternType.Func TO_I32 = new ExternType.Func(List.of(), List.of(ValType.I32));

    private final List<Func> dives = new ArrayList<>();
    private int depth;
    /** How many stores the running chain has entered. */
    private int entered;

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: StoreChain <provider> <profile>");
            System.exit(2);
        }
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                run(args[0], Profile.fromCliName(args[1]));
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "store-chain", THREAD_STACK);
        thread.start();
        thread.join();
        if (failure.get() != null) {
            failure.get().printStackTrace(System.out);
            System.exit(1);
        }
    }

    private static void run(String provider, Profile profile) {
        NoStdRuntime runtime = NoStdRuntime.load(provider);
        try (Engine engine = runtime.newEngine(EngineConfig.of(profile).allowUnsignedArtifacts());
                WasmModule module = engine.load(Artifacts.bytes("chain_link", profile))) {
            StoreChain chain = new StoreChain();
            List<Store> stores = new ArrayList<>();
            List<Linker> linkers = new ArrayList<>();
            try {
                for (int i = 0; i < STORES; i++) {
                    int next = i + 1;
                    Store store = engine.newStore();
                    Linker linker = engine.newLinker();
                    stores.add(store);
                    linkers.add(linker);
                    linker.define("host", "next", TO_I32, (caller, params) -> new Val[] {Val.i32(chain.next(next))});
                    chain.dives.add(linker.instantiate(store, module).func("dive"));
                }
                int depth = chain.deepestSingleStore() * 9 / 10;
                System.out.println("chain: " + STORES + " stores, each " + depth + " frames deep, on " + profile.cliName());
                System.out.println(chain.outcome(depth));
                System.out.println("chain again at depth 10: " + chain.run(10));
            } finally {
                stores.forEach(Store::close);
                linkers.forEach(Linker::close);
            }
        }
    }

    /** Runs the chain from the first store, each store diving {@code depth} frames deep; returns how many stores it went through. */
    private int run(int depth) {
        this.depth = depth;
        entered = 0;
        return enter(0);
    }

    /** What host.next of the store before {@code index} does: dives into store {@code index}, or ends the chain. */
    private int next(int index) {
        return index == dives.size() ? 0 : enter(index);
    }

    private int enter(int index) {
        entered = index + 1;
        return 1 + dives.get(index).callI32(depth);
    }

    /** The deepest dive one store survives, with host.next returning at once (found by bisection). */
    private int deepestSingleStore() {
        Func last = dives.get(STORES - 1);
        int ok = 0;
        int tooDeep = 1 << 22;
        while (tooDeep - ok > 1) {
            int mid = (ok + tooDeep) >>> 1;
            try {
                last.callI32(mid);
                ok = mid;
            } catch (WasmTrapException e) {
                if (e.trapCode() != TrapCode.STACK_OVERFLOW) {
                    throw e;
                }
                tooDeep = mid;
            }
        }
        return ok;
    }

    private String outcome(int depth) {
        try {
            return "chain: completed " + run(depth) + " stores";
        } catch (WasmTrapException e) {
            WasmTrapException innermost = e;
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof WasmTrapException trap) {
                    innermost = trap;
                }
            }
            if (innermost.trapCode() != TrapCode.STACK_OVERFLOW) {
                throw e;
            }
            return "chain: STACK_OVERFLOW in store " + entered + " of " + STORES;
        }
    }
}
