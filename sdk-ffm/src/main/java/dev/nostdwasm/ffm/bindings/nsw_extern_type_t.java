package dev.nostdwasm.ffm.bindings;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;
import java.util.function.Consumer;

/**
 * {@code struct nsw_extern_type_t}, in jextract's shape: a layout with explicit padding and
 * static accessors per field taking the struct's segment.
 *
 * {@snippet lang=c :
 * typedef struct nsw_extern_type_t {
 *   uint32_t kind;
 *   const uint8_t *params;
 *   size_t params_len;
 *   const uint8_t *results;
 *   size_t results_len;
 *   uint8_t content;
 *   bool is_mutable;
 *   bool is_64;
 *   bool is_shared;
 *   bool has_maximum;
 *   uint64_t minimum;
 *   uint64_t maximum;
 * } nsw_extern_type_t;
 * }
 *
 * <p>{@code params}/{@code results} are value-type codes (NSW_VAL_*) for functions (and tags),
 * borrowed from the handle or module that filled the struct; {@code content} is a global's
 * value type or a table's element type; limits are in pages for memories and elements for
 * tables.
 */
@SuppressWarnings("unused")
public final class nsw_extern_type_t {

    private nsw_extern_type_t() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
            nsw_h.uint32_t.withName("kind"),
            MemoryLayout.paddingLayout(4),
            nsw_h.C_POINTER.withName("params"),
            nsw_h.size_t.withName("params_len"),
            nsw_h.C_POINTER.withName("results"),
            nsw_h.size_t.withName("results_len"),
            nsw_h.uint8_t.withName("content"),
            nsw_h.C_BOOL.withName("is_mutable"),
            nsw_h.C_BOOL.withName("is_64"),
            nsw_h.C_BOOL.withName("is_shared"),
            nsw_h.C_BOOL.withName("has_maximum"),
            MemoryLayout.paddingLayout(3),
            nsw_h.uint64_t.withName("minimum"),
            nsw_h.uint64_t.withName("maximum")
    ).withName("nsw_extern_type_t");

    /** The layout of this struct. */
    public static GroupLayout layout() {
        return $LAYOUT;
    }

    /** The size of this struct in bytes. */
    public static long sizeof() {
        return $LAYOUT.byteSize();
    }

    /** Allocates one struct (zeroed when the allocator zeroes, as arenas do). */
    public static MemorySegment allocate(SegmentAllocator allocator) {
        return allocator.allocate($LAYOUT);
    }

    /** Allocates an array of {@code count} structs. */
    public static MemorySegment allocateArray(long count, SegmentAllocator allocator) {
        return allocator.allocate(MemoryLayout.sequenceLayout(count, $LAYOUT));
    }

    /** The {@code index}-th struct of an array. */
    public static MemorySegment asSlice(MemorySegment array, long index) {
        return array.asSlice($LAYOUT.byteSize() * index, $LAYOUT);
    }

    /** Views a pointer to one struct in {@code arena} (a restricted operation). */
    public static MemorySegment reinterpret(MemorySegment addr, Arena arena, Consumer<MemorySegment> cleanup) {
        return reinterpret(addr, 1, arena, cleanup);
    }

    /** Views a pointer to {@code count} structs in {@code arena} (a restricted operation). */
    public static MemorySegment reinterpret(MemorySegment addr, long count, Arena arena,
                                            Consumer<MemorySegment> cleanup) {
        return addr.reinterpret($LAYOUT.byteSize() * count, arena, cleanup);
    }

    // ---- uint32_t kind

    private static final ValueLayout.OfInt kind$LAYOUT =
            (ValueLayout.OfInt) $LAYOUT.select(groupElement("kind"));
    private static final long kind$OFFSET = $LAYOUT.byteOffset(groupElement("kind"));

    public static ValueLayout.OfInt kind$layout() {
        return kind$LAYOUT;
    }

    public static long kind$offset() {
        return kind$OFFSET;
    }

    /** {@code uint32_t kind}: NSW_EXTERN_*. */
    public static int kind(MemorySegment struct) {
        return struct.get(kind$LAYOUT, kind$OFFSET);
    }

    public static void kind(MemorySegment struct, int fieldValue) {
        struct.set(kind$LAYOUT, kind$OFFSET, fieldValue);
    }

    // ---- const uint8_t *params

    private static final AddressLayout params$LAYOUT =
            (AddressLayout) $LAYOUT.select(groupElement("params"));
    private static final long params$OFFSET = $LAYOUT.byteOffset(groupElement("params"));

    public static AddressLayout params$layout() {
        return params$LAYOUT;
    }

    public static long params$offset() {
        return params$OFFSET;
    }

    /** {@code const uint8_t *params}: a zero-length segment; reinterpret to {@code params_len}. */
    public static MemorySegment params(MemorySegment struct) {
        return struct.get(params$LAYOUT, params$OFFSET);
    }

    public static void params(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(params$LAYOUT, params$OFFSET, fieldValue);
    }

    // ---- size_t params_len

    private static final ValueLayout.OfLong params_len$LAYOUT =
            (ValueLayout.OfLong) $LAYOUT.select(groupElement("params_len"));
    private static final long params_len$OFFSET = $LAYOUT.byteOffset(groupElement("params_len"));

    public static ValueLayout.OfLong params_len$layout() {
        return params_len$LAYOUT;
    }

    public static long params_len$offset() {
        return params_len$OFFSET;
    }

    public static long params_len(MemorySegment struct) {
        return struct.get(params_len$LAYOUT, params_len$OFFSET);
    }

    public static void params_len(MemorySegment struct, long fieldValue) {
        struct.set(params_len$LAYOUT, params_len$OFFSET, fieldValue);
    }

    // ---- const uint8_t *results

    private static final AddressLayout results$LAYOUT =
            (AddressLayout) $LAYOUT.select(groupElement("results"));
    private static final long results$OFFSET = $LAYOUT.byteOffset(groupElement("results"));

    public static AddressLayout results$layout() {
        return results$LAYOUT;
    }

    public static long results$offset() {
        return results$OFFSET;
    }

    /** {@code const uint8_t *results}: a zero-length segment; reinterpret to {@code results_len}. */
    public static MemorySegment results(MemorySegment struct) {
        return struct.get(results$LAYOUT, results$OFFSET);
    }

    public static void results(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(results$LAYOUT, results$OFFSET, fieldValue);
    }

    // ---- size_t results_len

    private static final ValueLayout.OfLong results_len$LAYOUT =
            (ValueLayout.OfLong) $LAYOUT.select(groupElement("results_len"));
    private static final long results_len$OFFSET = $LAYOUT.byteOffset(groupElement("results_len"));

    public static ValueLayout.OfLong results_len$layout() {
        return results_len$LAYOUT;
    }

    public static long results_len$offset() {
        return results_len$OFFSET;
    }

    public static long results_len(MemorySegment struct) {
        return struct.get(results_len$LAYOUT, results_len$OFFSET);
    }

    public static void results_len(MemorySegment struct, long fieldValue) {
        struct.set(results_len$LAYOUT, results_len$OFFSET, fieldValue);
    }

    // ---- uint8_t content

    private static final ValueLayout.OfByte content$LAYOUT =
            (ValueLayout.OfByte) $LAYOUT.select(groupElement("content"));
    private static final long content$OFFSET = $LAYOUT.byteOffset(groupElement("content"));

    public static ValueLayout.OfByte content$layout() {
        return content$LAYOUT;
    }

    public static long content$offset() {
        return content$OFFSET;
    }

    /** {@code uint8_t content}: NSW_VAL_* (read unsigned with {@code Byte.toUnsignedInt}). */
    public static byte content(MemorySegment struct) {
        return struct.get(content$LAYOUT, content$OFFSET);
    }

    public static void content(MemorySegment struct, byte fieldValue) {
        struct.set(content$LAYOUT, content$OFFSET, fieldValue);
    }

    // ---- bool is_mutable

    private static final ValueLayout.OfBoolean is_mutable$LAYOUT =
            (ValueLayout.OfBoolean) $LAYOUT.select(groupElement("is_mutable"));
    private static final long is_mutable$OFFSET = $LAYOUT.byteOffset(groupElement("is_mutable"));

    public static ValueLayout.OfBoolean is_mutable$layout() {
        return is_mutable$LAYOUT;
    }

    public static long is_mutable$offset() {
        return is_mutable$OFFSET;
    }

    public static boolean is_mutable(MemorySegment struct) {
        return struct.get(is_mutable$LAYOUT, is_mutable$OFFSET);
    }

    public static void is_mutable(MemorySegment struct, boolean fieldValue) {
        struct.set(is_mutable$LAYOUT, is_mutable$OFFSET, fieldValue);
    }

    // ---- bool is_64

    private static final ValueLayout.OfBoolean is_64$LAYOUT =
            (ValueLayout.OfBoolean) $LAYOUT.select(groupElement("is_64"));
    private static final long is_64$OFFSET = $LAYOUT.byteOffset(groupElement("is_64"));

    public static ValueLayout.OfBoolean is_64$layout() {
        return is_64$LAYOUT;
    }

    public static long is_64$offset() {
        return is_64$OFFSET;
    }

    public static boolean is_64(MemorySegment struct) {
        return struct.get(is_64$LAYOUT, is_64$OFFSET);
    }

    public static void is_64(MemorySegment struct, boolean fieldValue) {
        struct.set(is_64$LAYOUT, is_64$OFFSET, fieldValue);
    }

    // ---- bool is_shared

    private static final ValueLayout.OfBoolean is_shared$LAYOUT =
            (ValueLayout.OfBoolean) $LAYOUT.select(groupElement("is_shared"));
    private static final long is_shared$OFFSET = $LAYOUT.byteOffset(groupElement("is_shared"));

    public static ValueLayout.OfBoolean is_shared$layout() {
        return is_shared$LAYOUT;
    }

    public static long is_shared$offset() {
        return is_shared$OFFSET;
    }

    public static boolean is_shared(MemorySegment struct) {
        return struct.get(is_shared$LAYOUT, is_shared$OFFSET);
    }

    public static void is_shared(MemorySegment struct, boolean fieldValue) {
        struct.set(is_shared$LAYOUT, is_shared$OFFSET, fieldValue);
    }

    // ---- bool has_maximum

    private static final ValueLayout.OfBoolean has_maximum$LAYOUT =
            (ValueLayout.OfBoolean) $LAYOUT.select(groupElement("has_maximum"));
    private static final long has_maximum$OFFSET = $LAYOUT.byteOffset(groupElement("has_maximum"));

    public static ValueLayout.OfBoolean has_maximum$layout() {
        return has_maximum$LAYOUT;
    }

    public static long has_maximum$offset() {
        return has_maximum$OFFSET;
    }

    public static boolean has_maximum(MemorySegment struct) {
        return struct.get(has_maximum$LAYOUT, has_maximum$OFFSET);
    }

    public static void has_maximum(MemorySegment struct, boolean fieldValue) {
        struct.set(has_maximum$LAYOUT, has_maximum$OFFSET, fieldValue);
    }

    // ---- uint64_t minimum

    private static final ValueLayout.OfLong minimum$LAYOUT =
            (ValueLayout.OfLong) $LAYOUT.select(groupElement("minimum"));
    private static final long minimum$OFFSET = $LAYOUT.byteOffset(groupElement("minimum"));

    public static ValueLayout.OfLong minimum$layout() {
        return minimum$LAYOUT;
    }

    public static long minimum$offset() {
        return minimum$OFFSET;
    }

    public static long minimum(MemorySegment struct) {
        return struct.get(minimum$LAYOUT, minimum$OFFSET);
    }

    public static void minimum(MemorySegment struct, long fieldValue) {
        struct.set(minimum$LAYOUT, minimum$OFFSET, fieldValue);
    }

    // ---- uint64_t maximum

    private static final ValueLayout.OfLong maximum$LAYOUT =
            (ValueLayout.OfLong) $LAYOUT.select(groupElement("maximum"));
    private static final long maximum$OFFSET = $LAYOUT.byteOffset(groupElement("maximum"));

    public static ValueLayout.OfLong maximum$layout() {
        return maximum$LAYOUT;
    }

    public static long maximum$offset() {
        return maximum$OFFSET;
    }

    public static long maximum(MemorySegment struct) {
        return struct.get(maximum$LAYOUT, maximum$OFFSET);
    }

    public static void maximum(MemorySegment struct, long fieldValue) {
        struct.set(maximum$LAYOUT, maximum$OFFSET, fieldValue);
    }
}
