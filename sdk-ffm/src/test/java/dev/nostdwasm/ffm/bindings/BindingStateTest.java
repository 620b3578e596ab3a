package dev.nostdwasm.ffm.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Binding life cycle, layouts and upcalls without the native library. Runs in its own JVM
 * (surefire {@code reuseForks=false}): the order of these tests matters, {@code bind} is global.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BindingStateTest {

    private static final SymbolLookup EMPTY = name -> Optional.empty();

    @Test
    @Order(1)
    void callingBeforeBindThrowsIllegalStateException() {
        assertFalse(nsw_h.isBound());
        IllegalStateException e = assertThrows(IllegalStateException.class, nsw_h::nsw_abi_version);
        assertTrue(e.getMessage().contains("nsw_abi_version") && e.getMessage().contains("bind"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> nsw_h.nsw_engine_delete(MemorySegment.NULL));
        assertThrows(IllegalStateException.class, nsw_h::nsw_func_call$handle);
        // Still not poisoned: the same call fails the same way, not with NoClassDefFoundError.
        assertThrows(IllegalStateException.class, nsw_h::nsw_abi_version);
    }

    @Test
    @Order(2)
    void descriptorsNeedNoBinding() {
        assertFalse(nsw_h.isBound());
        assertEquals(nsw_h.descriptor("nsw_func_call"), nsw_h.nsw_func_call$descriptor());
        assertThrows(IllegalArgumentException.class, () -> nsw_h.descriptor("nsw_no_such_function"));
    }

    @Test
    @Order(3)
    void aMissingSymbolIsAnUnsatisfiedLinkErrorNamingIt() {
        UnsatisfiedLinkError direct = assertThrows(UnsatisfiedLinkError.class,
                () -> nsw_h.findOrThrow(EMPTY, "nsw_engine_new"));
        assertTrue(direct.getMessage().contains("nsw_engine_new"), direct.getMessage());

        assertThrows(NullPointerException.class, () -> nsw_h.bind(null));
        nsw_h.bind(EMPTY);
        nsw_h.bind(EMPTY); // same lookup again: fine
        assertTrue(nsw_h.isBound());
        UnsatisfiedLinkError e = assertThrows(UnsatisfiedLinkError.class, nsw_h::nsw_abi_version);
        assertTrue(e.getMessage().contains("nsw_abi_version"), e.getMessage());
    }

    @Test
    @Order(4)
    void bindingAnotherLibraryIsRefused() {
        assertTrue(nsw_h.isBound());
        assertThrows(IllegalStateException.class, () -> nsw_h.bind(name -> Optional.empty()));
    }

    @Test
    void externTypeAccessorsHitTheCOffsets() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment t = nsw_extern_type_t.allocate(arena);
            assertEquals(64, t.byteSize());
            nsw_extern_type_t.kind(t, nsw_h.NSW_EXTERN_MEMORY);
            nsw_extern_type_t.params_len(t, 3);
            nsw_extern_type_t.results_len(t, 4);
            nsw_extern_type_t.content(t, (byte) nsw_h.NSW_VAL_EXTERNREF);
            nsw_extern_type_t.is_64(t, true);
            nsw_extern_type_t.has_maximum(t, true);
            nsw_extern_type_t.minimum(t, 5);
            nsw_extern_type_t.maximum(t, -1L);
            assertEquals(nsw_h.NSW_EXTERN_MEMORY, t.get(ValueLayout.JAVA_INT, 0));
            assertEquals(3, t.get(ValueLayout.JAVA_LONG, 16));
            assertEquals(4, t.get(ValueLayout.JAVA_LONG, 32));
            assertEquals(nsw_h.NSW_VAL_EXTERNREF, t.get(ValueLayout.JAVA_BYTE, 40));
            assertEquals(0, t.get(ValueLayout.JAVA_BYTE, 41));
            assertEquals(1, t.get(ValueLayout.JAVA_BYTE, 42));
            assertEquals(1, t.get(ValueLayout.JAVA_BYTE, 44));
            assertEquals(5, t.get(ValueLayout.JAVA_LONG, 48));
            assertEquals(-1L, t.get(ValueLayout.JAVA_LONG, 56));
            assertFalse(nsw_extern_type_t.is_mutable(t));
            assertTrue(nsw_extern_type_t.is_64(t));
        }
    }

    @Test
    void valueSlotsOverlayEachOther() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment slots = nsw_val_raw_t.allocateArray(2, arena);
            assertEquals(32, slots.byteSize());
            MemorySegment second = nsw_val_raw_t.asSlice(slots, 1);
            nsw_val_raw_t.f64(second, Double.doubleToRawLongBits(1.5));
            assertEquals(1.5, Double.longBitsToDouble(nsw_val_raw_t.i64(second)));
            assertEquals(Double.doubleToRawLongBits(1.5), slots.get(ValueLayout.JAVA_LONG, 16));
            nsw_val_raw_t.v128(second, 15, (byte) 0x7f);
            assertEquals(0x7f, nsw_val_raw_t.v128(second).get(ValueLayout.JAVA_BYTE, 15));
            assertEquals(16, nsw_val_raw_t.v128(second).byteSize());
            assertThrows(IndexOutOfBoundsException.class, () -> nsw_val_raw_t.v128(second, 16));
        }
    }

    @Test
    void callbackStubsRoundTrip() {
        AtomicLong finalized = new AtomicLong();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment slots = nsw_val_raw_t.allocateArray(2, arena);
            nsw_val_raw_t.i32(slots, 6);
            nsw_val_raw_t.i32(nsw_val_raw_t.asSlice(slots, 1), 7);
            MemorySegment stub = nsw_host_callback_t.allocate((env, caller, s, len) -> {
                MemorySegment view = s.reinterpret(len * nsw_val_raw_t.sizeof());
                int product = nsw_val_raw_t.i32(view) * nsw_val_raw_t.i32(nsw_val_raw_t.asSlice(view, 1));
                nsw_val_raw_t.i32(view, product + (int) env.address());
                return MemorySegment.NULL;
            }, arena);
            MemorySegment error = nsw_host_callback_t.invoke(stub, MemorySegment.ofAddress(100), MemorySegment.NULL,
                    slots, 2);
            assertEquals(0L, error.address());
            assertEquals(142, nsw_val_raw_t.i32(slots));

            MemorySegment finalizer = nsw_finalizer_t.allocate(env -> finalized.set(env.address()), arena);
            nsw_finalizer_t.invoke(finalizer, MemorySegment.ofAddress(42));
        }
        assertEquals(42, finalized.get());
    }
}
