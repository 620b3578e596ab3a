package dev.nostdwasm.it.fuzz.stateful;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * What the process holds, against what its live stores may hold.
 *
 * <p>"Holds" is the resident size ({@code VmRSS} of {@code /proc/self/status}) after the C heap
 * has given its free pages back ({@link #heldBytes}): glibc keeps freed blocks (the Pulley
 * profile's linear memories among them) in its arenas, so the raw resident size grows with what
 * was once allocated, not with what is live. A real leak stays resident after the trim. The
 * measurements behind this are in it-tests/README.md ("The stateful API fuzzer").
 *
 * <p>Two checks use it. Every store the fuzzer makes is registered with the bytes its limits
 * allow, and the process may hold at most its size after warm-up plus their sum plus an allowance
 * (the JVM's own growth: code, metadata, threads) at any time ({@link #bound}). After every phase,
 * with everything closed and the heap collected, it must not hold more than the first phase end's
 * size plus a smaller allowance plus what the stores still registered may hold at two phase ends
 * in a row ({@link #phaseEnd}). A store stays registered until it is closed, or, when dropped for
 * the garbage collector, until the phase end after the one whose collection found it (the
 * cleaner frees it in between).
 */
final class ResidentMemory {
    private static final Path STATUS = Paths.get("/proc/self/status");
    /** What a store holds besides its memories and tables (instances, code references, host functions). */
    static final long PER_STORE_OVERHEAD = 1L << 20;

    private final Map<Long, Long> liveStores = new ConcurrentHashMap<>();
    private final long allowance;
    private final long phaseAllowance;
    private long baseline;
    private long firstPhaseEnd = -1;
    /** Why the last phase end was over its limit, null when it was not. */
    private String previousBreach;

    ResidentMemory(long allowanceMiB, long phaseAllowanceMiB) {
        this.allowance = allowanceMiB << 20;
        this.phaseAllowance = phaseAllowanceMiB << 20;
    }

    /** Takes what the process holds now as the warm-up baseline. */
    void warmedUp() {
        baseline = heldBytes();
    }

    void register(long store, long bytes) {
        liveStores.put(store, bytes + PER_STORE_OVERHEAD);
    }

    void unregister(long store) {
        liveStores.remove(store);
    }

    /** The most the process may hold now. */
    long bound() {
        return baseline + registeredBytes() + allowance;
    }

    private long registeredBytes() {
        long sum = 0;
        for (long b : liveStores.values()) {
            sum += b;
        }
        return sum;
    }

    /**
     * At a phase end, after every thread closed everything and the heap was collected: why the
     * process held more than the first phase end's size plus the phase allowance plus what the
     * stores still being freed may hold, at this phase end and the one before; else null.
     */
    synchronized String phaseEnd(int phase) {
        long now = heldBytes();
        if (firstPhaseEnd < 0) {
            firstPhaseEnd = now;
            return null;
        }
        long freeing = registeredBytes();
        // In the fork's output.log, so that a passing run shows its margin too.
        System.out.println("fuzz: phase " + phase + " end: holds " + mib(now) + " MiB, may hold "
                + mib(firstPhaseEnd + phaseAllowance + freeing) + " MiB (" + mib(freeing) + " MiB of it for dropped"
                + " stores being freed)");
        if (now <= firstPhaseEnd + phaseAllowance + freeing) {
            previousBreach = null;
            return null;
        }
        String breach = "resident size after phase " + phase + " (everything closed, heap collected, C heap trimmed)"
                + " is " + mib(now) + " MiB, more than the first phase end's " + mib(firstPhaseEnd) + " MiB plus the"
                + " allowance of " + mib(phaseAllowance) + " MiB plus the " + mib(freeing) + " MiB that the dropped"
                + " stores the cleaner may still be freeing can hold";
        // The cleaner may still be freeing stores of earlier phases when it falls behind: memory
        // not given back at two phase ends in a row is what a leak looks like, one is not.
        String report = previousBreach == null ? null : breach + ", and " + previousBreach + ": memory not given back"
                + " when stores, linkers, modules and engines close";
        previousBreach = breach;
        return report;
    }

    /** The resident size as the kernel counts it, free C-heap pages included. */
    static long residentBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").strip()) * 1024;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the fuzzer reads the resident size from " + STATUS, e);
        }
        throw new IllegalStateException("no VmRSS line in " + STATUS);
    }

    /**
     * The resident size after the C heap gave its free pages back to the kernel: HotSpot's
     * {@code System.trim_native_heap} diagnostic command, which calls glibc's {@code
     * malloc_trim(0)} (the JDK's own way to it, so that this class needs no native call).
     */
    static long heldBytes() {
        try {
            Object answer = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "systemTrimNativeHeap",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            if (!String.valueOf(answer).startsWith("Trim native heap: RSS")) {
                throw new IllegalStateException("this JVM cannot trim its C heap (" + String.valueOf(answer).strip()
                        + "); the fuzzer's leak checks need HotSpot on glibc");
            }
        } catch (JMException e) {
            throw new IllegalStateException("the fuzzer's leak checks need HotSpot's System.trim_native_heap"
                    + " diagnostic command, which this JVM refused", e);
        }
        return residentBytes();
    }

    static long mib(long bytes) {
        return bytes >> 20;
    }
}
