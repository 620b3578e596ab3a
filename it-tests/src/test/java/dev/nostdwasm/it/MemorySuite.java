package dev.nostdwasm.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nostdwasm.api.ExportNotFoundException;
import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.Instance;
import dev.nostdwasm.api.Memory;
import dev.nostdwasm.api.MemoryAccessException;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.ResourceLimitException;
import dev.nostdwasm.api.StoreLimits;
import dev.nostdwasm.api.TrapCode;
import dev.nostdwasm.api.Val;
import dev.nostdwasm.api.ValType;
import dev.nostdwasm.api.WasmException;
import dev.nostdwasm.api.WasmTrapException;
import dev.nostdwasm.it.support.ProfileTest;
import dev.nostdwasm.it.support.ProviderSuite;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;

/** Linear memory from Java and from wasm (memory.wat, memory_import.wat, caller_memory.wat). */
abstract class MemorySuite extends ProviderSuite {

    static final int PAGE = 65536;

    @ProfileTest
    void typeAndSize(Profile profile) {
        Memory memory = session(profile).instantiate("memory").memory("memory");
        assertEquals(new ExternType.Memory(1, OptionalLong.of(3), false, false), memory.type());
        assertEquals(1, memory.pages());
        assertEquals(PAGE, memory.byteSize());
    }

    @ProfileTest
    void bulkReadAndWrite(Profile profile) {
        Instance instance = session(profile).instantiate("memory");
        Memory memory = instance.memory("memory");
        byte[] dst = new byte[9];
        memory.read(16, dst, 2, 5);
        assertArrayEquals(new byte[] {0, 0, 'h', 'e', 'l', 'l', 'o', 0, 0}, dst);

        byte[] src = {9, 8, 7, 6, 5, 4, 3, 2, 1};
        memory.write(1000, src, 3, 4); // 6, 5, 4, 3
        assertEquals(6, instance.func("load8").callI32(1000));
        assertEquals(5, instance.func("load8").callI32(1001));
        assertEquals(4, instance.func("load8").callI32(1002));
        assertEquals(3, instance.func("load8").callI32(1003));
        assertEquals(0, instance.func("load8").callI32(1004), "nothing past length is written");
        assertEquals(0, instance.func("load8").callI32(999), "nothing before offset is written");

        instance.func("store8").call(Val.i32(PAGE - 1), Val.i32(0x7f));
        byte[] last = new byte[1];
        memory.read(PAGE - 1, last, 0, 1);
        assertEquals(0x7f, last[0], "the last byte is in bounds");

        byte[] big = new byte[PAGE];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        memory.write(0, big, 0, big.length);
        byte[] back = new byte[PAGE];
        memory.read(0, back, 0, PAGE);
        assertArrayEquals(big, back, "the whole page round-trips");
    }

    @ProfileTest
    void growReturnsPreviousPages(Profile profile) {
        Instance instance = session(profile).instantiate("memory");
        Memory memory = instance.memory("memory");
        assertEquals(1, memory.grow(1));
        assertEquals(2, memory.pages());
        assertEquals(2L * PAGE, memory.byteSize());
        assertEquals(2, instance.func("size").callI32(), "wasm sees the growth");
        assertEquals(2, memory.grow(0));
        assertEquals(2, instance.func("grow").callI32(1), "memory.grow returns the previous size too");
        assertEquals(3, memory.pages());

        byte[] b = {42};
        memory.write(3L * PAGE - 1, b, 0, 1);
        assertEquals(42, instance.func("load8").callI32(3 * PAGE - 1), "new pages are usable");
    }

    @ProfileTest
    void growPastMaximumFails(Profile profile) {
        Instance instance = session(profile).instantiate("memory");
        Memory memory = instance.memory("memory");
        assertThrows(WasmException.class, () -> memory.grow(3), "1 + 3 pages > maximum 3");
        assertEquals(1, memory.pages(), "a failed grow changes nothing");
        assertEquals(-1, instance.func("grow").callI32(3), "memory.grow past the maximum is -1");
        assertEquals(1, memory.grow(2));
        assertThrows(WasmException.class, () -> memory.grow(1));
        assertEquals(3, memory.pages());
    }

    @ProfileTest
    void growPastStoreLimitFails(Profile profile) {
        var s = session(profile);
        s.store.setLimits(StoreLimits.UNLIMITED.withMemoryBytes(2L * PAGE));
        Instance instance = s.instantiate("memory");
        Memory memory = instance.memory("memory");
        assertEquals(1, memory.grow(1));
        assertThrows(ResourceLimitException.class, () -> memory.grow(1));
        assertEquals(-1, instance.func("grow").callI32(1), "memory.grow past a store limit is -1");
        assertEquals(2, memory.pages());
    }

