package dev.nostdwasm.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nostdwasm.api.Instance;
import dev.nostdwasm.api.Memory;
import dev.nostdwasm.api.MemoryAccessException;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.Val;
import dev.nostdwasm.it.support.ProfileTest;
import dev.nostdwasm.it.support.ProviderSuite;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.function.Executable;

/**
 * {@code Memory}'s typed reads and writes, strings and bulk copies: wasm's byte order at any
 * alignment, checked against the memory's size at the end of memory and after it grew, always
 * with {@link MemoryAccessException} (memory.wat: one page, growable to three; "hello" at 16).
 */
abstract class MemoryHelpersSuite extends ProviderSuite {

    private static final int PAGE = 65536;

    private Instance instance;
    private Memory memory;

    private void start(Profile profile) {
        instance = session(profile).instantiate("memory");
        memory = instance.memory("memory");
    }

    /** The i32 wasm reads at {@code address} (i32.load: little-endian). */
    private int wasmLoad(int address) {
        return instance.func("load").callI32(address);
    }

    @ProfileTest
    void scalarsAreLittleEndianAtAnyAlignment(Profile profile) {
        start(profile);
        memory.writeInt(101, 0x04030201);
        assertEquals(0x04030201, wasmLoad(101), "wasm reads what Java wrote at an odd address");
        assertEquals(1, memory.readByte(101));
        assertEquals((short) 0x0201, memory.readShort(101));
        instance.func("store").call(Val.i32(200), Val.i32(-2));
        assertEquals(-2, memory.readInt(200), "Java reads what wasm wrote");

        memory.writeByte(7, (byte) 0xFE);
        assertEquals((byte) 0xFE, memory.readByte(7));
        memory.writeShort(9, (short) -12345);
        assertEquals((short) -12345, memory.readShort(9));
        memory.writeLong(301, 0x0807060504030201L);
        assertEquals(0x04030201, wasmLoad(301));
        assertEquals(0x08070605, wasmLoad(305));
        assertEquals(0x0807060504030201L, memory.readLong(301));
        memory.writeFloat(403, 1.5f);
        assertEquals(Float.floatToRawIntBits(1.5f), wasmLoad(403));
        assertEquals(1.5f, memory.readFloat(403));
        memory.writeDouble(505, -0.25);
        assertEquals(-0.25, memory.readDouble(505));
        memory.writeFloat(600, Float.intBitsToFloat(0x7fc00123));
        assertEquals(0x7fc00123, Float.floatToRawIntBits(memory.readFloat(600)), "a NaN payload is kept");
    }

    @ProfileTest
    void everyScalarFitsAtTheEndAndNotOneBytePast(Profile profile) {
        start(profile);
        record Access(int size, LongConsumer read, LongConsumer write) {
        }
        List<Access> accesses = List.of(
                new Access(1, memory::readByte, a -> memory.writeByte(a, (byte) 1)),
                new Access(2, memory::readShort, a -> memory.writeShort(a, (short) 1)),
                new Access(4, memory::readInt, a -> memory.writeInt(a, 1)),
                new Access(8, memory::readLong, a -> memory.writeLong(a, 1)),
                new Access(4, memory::readFloat, a -> memory.writeFloat(a, 1)),
                new Access(8, memory::readDouble, a -> memory.writeDouble(a, 1)));
        for (Access access : accesses) {
            access.write.accept(PAGE - access.size);
            access.read.accept(PAGE - access.size);
            for (long bad : new long[] {PAGE - access.size + 1, PAGE, -1, Long.MAX_VALUE, Long.MIN_VALUE}) {
                outside(() -> access.read.accept(bad), bad, access.size);
                outside(() -> access.write.accept(bad), bad, access.size);
            }
        }
        assertEquals(1.0, memory.readDouble(PAGE - 8), "the last in-bounds write reached the memory");
    }

    /** {@code access} throws a MemoryAccessException that tells the address, length and size. */
    private void outside(Executable access, long address, long length) {
        var e = assertThrows(MemoryAccessException.class, access, () -> length + " bytes at " + address);
        assertEquals(address, e.address());
        assertEquals(length, e.length());
        assertEquals(memory.byteSize(), e.memorySize());
        assertTrue(e.getMessage().contains("address " + address) && e.getMessage().contains(memory.byteSize() + " bytes"),
                e.getMessage());
    }

