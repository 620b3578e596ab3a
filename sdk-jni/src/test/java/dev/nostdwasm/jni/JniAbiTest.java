package dev.nostdwasm.jni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nostdwasm.api.spi.NativeAbi;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Calls the real natives through the glue: the x86_64 build tree's libnsw_jni, platform shim and
 * embedding (paths from the {@code nsw.native.*} system properties; skipped when not built).
 * {@link CheckJniTest} runs these same methods again in a child JVM and fails on any warning of
 * {@code -Xcheck:jni}.
 */
class JniAbiTest {

    static final int PROFILE_PULLEY = 2;
    static final int ERROR_ARTIFACT_CORRUPT = 2;
    static final int ERROR_HOST = 6;
    static final int VAL_I32 = 0;
    static final int SLOT = 16; // sizeof(nsw_val_raw_t)

    static NativeAbi abi;
    static Path artifacts;

    /** The one Upcalls of this process: host.multiply, or a failure when {@link #failHost} is set. */
    static final class Recorder implements NativeAbi.Upcalls {
        final List<Long> finalized = new CopyOnWriteArrayList<>();
        volatile boolean failHost;

        @Override
        public long hostCall(long env, long caller, long storeId, long slots, long slotsLen) {
            if (failHost) {
                throw new IllegalStateException("host function " + env + " refuses");
            }
            if (storeId != abi.nsw_context_store_id(caller)) {
                throw new IllegalStateException("the stub passed store id " + storeId + " for a caller of store "
                        + abi.nsw_context_store_id(caller));
            }
            ByteBuffer s = abi.view(slots, slotsLen * SLOT).order(ByteOrder.nativeOrder());
            s.putInt(0, s.getInt(0) * s.getInt(SLOT));
            return 0;
        }

        @Override
        public void finalize(long env) {
            finalized.add(env);
        }
    }

    static final Recorder UPCALLS = new Recorder();

    private final Arena arena = new Arena();
    private long engine;

