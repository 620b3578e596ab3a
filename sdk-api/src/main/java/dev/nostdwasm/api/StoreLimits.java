package dev.nostdwasm.api;

/**
 * Caps on what a store's instances may use; -1 means no cap. Growing past a cap fails
 * ({@code memory.grow} returns -1); instantiating past one is a {@link ResourceLimitException}.
 */
public record StoreLimits(long memoryBytes, long tableElements, long instances, long tables, long memories) {

    public static final StoreLimits UNLIMITED = new StoreLimits(-1, -1, -1, -1, -1);

    public StoreLimits {
        for (long v : new long[] {memoryBytes, tableElements, instances, tables, memories}) {
            if (v < -1) {
                throw new IllegalArgumentException("a store limit is -1 (none) or >= 0, not " + v);
            }
        }
    }

    public StoreLimits withMemoryBytes(long bytes) {
        return new StoreLimits(bytes, tableElements, instances, tables, memories);
    }

    public StoreLimits withTableElements(long elements) {
        return new StoreLimits(memoryBytes, elements, instances, tables, memories);
    }

    public StoreLimits withInstances(long count) {
        return new StoreLimits(memoryBytes, tableElements, count, tables, memories);
    }
}
