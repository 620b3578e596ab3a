package dev.nostdwasm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nostdwasm.api.Instance;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.ResourceLimitException;
import dev.nostdwasm.api.StoreLimits;
import dev.nostdwasm.api.Val;
import dev.nostdwasm.api.WasmException;
import dev.nostdwasm.it.support.ProfileTest;
import dev.nostdwasm.it.support.ProviderSuite;

/** Store limits: defaults on every store, caps summed over a store's memories and tables (limits.wat). */
abstract class LimitsSuite extends ProviderSuite {

    private static final long PAGE = 65536;
    private static final int HUGE_TABLE_GROWTH = 64 << 20; // 64 Mi elements: 512 MiB of table

    private static int i32(Val[] results) {
        return ((Val.I32) results[0]).value();
    }

    @ProfileTest
    void defaultLimitsRefuseAHugeTable(Profile profile) {
        Session s = session(profile);
        Instance instance = s.instantiate("limits");
        assertEquals(-1, i32(instance.func("grow_table").call(Val.i32(HUGE_TABLE_GROWTH))));
        assertThrows(ResourceLimitException.class,
                () -> instance.table("table").grow(HUGE_TABLE_GROWTH, new Val.FuncRef(null)));
        assertEquals(1, i32(instance.func("grow_table").call(Val.i32(1))), "small growth still works");
    }

    @ProfileTest
    void memoriesShareTheStoreCap(Profile profile) {
        Session s = session(profile);
        s.store.setLimits(StoreLimits.DEFAULT.withMemoryBytes(4 * PAGE));
        Instance instance = s.instantiate("limits"); // three memories of one page
        assertEquals(1, i32(instance.func("grow_a").call(Val.i32(1))));
        assertEquals(-1, i32(instance.func("grow_b").call(Val.i32(1))), "a and b together would pass the cap");
        assertThrows(ResourceLimitException.class, () -> instance.memory("b").grow(1));
        assertEquals(1, instance.memory("b").pages());
    }

    @ProfileTest
    void aFailurePastAMemorysMaximumIsNotALimit(Profile profile) {
        Session s = session(profile);
        Instance instance = s.instantiate("limits");
        // Past the store's default memory cap: refused by the limit.
        assertEquals(-1, i32(instance.func("grow_a").call(Val.i32((int) (StoreLimits.DEFAULT.memoryBytes() / PAGE)))));
        // Within the cap but past c's own maximum of 2 pages: Wasmtime's refusal, not the store's.
        WasmException e = assertThrows(WasmException.class, () -> instance.memory("c").grow(5));
        assertFalse(e instanceof ResourceLimitException, e.toString());
    }
}