    @ProfileTest
    void growingMakesTheNewPagesAccessible(Profile profile) {
        start(profile);
        outside(() -> memory.writeInt(PAGE, 42), PAGE, 4);
        memory.grow(1);
        memory.writeInt(PAGE, 42);
        assertEquals(42, wasmLoad(PAGE));
        assertEquals(2, instance.func("grow").callI32(1), "wasm's memory.grow from 2 to 3 pages");
        memory.writeLong(3L * PAGE - 8, 7);
        assertEquals(7, memory.readLong(3L * PAGE - 8), "a page wasm grew is accessible from Java");
        outside(() -> memory.readByte(3L * PAGE), 3L * PAGE, 1);
    }

    @ProfileTest
    void primitiveArraysCopyBothWays(Profile profile) {
        start(profile);
        short[] shorts = {1, -2, 3};
        int[] ints = {0x01020304, -5, 6};
        long[] longs = {Long.MIN_VALUE, 8, -9};
        float[] floats = {1.25f, Float.NaN, -0f};
        double[] doubles = {Math.PI, Double.NEGATIVE_INFINITY, 1e-300};
        memory.write(1001, shorts, 0, 3);
        memory.write(2001, ints, 0, 3);
        memory.write(3001, longs, 0, 3);
        memory.write(4001, floats, 0, 3);
        memory.write(5001, doubles, 0, 3);
        assertEquals(0x01020304, wasmLoad(2001), "little-endian, like the scalars");
        assertEquals(-2, memory.readShort(1003));
        assertEquals(8, memory.readLong(3009));

        short[] shortsBack = new short[5];
        int[] intsBack = new int[5];
        long[] longsBack = new long[5];
        float[] floatsBack = new float[5];
        double[] doublesBack = new double[5];
        memory.read(1001, shortsBack, 1, 3);
        memory.read(2001, intsBack, 1, 3);
        memory.read(3001, longsBack, 1, 3);
        memory.read(4001, floatsBack, 1, 3);
        memory.read(5001, doublesBack, 1, 3);
        assertArrayEquals(new short[] {0, 1, -2, 3, 0}, shortsBack);
        assertArrayEquals(new int[] {0, 0x01020304, -5, 6, 0}, intsBack);
        assertArrayEquals(new long[] {0, Long.MIN_VALUE, 8, -9, 0}, longsBack);
        assertArrayEquals(new float[] {0, 1.25f, Float.NaN, -0f, 0}, floatsBack);
        assertArrayEquals(new double[] {0, Math.PI, Double.NEGATIVE_INFINITY, 1e-300, 0}, doublesBack);

        // The last element ends at the end of memory; one more is outside, and nothing is copied.
        memory.write(PAGE - 12, ints, 0, 3);
        outside(() -> memory.write(PAGE - 8, ints, 0, 3), PAGE - 8, 12);
        outside(() -> memory.read(PAGE - 20, longs, 0, 3), PAGE - 20, 24);
        outside(() -> memory.read(PAGE - 2, shorts, 0, 2), PAGE - 2, 4);
        outside(() -> memory.write(PAGE - 4, floats, 0, 2), PAGE - 4, 8);
        outside(() -> memory.write(-8, doubles, 0, 1), -8, 8);
        assertArrayEquals(new int[] {0x01020304, -5, 6}, readInts(PAGE - 12, 3), "the refused write changed nothing");
        assertThrows(IndexOutOfBoundsException.class, () -> memory.read(0, ints, 2, 2), "the array side");
    }

    private int[] readInts(long address, int count) {
        int[] back = new int[count];
        memory.read(address, back, 0, count);
        return back;
    }

