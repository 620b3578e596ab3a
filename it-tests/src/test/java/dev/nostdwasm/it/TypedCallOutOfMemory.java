package dev.nostdwasm.it;

import dev.nostdwasm.api.Engine;
import dev.nostdwasm.api.EngineConfig;
import dev.nostdwasm.api.Func;
import dev.nostdwasm.api.NoStdRuntime;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.Store;
import dev.nostdwasm.api.WasmModule;
import dev.nostdwasm.it.support.Artifacts;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The forked JVM of {@link TypedCallOutOfMemorySuite}, run with a small {@code
 * -XX:MaxDirectMemorySize}: fills the direct memory, so that the first typed call into a new store
 * fails with {@code OutOfMemoryError} while it makes the store's slot buffer (after it entered
 * the store), then lets the memory go and has another thread call and close that store. Prints
 * {@code typed call: <what it threw>}, then {@code other thread: add(2, 3) = 5, closed} or what the
 * other thread got instead; exits 0, or 1 after printing any other failure.
 *
 * <p>Usage: {@code TypedCallOutOfMemory <provider> <profile>}, with {@code nostdwasm.it.artifacts} set.
 */
public final class TypedCallOutOfMemory {
    /** From large to single bytes, so that no direct memory at all is left. */
    private static final int[] HOG_SIZES = {1 << 20, 4096, 64, 1};

    private TypedCallOutOfMemory() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: TypedCallOutOfMemory <provider> <profile>");
            System.exit(2);
        }
        Profile profile = Profile.fromCliName(args[1]);
        try (Engine engine = NoStdRuntime.load(args[0]).newEngine(EngineConfig.of(profile).allowUnsignedArtifacts());
                WasmModule module = engine.load(Artifacts.bytes("add", profile))) {
            Store store = engine.newStore();
            Func add = engine.newLinker().instantiate(store, module).func("add");
            List<ByteBuffer> hog = new ArrayList<>();
            for (int size : HOG_SIZES) {
                try {
                    while (true) {
                        hog.add(ByteBuffer.allocateDirect(size));
                    }
                } catch (OutOfMemoryError full) {
                    // the next, smaller size fills what is left
                }
            }
            String thrown;
            try {
                thrown = "returned " + add.callI32(2, 3);
            } catch (OutOfMemoryError e) {
                thrown = "OutOfMemoryError";
            }
            hog.clear(); // the next direct allocation collects the buffers and waits for their release
            System.out.println("typed call: " + thrown);

            AtomicReference<String> other = new AtomicReference<>();
            Thread thread = new Thread(() -> {
                try {
                    int sum = add.callI32(2, 3);
                    store.close();
                    other.set("add(2, 3) = " + sum + ", closed");
                } catch (RuntimeException e) {
                    other.set(e.toString());
                }
            }, "other");
            thread.start();
            thread.join();
            System.out.println("other thread: " + other.get());
        } catch (Throwable t) {
            t.printStackTrace(System.out);
            System.exit(1);
        }
    }
}
