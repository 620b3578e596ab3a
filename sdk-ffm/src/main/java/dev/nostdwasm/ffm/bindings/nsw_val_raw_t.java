package dev.nostdwasm.ffm.bindings;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.MemoryLayout.PathElement.sequenceElement;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.SequenceLayout;
import java.lang.foreign.ValueLayout;
import java.util.function.Consumer;

/**
 * {@code union nsw_val_raw_t}, in jextract's shape: one 16-byte, 8-aligned value slot (laid out
 * like Wasmtime's {@code ValRaw}). i32/i64 are integers, f32/f64 their bit patterns
 * ({@link Float#intBitsToFloat}, {@link Double#longBitsToDouble}), v128 16 little-endian bytes,
 * references registry ids in {@code ref_id} (0 is null).
 *
 * {@snippet lang=c :
 * typedef union nsw_val_raw_t {
 *   int32_t i32;
 *   int64_t i64;
 *   uint32_t f32;
 *   uint64_t f64;
 *   uint8_t v128[16];
 *   uint64_t ref_id;
 * } nsw_val_raw_t;
 * }
 */
@SuppressWarnings("unused")
public final class nsw_val_raw_t {

    private nsw_val_raw_t() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.unionLayout(
            nsw_h.int32_t.withName("i32"),
            nsw_h.int64_t.withName("i64"),
            nsw_h.uint32_t.withName("f32"),
            nsw_h.uint64_t.withName("f64"),
            MemoryLayout.sequenceLayout(16, nsw_h.uint8_t).withName("v128"),
            nsw_h.uint64_t.withName("ref_id")
    ).withName("nsw_val_raw_t");

    /** The layout of this union. */
    public static GroupLayout layout() {
        return $LAYOUT;
    }

    /** The size of this union in bytes (16). */
    public static long sizeof() {
        return $LAYOUT.byteSize();
    }

    /** Allocates one slot. */
    public static MemorySegment allocate(SegmentAllocator allocator) {
        return allocator.allocate($LAYOUT);
    }

    /** Allocates {@code count} consecutive slots, as {@code nsw_func_call} takes them. */
    public static MemorySegment allocateArray(long count, SegmentAllocator allocator) {
        return allocator.allocate(MemoryLayout.sequenceLayout(count, $LAYOUT));
    }

    /** The {@code index}-th slot of an array. */
    public static MemorySegment asSlice(MemorySegment array, long index) {
        return array.asSlice($LAYOUT.byteSize() * index, $LAYOUT);
    }

    /** Views a pointer to one slot in {@code arena} (a restricted operation). */
    public static MemorySegment reinterpret(MemorySegment addr, Arena arena, Consumer<MemorySegment> cleanup) {
        return reinterpret(addr, 1, arena, cleanup);
    }

    /** Views a pointer to {@code count} slots in {@code arena} (a restricted operation). */
    public static MemorySegment reinterpret(MemorySegment addr, long count, Arena arena,
                                            Consumer<MemorySegment> cleanup) {
        return addr.reinterpret($LAYOUT.byteSize() * count, arena, cleanup);
    }

    // ---- int32_t i32

    private static final ValueLayout.OfInt i32$LAYOUT = (ValueLayout.OfInt) $LAYOUT.select(groupElement("i32"));
    private static final long i32$OFFSET = $LAYOUT.byteOffset(groupElement("i32"));

    public static ValueLayout.OfInt i32$layout() {
        return i32$LAYOUT;
    }

    public static long i32$offset() {
        return i32$OFFSET;
    }

    public static int i32(MemorySegment union) {
        return union.get(i32$LAYOUT, i32$OFFSET);
    }

    /** Writes the low four bytes only; the rest of the slot keeps what it held. */
    public static void i32(MemorySegment union, int fieldValue) {
        union.set(i32$LAYOUT, i32$OFFSET, fieldValue);
    }

    // ---- int64_t i64

    private static final ValueLayout.OfLong i64$LAYOUT = (ValueLayout.OfLong) $LAYOUT.select(groupElement("i64"));
    private static final long i64$OFFSET = $LAYOUT.byteOffset(groupElement("i64"));

    public static ValueLayout.OfLong i64$layout() {
        return i64$LAYOUT;
    }

    public static long i64$offset() {
        return i64$OFFSET;
    }

    public static long i64(MemorySegment union) {
        return union.get(i64$LAYOUT, i64$OFFSET);
    }

    public static void i64(MemorySegment union, long fieldValue) {
        union.set(i64$LAYOUT, i64$OFFSET, fieldValue);
    }

