package dev.nostdwasm.api;

/**
 * Caps on what one store may use; -1 means no cap. Every new store starts with {@link #DEFAULT}.
 *
 * <ul>
 *   <li>{@code memoryBytes}: the bytes of all the store's memories together;
 *   <li>{@code tableElements}: the elements of all its tables together (about 8 bytes each);
 *   <li>{@code instances}, {@code tables}, {@code memories}: how many the store may hold;
 *   <li>{@code references}: the function, memory, table and global handles and the reference
 *       values the host holds in the store at once (externs it opened, functions and externrefs
 *       passed between wasm and Java).
 * </ul>
 *
 * Growing past a cap fails ({@code memory.grow} and {@code table.grow} return -1 in wasm); from
 * Java, growing or instantiating past one, or holding one reference more, is a
 * {@link ResourceLimitException}. What a store already uses stays counted when its limits change.
 */
public record StoreLimits(long memoryBytes, long tableElements, long instances, long tables, long memories,
        long references) {

    private static final long DEFAULT_REFERENCES = 10_000;

    /**
     * The limits of every new store, chosen for a JVM that hosts several tenants: 256 MiB of
     * memory (a language runtime or a large compiled library fits; 16 stores stay within 4 GiB),
     * 1 Mi table elements (8 MiB), and 1,000 instances, tables and memories (each memory reserves
     * address space for its guard region: 1,000 of them fit in the address space of a process,
     * Wasmtime's own default of 10,000 might not), and 10,000 references held by the host. A
     * store that needs more says so with {@link Store#setLimits}.
     */
    public static final StoreLimits DEFAULT = new StoreLimits(256L << 20, 1L << 20, 1_000, 1_000, 1_000, DEFAULT_REFERENCES);

    /** No caps at all: only for guests that are trusted as much as the host itself. */
    public static final StoreLimits UNLIMITED = new StoreLimits(-1, -1, -1, -1, -1, -1);

    public StoreLimits {
        for (long v : new long[] {memoryBytes, tableElements, instances, tables, memories, references}) {
            if (v < -1) {
                throw new IllegalArgumentException("a store limit is -1 (none) or >= 0, not " + v);
            }
        }
    }

    /** Limits with {@link #DEFAULT}'s cap on references. */
    public StoreLimits(long memoryBytes, long tableElements, long instances, long tables, long memories) {
        this(memoryBytes, tableElements, instances, tables, memories, DEFAULT_REFERENCES);
    }

    public StoreLimits withMemoryBytes(long bytes) {
        return new StoreLimits(bytes, tableElements, instances, tables, memories, references);
    }

    public StoreLimits withTableElements(long elements) {
        return new StoreLimits(memoryBytes, elements, instances, tables, memories, references);
    }

    public StoreLimits withInstances(long count) {
        return new StoreLimits(memoryBytes, tableElements, count, tables, memories, references);
    }

    public StoreLimits withReferences(long count) {
        return new StoreLimits(memoryBytes, tableElements, instances, tables, memories, count);
    }
}