    @BeforeAll
    static void load() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "Linux only");
        assumeTrue(System.getProperty("os.arch").equals("amd64"), "the pom points at the x86_64 natives");
        Path glue = built("nsw.native.glue");
        Path shim = built("nsw.native.shim");
        Path embedding = built("nsw.native.embedding");
        artifacts = embedding.resolveSibling("artifacts");
        abi = JniAbi.load(glue, shim, embedding);
        // Loading again is a no-op that gives the same binding.
        assertTrue(abi == JniAbi.load(glue, shim, embedding));
    }

    private static Path built(String property) {
        String value = System.getProperty(property);
        assumeTrue(value != null && Files.isRegularFile(Path.of(value)), property + " not built: " + value);
        return Path.of(value);
    }

    @BeforeEach
    void engine() {
        UPCALLS.finalized.clear();
        long out = arena.alloc(8);
        assertEquals(0, abi.nsw_engine_new(PROFILE_PULLEY, false, false, 0, out));
        engine = arena.getLong(out);
        assertNotEquals(0, engine);
    }

    @AfterEach
    void deleteEngine() {
        abi.nsw_engine_delete(engine);
    }

    @Test
    void abiVersionIsTheOneTheseClassesNeed() {
        assertEquals(dev.nostdwasm.api.spi.NativeRuntimes.ABI_VERSION, abi.nsw_abi_version());
    }

    @Test
    void wasmtimeVersionThroughOutPointers() {
        long ptr = arena.alloc(8);
        long len = arena.alloc(8);
        abi.nsw_wasmtime_version(ptr, len);
        String version = arena.string(arena.getLong(ptr), arena.getLong(len));
        assertTrue(version.matches("\\d+\\.\\d+\\.\\d+.*"), version);
    }

    @Test
    void engineSettingsReadBack() {
        long profile = arena.alloc(4);
        long target = arena.alloc(4);
        long fuel = arena.alloc(1);
        long epoch = arena.alloc(1);
        assertEquals(0, abi.nsw_engine_settings(engine, profile, target, fuel, epoch));
        assertEquals(PROFILE_PULLEY, arena.getInt(profile));
        assertEquals(2, arena.getInt(target)); // pulley64
        assertEquals(0, arena.getByte(fuel));
        assertEquals(0, arena.getByte(epoch));
    }

    @Test
    void garbageIsACorruptArtifact() {
        byte[] garbage = "certainly not an artifact".getBytes(StandardCharsets.UTF_8);
        long bytes = arena.put(garbage);
        long out = arena.alloc(8);
        long error = abi.nsw_module_new(engine, bytes, garbage.length, out);
        assertNotEquals(0, error);
        try {
            assertEquals(ERROR_ARTIFACT_CORRUPT, abi.nsw_error_kind(error));
            assertTrue(!message(error).isEmpty());
            assertEquals(0, abi.nsw_error_kind(0)); // NULL has no kind
        } finally {
            abi.nsw_error_delete(error);
        }
    }

    @Test
    void deletingTheLinkerRunsTheFinalizerUpcall() {
        long linker = linkerWithMultiply(42);
        assertTrue(UPCALLS.finalized.isEmpty(), "finalized too early: " + UPCALLS.finalized);
        abi.nsw_linker_delete(linker);
        assertEquals(List.of(42L), UPCALLS.finalized);
    }

    @Test
    void wasmCallsTheHostFunctionUpcall() throws IOException {
        try (Session s = new Session(linkerWithMultiply(7))) {
            long slots = arena.alloc(3 * SLOT);
            arena.putInt(slots, 2);
            arena.putInt(slots + SLOT, 3);
            arena.putInt(slots + 2 * SLOT, 4);
            assertEquals(0, abi.nsw_func_call(s.ctx, s.func, slots, 3));
            assertEquals(10, arena.getInt(slots)); // 2 * 3 (by the host) + 4
        }
        assertEquals(List.of(7L), UPCALLS.finalized);
    }

    @Test
    void aThrowingUpcallBecomesAHostError() throws IOException {
        try (Session s = new Session(linkerWithMultiply(9))) {
            long slots = arena.alloc(3 * SLOT);
            UPCALLS.failHost = true;
            long error;
            try {
                error = abi.nsw_func_call(s.ctx, s.func, slots, 3);
            } finally {
                UPCALLS.failHost = false;
            }
            assertNotEquals(0, error);
            String message = message(error);
            int kind = abi.nsw_error_kind(error);
            abi.nsw_error_delete(error);
            assertEquals(ERROR_HOST, kind, message);
            assertTrue(message.contains("host function upcall failed") && message.contains("host function 9 refuses"),
                    message);
        }
    }

    @Test
    void addressRefusesHeapBuffers() {
        assertThrows(IllegalArgumentException.class, () -> abi.address(ByteBuffer.allocate(8)));
        ByteBuffer direct = ByteBuffer.allocateDirect(8);
        direct.position(4);
        assertEquals(abi.address(direct), abi.address(direct.position(0))); // element 0, whatever the position
    }

    // ---------------------------------------------------------------- helpers

    private long linkerWithMultiply(long env) {
        long out = arena.alloc(8);
        assertEquals(0, abi.nsw_linker_new(engine, out));
        long linker = arena.getLong(out);
        long module = arena.put("host".getBytes(StandardCharsets.UTF_8));
        long name = arena.put("multiply".getBytes(StandardCharsets.UTF_8));
        long params = arena.put(new byte[] {VAL_I32, VAL_I32});
        long results = arena.put(new byte[] {VAL_I32});
        long error = abi.nsw_linker_define_func(linker, module, 4, name, 8, params, 2, results, 1,
                abi.hostCallbackStub(UPCALLS), env, abi.finalizerStub(UPCALLS));
        assertEquals(0, error, () -> message(error));
        return linker;
    }

    /** host_fn.wat instantiated with the linker (deleted at once), and its export add_and_mul. */
    private final class Session implements AutoCloseable {
        final long module;
        final long store;
        final long ctx;
        final long instance;
        final long func;

        Session(long linker) throws IOException {
            byte[] artifact = Files.readAllBytes(artifacts.resolve("host_fn.pulley.pulley64.cwasm"));
            long out = arena.alloc(8);
            check(abi.nsw_module_new(engine, arena.put(artifact), artifact.length, out));
            module = arena.getLong(out);
            check(abi.nsw_store_new(engine, out));
            store = arena.getLong(out);
            ctx = abi.nsw_store_context(store);
            check(abi.nsw_linker_instantiate(linker, ctx, module, out));
            instance = arena.getLong(out);
            abi.nsw_linker_delete(linker); // the store keeps the host function alive
            check(abi.nsw_instance_export_get(ctx, instance, arena.put("add_and_mul".getBytes(StandardCharsets.UTF_8)),
                    11, out));
            func = arena.getLong(out);
        }

        @Override
        public void close() {
            abi.nsw_extern_delete(func);
            abi.nsw_instance_delete(instance);
            abi.nsw_store_delete(store);
            abi.nsw_module_delete(module);
        }
    }

    private void check(long error) {
        if (error != 0) {
            String message = message(error);
            abi.nsw_error_delete(error);
            throw new AssertionError("nsw error: " + message);
        }
    }

    private String message(long error) {
        long ptr = arena.alloc(8);
        long len = arena.alloc(8);
        abi.nsw_error_message(error, ptr, len);
        return arena.string(arena.getLong(ptr), arena.getLong(len));
    }

    /** Native scratch memory in direct buffers, kept reachable for the whole test. */
    static final class Arena {
        private final List<ByteBuffer> buffers = new CopyOnWriteArrayList<>();

        long alloc(int size) {
            ByteBuffer b = ByteBuffer.allocateDirect(Math.max(size, 1)).order(ByteOrder.nativeOrder());
            buffers.add(b);
            return abi.address(b);
        }

        long put(byte[] bytes) {
            long address = alloc(bytes.length);
            abi.view(address, bytes.length).put(0, bytes);
            return address;
        }

        long getLong(long address) {
            return abi.view(address, 8).order(ByteOrder.nativeOrder()).getLong(0);
        }

        int getInt(long address) {
            return abi.view(address, 4).order(ByteOrder.nativeOrder()).getInt(0);
        }

        byte getByte(long address) {
            return abi.view(address, 1).get(0);
        }

        void putInt(long address, int value) {
            abi.view(address, 4).order(ByteOrder.nativeOrder()).putInt(0, value);
        }

        String string(long address, long length) {
            byte[] bytes = new byte[Math.toIntExact(length)];
            if (length > 0) {
                abi.view(address, length).get(0, bytes);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
