package dev.nostdwasm.jni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nostdwasm.api.abi.NativeAbi;
import dev.nostdwasm.api.abi.NswConstants;
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
 * The JNI-specific part of {@link JniAbi} (callback stubs, one Upcalls per process) against the
 * real natives of the build tree ({@link BuiltNatives}); the C functions themselves are covered
 * by {@link JniNativeAbiTest}.
 * {@link CheckJniTest} runs both again in a child JVM and fails on any warning of
 * {@code -Xcheck:jni}.
 */
class JniAbiTest {

    static final int SLOT = NswConstants.SIZEOF_NSW_VAL_RAW_T;

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
        Path embedding = BuiltNatives.path("nostdwasm.native.embedding");
        artifacts = embedding.resolveSibling("artifacts");
        abi = BuiltNatives.load();
        // Loading again is a no-op that gives the same binding.
        assertTrue(abi == BuiltNatives.load());
    }

    @BeforeEach
    void engine() {
        UPCALLS.finalized.clear();
        long out = arena.alloc(8);
        assertEquals(0, abi.nsw_engine_new(NswConstants.NSW_PROFILE_PULLEY, false, false, 0, out));
        engine = arena.getLong(out);
        assertNotEquals(0, engine);
    }

    @AfterEach
    void deleteEngine() {
        abi.nsw_engine_delete(engine);
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
            assertEquals(NswConstants.NSW_ERROR_HOST, kind, message);
            assertTrue(message.contains("host function upcall failed") && message.contains("host function 9 refuses"),
                    message);
        }
    }

    // ---------------------------------------------------------------- helpers

    private long linkerWithMultiply(long env) {
        long out = arena.alloc(8);
        assertEquals(0, abi.nsw_linker_new(engine, out));
        long linker = arena.getLong(out);
        long module = arena.put("host".getBytes(StandardCharsets.UTF_8));
        long name = arena.put("multiply".getBytes(StandardCharsets.UTF_8));
        long params = arena.put(new byte[] {(byte) NswConstants.NSW_VAL_I32, (byte) NswConstants.NSW_VAL_I32});
        long results = arena.put(new byte[] {(byte) NswConstants.NSW_VAL_I32});
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