    // ---- uint32_t f32 (bits)

    private static final ValueLayout.OfInt f32$LAYOUT = (ValueLayout.OfInt) $LAYOUT.select(groupElement("f32"));
    private static final long f32$OFFSET = $LAYOUT.byteOffset(groupElement("f32"));

    public static ValueLayout.OfInt f32$layout() {
        return f32$LAYOUT;
    }

    public static long f32$offset() {
        return f32$OFFSET;
    }

    /** The f32's bit pattern ({@link Float#intBitsToFloat} for the value). */
    public static int f32(MemorySegment union) {
        return union.get(f32$LAYOUT, f32$OFFSET);
    }

    /** Writes an f32 bit pattern ({@link Float#floatToRawIntBits} keeps NaN payloads). */
    public static void f32(MemorySegment union, int fieldValue) {
        union.set(f32$LAYOUT, f32$OFFSET, fieldValue);
    }

    // ---- uint64_t f64 (bits)

    private static final ValueLayout.OfLong f64$LAYOUT = (ValueLayout.OfLong) $LAYOUT.select(groupElement("f64"));
    private static final long f64$OFFSET = $LAYOUT.byteOffset(groupElement("f64"));

    public static ValueLayout.OfLong f64$layout() {
        return f64$LAYOUT;
    }

    public static long f64$offset() {
        return f64$OFFSET;
    }

    /** The f64's bit pattern ({@link Double#longBitsToDouble} for the value). */
    public static long f64(MemorySegment union) {
        return union.get(f64$LAYOUT, f64$OFFSET);
    }

    /** Writes an f64 bit pattern ({@link Double#doubleToRawLongBits} keeps NaN payloads). */
    public static void f64(MemorySegment union, long fieldValue) {
        union.set(f64$LAYOUT, f64$OFFSET, fieldValue);
    }

    // ---- uint8_t v128[16]

    private static final SequenceLayout v128$LAYOUT = (SequenceLayout) $LAYOUT.select(groupElement("v128"));
    private static final long v128$OFFSET = $LAYOUT.byteOffset(groupElement("v128"));
    private static final ValueLayout.OfByte v128$ELEMENT =
            (ValueLayout.OfByte) $LAYOUT.select(groupElement("v128"), sequenceElement());

    public static SequenceLayout v128$layout() {
        return v128$LAYOUT;
    }

    public static long v128$offset() {
        return v128$OFFSET;
    }

    /** The 16 bytes of the v128, little-endian, as a slice of {@code union} (not a copy). */
    public static MemorySegment v128(MemorySegment union) {
        return union.asSlice(v128$OFFSET, v128$LAYOUT.byteSize());
    }

    /** Copies 16 bytes from {@code fieldValue} into the v128. */
    public static void v128(MemorySegment union, MemorySegment fieldValue) {
        MemorySegment.copy(fieldValue, 0L, union, v128$OFFSET, v128$LAYOUT.byteSize());
    }

    /** Byte {@code index} (0..15) of the v128. */
    public static byte v128(MemorySegment union, long index) {
        return union.get(v128$ELEMENT, v128$OFFSET + v128$ELEMENT.byteSize() * checkLane(index));
    }

    /** Writes byte {@code index} (0..15) of the v128. */
    public static void v128(MemorySegment union, long index, byte fieldValue) {
        union.set(v128$ELEMENT, v128$OFFSET + v128$ELEMENT.byteSize() * checkLane(index), fieldValue);
    }

    private static long checkLane(long index) {
        if (index < 0 || index >= v128$LAYOUT.elementCount()) {
            throw new IndexOutOfBoundsException("v128 byte " + index + " (0..15)");
        }
        return index;
    }

    // ---- uint64_t ref_id

    private static final ValueLayout.OfLong ref_id$LAYOUT =
            (ValueLayout.OfLong) $LAYOUT.select(groupElement("ref_id"));
    private static final long ref_id$OFFSET = $LAYOUT.byteOffset(groupElement("ref_id"));

    public static ValueLayout.OfLong ref_id$layout() {
        return ref_id$LAYOUT;
    }

    public static long ref_id$offset() {
        return ref_id$OFFSET;
    }

    /** A funcref/externref registry id (0 is null). */
    public static long ref_id(MemorySegment union) {
        return union.get(ref_id$LAYOUT, ref_id$OFFSET);
    }

    public static void ref_id(MemorySegment union, long fieldValue) {
        union.set(ref_id$LAYOUT, ref_id$OFFSET, fieldValue);
    }
}