    @ProfileTest
    void javaOutOfBoundsThrowsMemoryAccessOrIndexOutOfBounds(Profile profile) {
        var s = session(profile);
        Instance instance = s.instantiate("memory");
        Memory memory = instance.memory("memory");
        byte[] four = new byte[4];
        assertThrows(MemoryAccessException.class, () -> memory.read(PAGE - 2, four, 0, 4), "straddles the end");
        assertThrows(MemoryAccessException.class, () -> memory.read(PAGE, four, 0, 1), "starts at the end");
        assertThrows(MemoryAccessException.class, () -> memory.read(-1, four, 0, 1), "negative offset");
        assertThrows(MemoryAccessException.class, () -> memory.read(Long.MAX_VALUE, four, 0, 4), "offset overflows");
        assertThrows(IndexOutOfBoundsException.class, () -> memory.read(0, four, 2, 4), "past the array");
        assertThrows(IndexOutOfBoundsException.class, () -> memory.read(0, four, -1, 1), "negative array offset");
        assertThrows(IndexOutOfBoundsException.class, () -> memory.read(0, four, 0, -1), "negative length");

        assertThrows(MemoryAccessException.class, () -> memory.write(PAGE - 2, four, 0, 4));
        assertThrows(MemoryAccessException.class, () -> memory.write(PAGE, four, 0, 1));
        assertThrows(MemoryAccessException.class, () -> memory.write(-1, four, 0, 1));
        assertThrows(MemoryAccessException.class, () -> memory.write(Long.MAX_VALUE - 1, four, 0, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> memory.write(0, four, 3, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> memory.write(0, four, 0, -1));
        assertThrows(IndexOutOfBoundsException.class, () -> memory.write(0, four, 0, 5));

        // Zero bytes at the very end is in bounds (Objects.checkFromIndexSize semantics).
        memory.read(PAGE, four, 0, 0);
        memory.write(PAGE, four, 4, 0);

        // Nothing was written by the refused writes, and the store still works.
        assertEquals(0, instance.func("load").callI32(PAGE - 4));
        assertEquals(0, instance.func("load").callI32(0));
        assertEquals(1, memory.pages());
    }

    @ProfileTest
    void wasmOutOfBoundsTraps(Profile profile) {
        Instance instance = session(profile).instantiate("memory");
        var load = instance.func("load");
        var trap = assertThrows(WasmTrapException.class, () -> load.callI32(PAGE - 2));
        assertEquals(TrapCode.MEMORY_OUT_OF_BOUNDS, trap.trapCode());
        trap = assertThrows(WasmTrapException.class, () -> load.callI32(-1));
        assertEquals(TrapCode.MEMORY_OUT_OF_BOUNDS, trap.trapCode());
        trap = assertThrows(WasmTrapException.class, () -> instance.func("store8").call(Val.i32(PAGE), Val.i32(1)));
        assertEquals(TrapCode.MEMORY_OUT_OF_BOUNDS, trap.trapCode());
        assertEquals('h', instance.func("load8").callI32(16), "the store still works");
    }

    @ProfileTest
    void storeMadeMemoryImportedByAModule(Profile profile) {
        var s = session(profile);
        Memory memory = s.store.newMemory(1, OptionalInt.of(2));
        assertEquals(new ExternType.Memory(1, OptionalLong.of(2), false, false), memory.type());
        assertEquals(PAGE, memory.byteSize());
        memory.write(7, new byte[] {99}, 0, 1);
        s.linker.define(s.store, "env", "memory", memory);
        Instance instance = s.instantiate("memory_import");
        assertEquals(99, instance.func("load8").callI32(7));
        instance.func("store8").call(Val.i32(8), Val.i32(100));
        byte[] b = new byte[1];
        memory.read(8, b, 0, 1);
        assertEquals(100, b[0]);
        assertEquals(1, memory.grow(1));
        assertEquals(2, instance.func("size").callI32());
        assertThrows(WasmException.class, () -> memory.grow(1), "past its maximum of 2");
    }

    @ProfileTest
    void storeMadeMemoryWithoutMaximum(Profile profile) {
        var s = session(profile);
        Memory memory = s.store.newMemory(0, OptionalInt.empty());
        assertEquals(new ExternType.Memory(0, OptionalLong.empty(), false, false), memory.type());
        assertEquals(0, memory.byteSize());
        assertThrows(MemoryAccessException.class, () -> memory.read(0, new byte[1], 0, 1));
        assertEquals(0, memory.grow(2));
        assertEquals(2L * PAGE, memory.byteSize());
    }

    @ProfileTest
    void hostFunctionUsesTheCallersMemory(Profile profile) {
        var s = session(profile);
        AtomicReference<Throwable> missing = new AtomicReference<>();
        s.linker.define("host", "sum", new ExternType.Func(List.of(ValType.I32, ValType.I32), List.of(ValType.I32)),
                (caller, args) -> {
                    int ptr = ((Val.I32) args[0]).value();
                    int len = ((Val.I32) args[1]).value();
                    Memory memory = caller.memory("memory");
                    byte[] bytes = new byte[len];
                    memory.read(ptr, bytes, 0, len);
                    int sum = 0;
                    for (byte b : bytes) {
                        sum += b;
                    }
                    memory.write(ptr + len, new byte[] {(byte) sum, 0, 0, 0}, 0, 4);
                    byte[] back = new byte[1];
                    memory.read(ptr + len, back, 0, 1);
                    assertEquals((byte) sum, back[0], "a read inside the call sees the write");
                    missing.set(assertThrows(ExportNotFoundException.class, () -> caller.memory("no_such_memory")));
                    return new Val[] {Val.i32(sum)};
                });
        Instance instance = s.instantiate("caller_memory");
        assertEquals(15, instance.func("run").callI32());
        assertEquals(15, instance.func("load").callI32(105), "the host's write is in wasm memory");
        assertTrue(missing.get().getMessage().contains("no_such_memory"), missing.get().getMessage());
    }
}
