package dev.nostdwasm.ffm.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Calls the real embedding through the bindings, the way the provider will load it: the shim
 * {@code RTLD_NOW | RTLD_GLOBAL}, then {@code libraryLookup} of the embedding. Skipped unless the
 * natives were built for this host (paths from the {@code nsw.native.*} system properties).
 * Own JVM (surefire {@code reuseForks=false}), since it binds {@link nsw_h}.
 */
class NativeSmokeTest {

    private static final int RTLD_NOW = 2;
    private static final int RTLD_GLOBAL = 0x100;

    private static Path artifacts;

    @BeforeAll
    static void load() throws Throwable {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "Linux only");
        assumeTrue(System.getProperty("os.arch").equals("amd64"), "the pom points at the x86_64 natives");
        String shimPath = System.getProperty("nsw.native.shim");
        String embeddingPath = System.getProperty("nsw.native.embedding");
        assumeTrue(shimPath != null && Files.isRegularFile(Path.of(shimPath)), "platform shim not built: " + shimPath);
        assumeTrue(embeddingPath != null && Files.isRegularFile(Path.of(embeddingPath)),
                "embedding not built: " + embeddingPath);
        artifacts = Path.of(embeddingPath).resolveSibling("artifacts");

        Linker linker = Linker.nativeLinker();
        var dlopenSymbol = linker.defaultLookup().find("dlopen");
        assumeTrue(dlopenSymbol.isPresent(), "dlopen is not in the default lookup (glibc before 2.34)");
        MethodHandle dlopen = linker.downcallHandle(dlopenSymbol.get(),
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment handle = (MemorySegment) dlopen.invokeExact(arena.allocateFrom(shimPath), RTLD_NOW | RTLD_GLOBAL);
            assertFalse(handle.equals(MemorySegment.NULL), "dlopen(" + shimPath + ") failed");
        }
        nsw_h.bind(SymbolLookup.libraryLookup(Path.of(embeddingPath), Arena.global()));
    }

    @Test
    void abiVersionMatchesTheHeader() {
        assertEquals(nsw_h.NSW_ABI_VERSION, nsw_h.nsw_abi_version());
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ptr = arena.allocate(ValueLayout.ADDRESS);
            MemorySegment len = arena.allocate(ValueLayout.JAVA_LONG);
            nsw_h.nsw_wasmtime_version(ptr, len);
            String version = new String(ptr.get(ValueLayout.ADDRESS, 0)
                    .reinterpret(len.get(ValueLayout.JAVA_LONG, 0)).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8);
            assertTrue(version.matches("\\d+\\.\\d+\\.\\d+.*"), version);
        }
    }

    @Test
    void errorsCarryKindAndMessage() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment message = arena.allocateFrom("boom", StandardCharsets.UTF_8);
            MemorySegment error = nsw_h.nsw_error_new(message, 4);
            assertEquals(nsw_h.NSW_ERROR_HOST, nsw_h.nsw_error_kind(error));
            MemorySegment ptr = arena.allocate(ValueLayout.ADDRESS);
            MemorySegment len = arena.allocate(ValueLayout.JAVA_LONG);
            nsw_h.nsw_error_message(error, ptr, len);
            assertEquals(4, len.get(ValueLayout.JAVA_LONG, 0));
            assertFalse(nsw_h.nsw_error_trap_code(error, arena.allocate(ValueLayout.JAVA_INT)));
            nsw_h.nsw_error_delete(error);

            // A NULL handle is an error, never a crash.
            MemorySegment invalid = nsw_h.nsw_engine_settings(MemorySegment.NULL, arena.allocate(4), arena.allocate(4),
                    arena.allocate(1), arena.allocate(1));
            assertEquals(nsw_h.NSW_ERROR_INVALID_ARGUMENT, nsw_h.nsw_error_kind(invalid));
            nsw_h.nsw_error_delete(invalid);
        }
    }

    @Test
    void hostFunctionRunsThroughAnUpcall() throws Exception {
        Path artifact = artifacts.resolve("host_fn.pulley.pulley64.cwasm");
        assumeTrue(Files.isRegularFile(artifact), "no artifact " + artifact);
        AtomicInteger finalized = new AtomicInteger();
        try (Arena arena = Arena.ofShared()) {
            MemorySegment out = arena.allocate(ValueLayout.ADDRESS);
            ok(nsw_h.nsw_engine_new(nsw_h.NSW_PROFILE_PULLEY, false, false, 0, out));
            MemorySegment engine = out.get(ValueLayout.ADDRESS, 0);
            MemorySegment profile = arena.allocate(ValueLayout.JAVA_INT);
            ok(nsw_h.nsw_engine_settings(engine, profile, arena.allocate(4), arena.allocate(1), arena.allocate(1)));
            assertEquals(nsw_h.NSW_PROFILE_PULLEY, profile.get(ValueLayout.JAVA_INT, 0));

            byte[] bytes = Files.readAllBytes(artifact);
            ok(nsw_h.nsw_module_new(engine, arena.allocateFrom(ValueLayout.JAVA_BYTE, bytes), bytes.length, out));
            MemorySegment module = out.get(ValueLayout.ADDRESS, 0);
            assertEquals(1, nsw_h.nsw_module_import_count(module));
            MemorySegment type = nsw_extern_type_t.allocate(arena);
            ok(nsw_h.nsw_module_import(module, 0, arena.allocate(ValueLayout.ADDRESS), arena.allocate(8),
                    arena.allocate(ValueLayout.ADDRESS), arena.allocate(8), type));
            assertEquals(nsw_h.NSW_EXTERN_FUNC, nsw_extern_type_t.kind(type));
            assertEquals(2, nsw_extern_type_t.params_len(type));
            assertEquals(1, nsw_extern_type_t.results_len(type));
            assertEquals(nsw_h.NSW_VAL_I32, nsw_extern_type_t.params(type).reinterpret(2).get(ValueLayout.JAVA_BYTE, 1));

            ok(nsw_h.nsw_linker_new(engine, out));
            MemorySegment linker = out.get(ValueLayout.ADDRESS, 0);
            MemorySegment i32s = arena.allocateFrom(ValueLayout.JAVA_BYTE, (byte) nsw_h.NSW_VAL_I32, (byte) nsw_h.NSW_VAL_I32);
            MemorySegment callback = nsw_host_callback_t.allocate((env, caller, slots, len) -> {
                MemorySegment s = slots.reinterpret(len * nsw_val_raw_t.sizeof());
                nsw_val_raw_t.i32(s, nsw_val_raw_t.i32(s) * nsw_val_raw_t.i32(nsw_val_raw_t.asSlice(s, 1)));
                return MemorySegment.NULL;
            }, arena);
            MemorySegment finalizer = nsw_finalizer_t.allocate(env -> finalized.incrementAndGet(), arena);
            ok(nsw_h.nsw_linker_define_func(linker, arena.allocateFrom("host", StandardCharsets.UTF_8), 4,
                    arena.allocateFrom("multiply", StandardCharsets.UTF_8), 8, i32s, 2, i32s, 1,
                    callback, MemorySegment.NULL, finalizer));

            ok(nsw_h.nsw_store_new(engine, out));
            MemorySegment store = out.get(ValueLayout.ADDRESS, 0);
            MemorySegment ctx = nsw_h.nsw_store_context(store);
            ok(nsw_h.nsw_linker_instantiate(linker, ctx, module, out));
            MemorySegment instance = out.get(ValueLayout.ADDRESS, 0);
            ok(nsw_h.nsw_instance_export_get(ctx, instance, arena.allocateFrom("add_and_mul", StandardCharsets.UTF_8),
                    11, out));
            MemorySegment func = out.get(ValueLayout.ADDRESS, 0);

            MemorySegment slots = nsw_val_raw_t.allocateArray(3, arena);
            nsw_val_raw_t.i32(slots, 2);
            nsw_val_raw_t.i32(nsw_val_raw_t.asSlice(slots, 1), 3);
            nsw_val_raw_t.i32(nsw_val_raw_t.asSlice(slots, 2), 4);
            ok(nsw_h.nsw_func_call(ctx, func, slots, 3));
            assertEquals(10, nsw_val_raw_t.i32(slots));

            nsw_h.nsw_extern_delete(func);
            nsw_h.nsw_instance_delete(instance);
            nsw_h.nsw_store_delete(store);
            nsw_h.nsw_linker_delete(linker);
            nsw_h.nsw_module_delete(module);
            nsw_h.nsw_engine_delete(engine);
            assertEquals(1, finalized.get(), "finalizer runs once the linker and store are gone");
        }
    }

    private static void ok(MemorySegment error) {
        if (!error.equals(MemorySegment.NULL)) {
            MemorySegment ptr = Arena.global().allocate(ValueLayout.ADDRESS);
            MemorySegment len = Arena.global().allocate(ValueLayout.JAVA_LONG);
            nsw_h.nsw_error_message(error, ptr, len);
            String message = new String(ptr.get(ValueLayout.ADDRESS, 0).reinterpret(len.get(ValueLayout.JAVA_LONG, 0))
                    .toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8);
            int kind = nsw_h.nsw_error_kind(error);
            nsw_h.nsw_error_delete(error);
            throw new AssertionError("nsw error kind " + kind + ": " + message);
        }
    }
}
