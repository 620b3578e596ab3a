package dev.nostdwasm.ffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nostdwasm.api.abi.NativeAbi;
import dev.nostdwasm.api.spi.NativeRuntimes;
import dev.nostdwasm.api.abi.NswConstants;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The FFM-specific part of {@link FfmAbi} (upcall stubs) against the real embedding, loaded by
 * {@link FfmNatives} as the provider loads it; the C functions themselves are covered by
 * {@link FfmNativeAbiTest}. Own JVM (surefire {@code reuseForks=false}): loading binds the
 * downcalls.
 */
class FfmAbiTest {

    private static final int SLOT = NswConstants.SIZEOF_NSW_VAL_RAW_T;
    private static final long MULTIPLY = 1;
    private static final long THROW = 2;

    private static NativeAbi abi;
    private static Path artifacts;

    /** Host functions: env 1 multiplies its two i32 parameters, env 2 throws. */
    private static final class TestUpcalls implements NativeAbi.Upcalls {
        final List<Long> finalized = new CopyOnWriteArrayList<>();

        @Override
        public long hostCall(long env, long caller, long storeId, long slots, long slotsLen) {
            if (env == THROW) {
                throw new IllegalStateException("boom from the host");
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

    @BeforeAll
    static void load() {
        NativeRuntimes.Libraries libraries = BuiltNatives.libraries();
        artifacts = libraries.embedding().resolveSibling("artifacts");
        abi = FfmNatives.load(libraries);
        assertSame(abi, FfmNatives.load(libraries), "a second load reuses the first");
    }

    @Test
    void upcallStubsAreMadeOncePerUpcalls() {
        TestUpcalls upcalls = new TestUpcalls();
        assertEquals(abi.hostCallbackStub(upcalls), abi.hostCallbackStub(upcalls));
        assertEquals(abi.finalizerStub(upcalls), abi.finalizerStub(upcalls));
        assertNotEquals(abi.hostCallbackStub(upcalls), abi.finalizerStub(upcalls));
    }

    @Test
    void theFinalizerRunsWhenTheLinkerIsDeleted() {
        TestUpcalls upcalls = new TestUpcalls();
        long engine = pulleyEngine();
        long linker = linker(engine);
        define(linker, upcalls, 77);
        assertEquals(List.of(), upcalls.finalized);
        abi.nsw_linker_delete(linker);
        assertEquals(List.of(77L), upcalls.finalized, "no store used the function: it goes with the linker");
        abi.nsw_engine_delete(engine);
    }

    @Test
    void aHostFunctionRunsThroughTheUpcall() throws Exception {
        TestUpcalls upcalls = new TestUpcalls();
        Instantiated it = instantiateHostFn(upcalls, MULTIPLY);
        ByteBuffer slots = direct(3 * SLOT);
        slots.putInt(0, 2).putInt(SLOT, 3).putInt(2 * SLOT, 4);
        ok(abi.nsw_func_call(it.ctx, it.func, abi.address(slots), 3));
        assertEquals(10, slots.getInt(0), "add_and_mul(2, 3, 4) = 2 * 3 + 4, the product by the host");
        it.close();
        assertEquals(List.of(MULTIPLY), upcalls.finalized, "finalized once the linker and the store are gone");
    }

    @Test
    void aThrowingHostFunctionBecomesAHostError() throws Exception {
        TestUpcalls upcalls = new TestUpcalls();
        Instantiated it = instantiateHostFn(upcalls, THROW);
        ByteBuffer slots = direct(3 * SLOT);
        long error = abi.nsw_func_call(it.ctx, it.func, abi.address(slots), 3);
        assertNotEquals(0, error, "the exception was lost");
        String message = message(error);
        assertTrue(message.contains("boom from the host"), message);
        abi.nsw_error_delete(error);
        it.close();
    }

    // ------------------------------------------------------------------ helpers

    private record Instantiated(long engine, long module, long linker, long store, long ctx, long instance,
            long func) {
        void close() {
            abi.nsw_extern_delete(func);
            abi.nsw_instance_delete(instance);
            abi.nsw_store_delete(store);
            abi.nsw_linker_delete(linker);
            abi.nsw_module_delete(module);
            abi.nsw_engine_delete(engine);
        }
    }

    /** host_fn.wat: imports host.multiply (i32 i32) -> i32, exports add_and_mul (i32 i32 i32) -> i32. */
    private static Instantiated instantiateHostFn(NativeAbi.Upcalls upcalls, long env) throws Exception {
        Path artifact = artifacts.resolve("host_fn.pulley.pulley64.cwasm");
        assumeTrue(Files.isRegularFile(artifact), "no artifact " + artifact);
        byte[] bytes = Files.readAllBytes(artifact);
        ByteBuffer code = direct(bytes.length).put(0, bytes);
        ByteBuffer out = direct(8);
        long engine = pulleyEngine();
        ok(abi.nsw_module_new(engine, abi.address(code), bytes.length, abi.address(out)));
        long module = out.getLong(0);
        long linker = linker(engine);
        define(linker, upcalls, env);
        ok(abi.nsw_store_new(engine, abi.address(out)));
        long store = out.getLong(0);
        long ctx = abi.nsw_store_context(store);
        ok(abi.nsw_linker_instantiate(linker, ctx, module, abi.address(out)));
        long instance = out.getLong(0);
        ByteBuffer name = utf8("add_and_mul");
        ok(abi.nsw_instance_export_get(ctx, instance, abi.address(name), name.capacity(), abi.address(out)));
        return new Instantiated(engine, module, linker, store, ctx, instance, out.getLong(0));
    }

    private static void define(long linker, NativeAbi.Upcalls upcalls, long env) {
        ByteBuffer module = utf8("host");
        ByteBuffer name = utf8("multiply");
        ByteBuffer i32s = direct(2).put(0, (byte) NswConstants.NSW_VAL_I32).put(1, (byte) NswConstants.NSW_VAL_I32);
        ok(abi.nsw_linker_define_func(linker, abi.address(module), module.capacity(), abi.address(name),
                name.capacity(), abi.address(i32s), 2, abi.address(i32s), 1, abi.hostCallbackStub(upcalls), env,
                abi.finalizerStub(upcalls)));
    }

    private static long pulleyEngine() {
        ByteBuffer out = direct(8);
        ok(abi.nsw_engine_new(NswConstants.NSW_PROFILE_PULLEY, false, false, 0, abi.address(out)));
        return out.getLong(0);
    }

    private static long linker(long engine) {
        ByteBuffer out = direct(8);
        ok(abi.nsw_linker_new(engine, abi.address(out)));
        return out.getLong(0);
    }

    private static ByteBuffer direct(int size) {
        return ByteBuffer.allocateDirect(size).order(ByteOrder.nativeOrder());
    }

    private static ByteBuffer utf8(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        return direct(bytes.length).put(0, bytes);
    }

    private static String string(long address, long length) {
        ByteBuffer view = abi.view(address, length);
        byte[] bytes = new byte[(int) length];
        view.get(0, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String message(long error) {
        ByteBuffer out = direct(16);
        abi.nsw_error_message(error, abi.address(out), abi.address(out) + 8);
        return string(out.getLong(0), out.getLong(8));
    }

    private static void ok(long error) {
        if (error != 0) {
            String message = message(error);
            int kind = abi.nsw_error_kind(error);
            abi.nsw_error_delete(error);
            throw new AssertionError("nsw error kind " + kind + ": " + message);
        }
    }
}
