package dev.nostdwasm.api.contract;

import static dev.nostdwasm.api.abi.NswConstants.NSW_ERROR_ARTIFACT_CORRUPT;
import static dev.nostdwasm.api.abi.NswConstants.NSW_ERROR_HOST;
import static dev.nostdwasm.api.abi.NswConstants.NSW_ERROR_INVALID_ARGUMENT;
import static dev.nostdwasm.api.abi.NswConstants.NSW_EXTERN_GLOBAL;
import static dev.nostdwasm.api.abi.NswConstants.NSW_EXTERN_MEMORY;
import static dev.nostdwasm.api.abi.NswConstants.NSW_EXTERN_TABLE;
import static dev.nostdwasm.api.abi.NswConstants.NSW_MAX_EPOCH_TICKS;
import static dev.nostdwasm.api.abi.NswConstants.NSW_PROFILE_PULLEY;
import static dev.nostdwasm.api.abi.NswConstants.NSW_VAL_FUNCREF;
import static dev.nostdwasm.api.abi.NswConstants.NSW_VAL_I64;
import static dev.nostdwasm.api.abi.NswConstants.OFFSETOF_NSW_EXTERN_TYPE_T_CONTENT;
import static dev.nostdwasm.api.abi.NswConstants.OFFSETOF_NSW_EXTERN_TYPE_T_HAS_MAXIMUM;
import static dev.nostdwasm.api.abi.NswConstants.OFFSETOF_NSW_EXTERN_TYPE_T_IS_MUTABLE;
import static dev.nostdwasm.api.abi.NswConstants.OFFSETOF_NSW_EXTERN_TYPE_T_KIND;
import static dev.nostdwasm.api.abi.NswConstants.OFFSETOF_NSW_EXTERN_TYPE_T_MAXIMUM;
import static dev.nostdwasm.api.abi.NswConstants.OFFSETOF_NSW_EXTERN_TYPE_T_MINIMUM;
import static dev.nostdwasm.api.abi.NswConstants.SIZEOF_NSW_EXTERN_TYPE_T;
import static dev.nostdwasm.api.abi.NswConstants.SIZEOF_NSW_VAL_RAW_T;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nostdwasm.api.abi.NativeAbi;
import dev.nostdwasm.api.spi.NativeRuntimes;
import dev.nostdwasm.api.abi.NswConstants;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every provider's {@link NativeAbi} does against the real embedding: each provider's tests
 * subclass this (sdk-api's test jar) and give it their binding, loaded from the natives of the
 * build tree. Tests needing no wasm module: the generated constants against what the library
 * reports, error round trips, object life cycles, invalid handles.
 */
public abstract class NativeAbiContract {

    /** The provider's binding over the real libraries (subclasses skip when they are not built). */
    protected abstract NativeAbi abi();

    private final List<ByteBuffer> buffers = new ArrayList<>(); // kept reachable during each test
    private NativeAbi abi;
    private long engine;
    private long store;
    private long ctx;

    @BeforeEach
    void engineAndStore() {
        abi = abi();
        long out = alloc(8);
        ok(abi.nsw_engine_new(NSW_PROFILE_PULLEY, false, true, 0, out));
        engine = getLong(out);
        assertNotEquals(0, engine);
        ok(abi.nsw_store_new(engine, out));
        store = getLong(out);
        ctx = abi.nsw_store_context(store);
        assertNotEquals(0, ctx);
    }

    @AfterEach
    void deleteStoreAndEngine() {
        abi.nsw_store_delete(store);
        abi.nsw_engine_delete(engine);
        buffers.clear();
    }

    @Test
    void theLibrarySpeaksTheGeneratedAbiVersion() {
        assertEquals(NswConstants.NSW_ABI_VERSION, abi.nsw_abi_version());
        assertEquals(NativeRuntimes.ABI_VERSION, abi.nsw_abi_version());
        long ptr = alloc(8);
        long len = alloc(8);
        abi.nsw_wasmtime_version(ptr, len);
        String version = string(getLong(ptr), getLong(len));
        assertTrue(version.matches("\\d+\\.\\d+\\.\\d+.*"), version);
    }

    @Test
    void anErrorRoundTrips() {
        byte[] text = "boom".getBytes(StandardCharsets.UTF_8);
        long error = abi.nsw_error_new(put(text), text.length);
        assertNotEquals(0, error);
        assertEquals(NSW_ERROR_HOST, abi.nsw_error_kind(error));
        assertEquals("boom", message(error));
        assertFalse(abi.nsw_error_trap_code(error, alloc(4)));
        assertEquals(0, abi.nsw_error_frame_count(error));
        assertFalse(abi.nsw_error_frame(error, 0, alloc(4), alloc(8), alloc(8), alloc(8)));
        abi.nsw_error_delete(error);
        assertEquals(0, abi.nsw_error_kind(0), "NULL has no kind");
        abi.nsw_error_delete(0); // ignored
    }

    @Test
    void engineSettingsReadBackTheProfile() {
        long profile = alloc(4);
        long fuel = alloc(1);
        long epoch = alloc(1);
        ok(abi.nsw_engine_settings(engine, profile, alloc(4), fuel, epoch));
        assertEquals(NSW_PROFILE_PULLEY, getInt(profile));
        assertEquals(0, getByte(fuel));
        assertEquals(1, getByte(epoch));
    }

    @Test
    void storesAndLinkersComeAndGo() {
        long out = alloc(8);
        ok(abi.nsw_linker_new(engine, out));
        long linker = getLong(out);
        ok(abi.nsw_linker_allow_shadowing(linker, true));
        abi.nsw_linker_delete(linker);
        long id = abi.nsw_context_store_id(ctx);
        assertNotEquals(0, id);
        ok(abi.nsw_store_new(engine, out));
        long other = getLong(out);
        assertNotEquals(id, abi.nsw_context_store_id(abi.nsw_store_context(other)), "store ids are unique");
        ok(abi.nsw_store_limits_set(other, 1 << 20, -1, -1, -1, -1, -1));
        abi.nsw_store_delete(other);
    }

    @Test
    void invalidHandlesGiveErrorsOrZero() {
        long out = alloc(8);
        expect(NSW_ERROR_INVALID_ARGUMENT, abi.nsw_engine_settings(0, alloc(4), alloc(4), alloc(1), alloc(1)));
        expect(NSW_ERROR_INVALID_ARGUMENT, abi.nsw_linker_new(0, out));
        expect(NSW_ERROR_INVALID_ARGUMENT, abi.nsw_store_new(0, out));
        expect(NSW_ERROR_INVALID_ARGUMENT, abi.nsw_extern_type(0, alloc(SIZEOF_NSW_EXTERN_TYPE_T)));
        expect(NSW_ERROR_INVALID_ARGUMENT, abi.nsw_memory_size(ctx, 0, out));
        assertEquals(0, abi.nsw_store_context(0));
        assertEquals(0, abi.nsw_context_store_id(0));
        assertEquals(0, abi.nsw_module_import_count(0));
        assertEquals(0, abi.nsw_module_export_count(0));
        abi.nsw_engine_increment_epoch(0); // ignored
        abi.nsw_engine_delete(0);
        abi.nsw_store_delete(0);
        abi.nsw_linker_delete(0);
        abi.nsw_module_delete(0);
        abi.nsw_instance_delete(0);
        abi.nsw_extern_delete(0);
    }

    @Test
    void garbageIsACorruptArtifact() {
        byte[] garbage = "certainly not an artifact".getBytes(StandardCharsets.UTF_8);
        expect(NSW_ERROR_ARTIFACT_CORRUPT, abi.nsw_module_new(engine, put(garbage), garbage.length, alloc(8)));
        expect(NSW_ERROR_ARTIFACT_CORRUPT, abi.nsw_module_verify(engine, put(garbage), garbage.length));
    }

    @Test
    void aGlobalReportsTheGeneratedKindAndValueCodes() {
        long value = alloc(SIZEOF_NSW_VAL_RAW_T);
        view(value, 8).putLong(0, 1234567890123L);
        long out = alloc(8);
        ok(abi.nsw_global_new(ctx, (byte) NSW_VAL_I64, true, value, out));
        long global = getLong(out);
        ByteBuffer type = externType(global);
        assertEquals(NSW_EXTERN_GLOBAL, type.getInt(OFFSETOF_NSW_EXTERN_TYPE_T_KIND));
        assertEquals(NSW_VAL_I64, type.get(OFFSETOF_NSW_EXTERN_TYPE_T_CONTENT));
        assertEquals(1, type.get(OFFSETOF_NSW_EXTERN_TYPE_T_IS_MUTABLE));
        long read = alloc(SIZEOF_NSW_VAL_RAW_T);
        ok(abi.nsw_global_get(ctx, global, read));
        assertEquals(1234567890123L, getLong(read));
        abi.nsw_extern_delete(global);
    }

    @Test
    void aMemoryReportsItsLimitsAtTheGeneratedOffsets() {
        long out = alloc(8);
        ok(abi.nsw_memory_new(ctx, 1, true, 3, out));
        long memory = getLong(out);
        ByteBuffer type = externType(memory);
        assertEquals(NSW_EXTERN_MEMORY, type.getInt(OFFSETOF_NSW_EXTERN_TYPE_T_KIND));
        assertEquals(1, type.getLong(OFFSETOF_NSW_EXTERN_TYPE_T_MINIMUM));
        assertEquals(1, type.get(OFFSETOF_NSW_EXTERN_TYPE_T_HAS_MAXIMUM));
        assertEquals(3, type.getLong(OFFSETOF_NSW_EXTERN_TYPE_T_MAXIMUM));
        ok(abi.nsw_memory_grow(ctx, memory, 1, out));
        assertEquals(1, getLong(out), "the previous size in pages");
        ok(abi.nsw_memory_size(ctx, memory, out));
        assertEquals(2, getLong(out));
        long size = alloc(8);
        ok(abi.nsw_memory_data(ctx, memory, out, size));
        assertNotEquals(0, getLong(out));
        assertEquals(2 * 65536, getLong(size));
        assertNotEquals(0, abi.nsw_memory_grow(ctx, memory, 5, out), "past the maximum");
        abi.nsw_extern_delete(memory);
    }

    @Test
    void aTableReportsTheFuncrefCode() {
        long init = alloc(SIZEOF_NSW_VAL_RAW_T); // ref id 0: null
        long out = alloc(8);
        ok(abi.nsw_table_new(ctx, (byte) NSW_VAL_FUNCREF, 2, false, 0, init, out));
        long table = getLong(out);
        ByteBuffer type = externType(table);
        assertEquals(NSW_EXTERN_TABLE, type.getInt(OFFSETOF_NSW_EXTERN_TYPE_T_KIND));
        assertEquals(NSW_VAL_FUNCREF, type.get(OFFSETOF_NSW_EXTERN_TYPE_T_CONTENT));
        assertEquals(0, type.get(OFFSETOF_NSW_EXTERN_TYPE_T_HAS_MAXIMUM));
        ok(abi.nsw_table_size(ctx, table, out));
        assertEquals(2, getLong(out));
        abi.nsw_extern_delete(table);
    }

    @Test
    void externrefsCarryTheirHostIdUntilReleased() {
        long out = alloc(8);
        ok(abi.nsw_context_externref_new(ctx, 42, out));
        long ref = getLong(out);
        ok(abi.nsw_context_externref_host_id(ctx, ref, out));
        assertEquals(42, getLong(out));
        assertTrue(abi.nsw_context_ref_release(ctx, ref));
        assertFalse(abi.nsw_context_ref_release(ctx, ref), "released already");
    }

    @Test
    void epochDeadlinesStopAtTheGeneratedMaximum() {
        ok(abi.nsw_context_epoch_deadline_set(ctx, NSW_MAX_EPOCH_TICKS));
        assertNotEquals(0, abi.nsw_context_epoch_deadline_set(ctx, NSW_MAX_EPOCH_TICKS + 1), "one tick too far");
        abi.nsw_engine_increment_epoch(engine);
    }

    @Test
    void addressesAndViews() {
        assertThrows(IllegalArgumentException.class, () -> abi.address(ByteBuffer.allocate(8)));
        ByteBuffer buffer = ByteBuffer.allocateDirect(16).order(ByteOrder.nativeOrder());
        long base = abi.address(buffer);
        buffer.position(5);
        assertEquals(base, abi.address(buffer), "the first byte, whatever the position");
        buffer.putInt(0, 0x01020304);
        ByteBuffer view = abi.view(base, 16).order(buffer.order());
        assertEquals(16, view.capacity());
        assertEquals(0x01020304, view.getInt(0));
    }

    // ---------------------------------------------------------------- helpers

    private ByteBuffer externType(long ext) {
        long type = alloc(SIZEOF_NSW_EXTERN_TYPE_T);
        ok(abi.nsw_extern_type(ext, type));
        return view(type, SIZEOF_NSW_EXTERN_TYPE_T);
    }

    private long alloc(int size) {
        ByteBuffer b = ByteBuffer.allocateDirect(size).order(ByteOrder.nativeOrder());
        buffers.add(b);
        return abi.address(b);
    }

    private long put(byte[] bytes) {
        long address = alloc(bytes.length);
        view(address, bytes.length).put(0, bytes);
        return address;
    }

    private ByteBuffer view(long address, long length) {
        return abi.view(address, length).order(ByteOrder.nativeOrder());
    }

    private long getLong(long address) {
        return view(address, 8).getLong(0);
    }

    private int getInt(long address) {
        return view(address, 4).getInt(0);
    }

    private byte getByte(long address) {
        return view(address, 1).get(0);
    }

    private String string(long address, long length) {
        byte[] bytes = new byte[(int) length];
        view(address, length).get(0, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private String message(long error) {
        long ptr = alloc(8);
        long len = alloc(8);
        abi.nsw_error_message(error, ptr, len);
        return string(getLong(ptr), getLong(len));
    }

    /** Fails with the error's kind and message unless {@code error} is 0. */
    private void ok(long error) {
        if (error != 0) {
            int kind = abi.nsw_error_kind(error);
            String message = message(error);
            abi.nsw_error_delete(error);
            throw new AssertionError("nsw error kind " + kind + ": " + message);
        }
    }

    /** Checks that {@code error} is one of kind {@code kind}, and frees it. */
    private void expect(int kind, long error) {
        assertNotEquals(0, error, "the call succeeded");
        try {
            assertEquals(kind, abi.nsw_error_kind(error), message(error));
        } finally {
            abi.nsw_error_delete(error);
        }
    }
}
