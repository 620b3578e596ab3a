package dev.nostdwasm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nostdwasm.api.Func;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.it.support.ProfileTest;
import dev.nostdwasm.it.support.ProviderSuite;
import java.lang.management.ManagementFactory;

/**
 * The typed call paths allocate nothing per call: after warming up, many calls together
 * allocate less than one byte each (the thread's allocation counter, not a timing).
 */
abstract class TypedCallAllocationSuite extends ProviderSuite {

    private static final int WARM_UP = 50_000;
    private static final int CALLS = 100_000;

    @ProfileTest
    void callI32AllocatesNothingPerCall(Profile profile) {
        var threads = ManagementFactory.getThreadMXBean();
        assertTrue(threads instanceof com.sun.management.ThreadMXBean t && t.isThreadAllocatedMemorySupported(),
                "this JVM does not count allocated bytes per thread, which this test measures (HotSpot does)");
        var counter = (com.sun.management.ThreadMXBean) threads;
        Func add = session(profile).instantiate("add").func("add");
        int sum = 0;
        for (int i = 0; i < WARM_UP; i++) {
            sum += add.callI32(i, 1);
        }
        long thread = Thread.currentThread().getId();
        long before = counter.getThreadAllocatedBytes(thread);
        for (int i = 0; i < CALLS; i++) {
            sum += add.callI32(i, 1);
        }
        long allocated = counter.getThreadAllocatedBytes(thread) - before;
        assertTrue(allocated < CALLS, provider() + " allocated " + allocated + " bytes in " + CALLS
                + " typed calls: the typed path must not allocate per call");
        assertEquals(expectedSum(), sum);
    }

    private static int expectedSum() {
        int sum = 0;
        for (int i = 0; i < WARM_UP; i++) {
            sum += i + 1;
        }
        for (int i = 0; i < CALLS; i++) {
            sum += i + 1;
        }
        return sum;
    }
}
