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
 *
 * <p>Start from {@link #DEFAULT} and change what you need: {@code
 * StoreLimits.DEFAULT.withMemoryBytes(64L << 20).withInstances(10)}.
 *
 * @param memoryBytes the bytes of all the store's memories together
 * @param tableElements the elements of all its tables together
 * @param instances how many instances it may hold
 * @param tables how many tables it may hold
 * @param memories how many memories it may hold
 * @param references how many handles and reference values the host may hold in it at once
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

    /** Checks every cap is -1 (none) or {@code >= 0}. */
    public StoreLimits {
        for (long v : new long[] {memoryBytes, tableElements, instances, tables, memories, references}) {
            if (v < -1) {
                throw new IllegalArgumentException("a store limit is -1 (none) or >= 0, not " + v);
            }
        }
    }

    /**
     * Limits with {@link #DEFAULT}'s cap on references.
     *
     * @param memoryBytes the bytes of all the store's memories together
     * @param tableElements the elements of all its tables together
     * @param instances how many instances it may hold
     * @param tables how many tables it may hold
     * @param memories how many memories it may hold
     */
    public StoreLimits(long memoryBytes, long tableElements, long instances, long tables, long memories) {
        this(memoryBytes, tableElements, instances, tables, memories, DEFAULT_REFERENCES);
    }

    /**
     * These limits with another cap on the bytes of all memories together.
     *
     * @param bytes the cap, or -1 for none
     * @return the new limits
     */
    public StoreLimits withMemoryBytes(long bytes) {
        return new StoreLimits(bytes, tableElements, instances, tables, memories, references);
    }

    /**
     * These limits with another cap on the elements of all tables together.
     *
     * @param elements the cap, or -1 for none
     * @return the new limits
     */
    public StoreLimits withTableElements(long elements) {
        return new StoreLimits(memoryBytes, elements, instances, tables, memories, references);
    }

    /**
     * These limits with another cap on the number of instances.
     *
     * @param count the cap, or -1 for none
     * @return the new limits
     */
    public StoreLimits withInstances(long count) {
        return new StoreLimits(memoryBytes, tableElements, count, tables, memories, references);
    }

    /**
     * These limits with another cap on the number of tables.
     *
     * @param count the cap, or -1 for none
     * @return the new limits
     */
    public StoreLimits withTables(long count) {
        return new StoreLimits(memoryBytes, tableElements, instances, count, memories, references);
    }

    /**
     * These limits with another cap on the number of memories.
     *
     * @param count the cap, or -1 for none
     * @return the new limits
     */
    public StoreLimits withMemories(long count) {
        return new StoreLimits(memoryBytes, tableElements, instances, tables, count, references);
    }

    /**
     * These limits with another cap on the handles and reference values the host holds.
     *
     * @param count the cap, or -1 for none
     * @return the new limits
     */
    public StoreLimits withReferences(long count) {
        return new StoreLimits(memoryBytes, tableElements, instances, tables, memories, count);
    }
}
