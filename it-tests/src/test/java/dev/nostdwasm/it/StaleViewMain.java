package dev.nostdwasm.it;

import dev.nostdwasm.api.Engine;
import dev.nostdwasm.api.EngineConfig;
import dev.nostdwasm.api.Memory;
import dev.nostdwasm.api.NoStdRuntime;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.Store;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.OptionalInt;

/**
 * Run in a forked JVM by {@link MemoryViewsSuite}: writes through stale views, which crashed the
 * JVM before views were revoked. Prints {@code <scenario>: revoked} for each write that threw
 * {@link IllegalStateException}; exits 0 when all did, 3 when one did not.
 *
 * <p>Arguments: provider, profile ({@code native}, ...).
 */
public final class StaleViewMain {

    static final List<String> SCENARIOS = List.of("closed", "collected", "moved");

    private StaleViewMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        NoStdRuntime runtime = NoStdRuntime.load(args[0]);
        try (Engine engine = runtime.newEngine(EngineConfig.of(Profile.fromCliName(args[1])).allowUnsignedArtifacts())) {
            boolean all = report("closed", closed(engine));
            all &= report("collected", collected(engine));
            all &= report("moved", moved(engine));
            System.exit(all ? 0 : 3);
        }
    }

    private static boolean report(String scenario, boolean revoked) {
        System.out.println(scenario + (revoked ? ": revoked" : ": NOT revoked (the write went through)"));
        return revoked;
    }

    private static boolean closed(Engine engine) {
        Store store = engine.newStore();
        ByteBuffer view = store.newMemory(1, OptionalInt.empty()).view();
        store.close();
        return writeThrows(view);
    }

    /** Only the view stays reachable: the store's cleaner frees it, and must revoke the view first. */
    private static boolean collected(Engine engine) throws InterruptedException {
        Store[] holder = {engine.newStore()};
        WeakReference<Store> gone = new WeakReference<>(holder[0]);
        ByteBuffer view = holder[0].newMemory(1, OptionalInt.empty()).view();
        holder[0] = null;
        for (int i = 0; i < 200 && gone.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        if (gone.get() != null) {
            throw new IllegalStateException("the store was not collected after 200 GCs");
        }
        // The cleaner runs on its own thread soon after: a write before that is still legal.
        for (int i = 0; i < 500; i++) {
            if (writeThrows(view)) {
                return true;
            }
            System.gc();
            Thread.sleep(10);
        }
        return false;
    }

    /** Grown by 1,000 pages: past the growth reservation of the native and pulley profiles, so it moves. */
    private static boolean moved(Engine engine) {
        try (Store store = engine.newStore()) {
            Memory memory = store.newMemory(1, OptionalInt.empty());
            ByteBuffer view = memory.view();
            memory.grow(1000);
            return writeThrows(view);
        }
    }

    private static boolean writeThrows(ByteBuffer view) {
        try {
            view.put(0, (byte) 42);
            return false;
        } catch (IllegalStateException revoked) {
            return true;
        }
    }
}