    @ProfileTest
    void byteBuffersCopyTheirRemainingBytesAndAdvance(Profile profile) {
        start(profile);
        for (ByteBuffer src : new ByteBuffer[] {ByteBuffer.allocate(8), ByteBuffer.allocateDirect(8)}) {
            src.put(new byte[] {9, 9, 1, 2, 3, 4, 9, 9}).position(2).limit(6);
            memory.write(700, src);
            assertEquals(6, src.position(), "the buffer advanced past what was written");
            assertEquals(0x04030201, wasmLoad(700));
        }
        for (ByteBuffer dst : new ByteBuffer[] {ByteBuffer.allocate(6), ByteBuffer.allocateDirect(6)}) {
            dst.position(1).limit(5);
            memory.read(700, dst);
            assertEquals(5, dst.position());
            assertEquals(0x04030201, dst.order(ByteOrder.LITTLE_ENDIAN).getInt(1));
        }
        ByteBuffer four = ByteBuffer.allocate(4);
        memory.read(PAGE - 4, four);
        outside(() -> memory.read(PAGE - 3, ByteBuffer.allocate(4)), PAGE - 3, 4);
        outside(() -> memory.write(PAGE - 1, ByteBuffer.allocate(2)), PAGE - 1, 2);
        ByteBuffer untouched = ByteBuffer.allocate(2);
        assertThrows(MemoryAccessException.class, () -> memory.write(PAGE, untouched));
        assertEquals(0, untouched.position(), "a refused copy does not move the buffer");
        assertThrows(java.nio.ReadOnlyBufferException.class, () -> memory.read(0, four.asReadOnlyBuffer().rewind()));
    }

    @ProfileTest
    void stringsByLengthAreUtf8(Profile profile) {
        start(profile);
        assertEquals("hello", memory.readString(16, 5), "the module's data segment");
        String text = "héllo € \uD834\uDD1E";
        int written = memory.writeString(800, text);
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        assertEquals(utf8.length, written);
        byte[] back = new byte[written];
        memory.read(800, back, 0, written);
        assertArrayEquals(utf8, back, "the same bytes as String.getBytes");
        assertEquals(text, memory.readString(800, written));
        assertEquals("", memory.readString(PAGE, 0), "nothing at the very end is in bounds");

        String unpaired = "a\uD800b";
        int n = memory.writeString(900, unpaired);
        assertEquals(memory.readString(900, n), new String(unpaired.getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8), "an unpaired surrogate is written as String.getBytes writes it");

        outside(() -> memory.writeString(PAGE - 2, "abc"), PAGE - 2, 3);
        outside(() -> memory.readString(PAGE - 2, 3), PAGE - 2, 3);
        assertThrows(IllegalArgumentException.class, () -> memory.readString(0, -1));
    }

    @ProfileTest
    void cStringsStopAtTheirNulAndScanNoFurtherThanTheMaximum(Profile profile) {
        start(profile);
        assertEquals(11, memory.writeCString(1000, "0123456789"), "ten bytes and the NUL");
        assertEquals("0123456789", memory.readCString(1000, 10), "exactly the maximum");
        assertEquals("0123456789", memory.readCString(1000, 1000));
        var tooLong = assertThrows(MemoryAccessException.class, () -> memory.readCString(1000, 9));
        assertTrue(tooLong.getMessage().contains("no NUL within 9 bytes"), tooLong.getMessage());
        assertEquals(1000, tooLong.address());
        assertEquals("", memory.readCString(1010, 0), "the NUL itself is the empty string");

        // No NUL before the end of memory: refused without reading past it.
        memory.write(PAGE - 3, new byte[] {'a', 'b', 'c'}, 0, 3);
        var atTheEnd = assertThrows(MemoryAccessException.class, () -> memory.readCString(PAGE - 3, 100));
        assertTrue(atTheEnd.getMessage().contains("end of this memory"), atTheEnd.getMessage());
        memory.writeByte(PAGE - 1, (byte) 0);
        assertEquals("ab", memory.readCString(PAGE - 3, 100), "a NUL in the last byte");
        assertThrows(MemoryAccessException.class, () -> memory.readCString(PAGE, 10));
        assertThrows(MemoryAccessException.class, () -> memory.readCString(-1, 10));

        outside(() -> memory.writeCString(PAGE - 3, "abc"), PAGE - 3, 4);
        assertEquals("ab", memory.readCString(PAGE - 3, 100), "the refused write wrote nothing");
        var nul = assertThrows(IllegalArgumentException.class, () -> memory.writeCString(0, "a\0b"));
        assertTrue(nul.getMessage().contains("index 1"), nul.getMessage());
        assertThrows(IllegalArgumentException.class, () -> memory.readCString(0, -1));
    }
}
