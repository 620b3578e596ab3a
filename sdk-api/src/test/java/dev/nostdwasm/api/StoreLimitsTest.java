package dev.nostdwasm.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Each {@code StoreLimits.with...} changes its own cap and no other. */
class StoreLimitsTest {

    private static final StoreLimits BASE = new StoreLimits(1, 2, 3, 4, 5, 6);

    @Test
    void everyWithChangesExactlyItsOwnCap() {
        assertEquals(new StoreLimits(10, 2, 3, 4, 5, 6), BASE.withMemoryBytes(10));
        assertEquals(new StoreLimits(1, 20, 3, 4, 5, 6), BASE.withTableElements(20));
        assertEquals(new StoreLimits(1, 2, 30, 4, 5, 6), BASE.withInstances(30));
        assertEquals(new StoreLimits(1, 2, 3, 40, 5, 6), BASE.withTables(40));
        assertEquals(new StoreLimits(1, 2, 3, 4, 50, 6), BASE.withMemories(50));
        assertEquals(new StoreLimits(1, 2, 3, 4, 5, 60), BASE.withReferences(60));
    }

    @Test
    void minusOneLiftsACapAndLessIsRefused() {
        assertEquals(-1, BASE.withTables(-1).tables());
        var e = assertThrows(IllegalArgumentException.class, () -> BASE.withMemories(-2));
        assertEquals("a store limit is -1 (none) or >= 0, not -2", e.getMessage());
    }

    @Test
    void theFiveCapConstructorKeepsTheDefaultReferences() {
        assertEquals(StoreLimits.DEFAULT.references(), new StoreLimits(1, 2, 3, 4, 5).references());
    }
}
