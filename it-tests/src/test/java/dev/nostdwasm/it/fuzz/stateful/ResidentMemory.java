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
 * has given its free pages back ({@link #heldBytes}). The raw resident size is not a measure of
 * what is live: the Pulley profile's linear memories are C-heap blocks (Wasmtime's {@code
 * MallocMemory}), as are tables, instances and Pulley's stacks, and glibc keeps the freed blocks
 * of each thread's arena for reuse. Over 100,000 operations on four threads that retained free
 * space reaches 1 to 2 GiB while what is in use after a phase stays the same; returned with
 * {@code malloc_trim}, the resident size is flat from phase to phase on both providers. A real
 * leak (a store, module or engine never freed, or freed without its memory) stays resident after
 * the trim, and {@code StatefulApiFuzzTest#anInjectedLeakIsReported} shows the check sees one.
 *
 * <p>Two checks use it: every store the fuzzer makes is registered with the bytes its limits
 * allow, and the process may hold at most its size after warm-up plus their sum plus an allowance
 * (the JVM's own growth: code, metadata, threads) at any time ({@link #bound}); and after every
 * phase, with everything closed and the heap collected, at most the first phase end's size plus a
 * smaller allowance ({@link #phaseEnd}). A store stays registered until it is closed, or, when
 * dropped for the garbage collector, until the next phase end (which collects).
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
        long sum = 0;
        for (long b : liveStores.values()) {
            sum += b;
        }
        return baseline + sum + allowance;
    }

    /**
     * At a phase end, after every thread closed everything and the heap was collected: null when
     * the process holds no more than at the first phase end plus the phase allowance, else why not.
     */
    synchronized String phaseEnd(int phase) {
        long now = heldBytes();
        if (firstPhaseEnd < 0) {
            firstPhaseEnd = now;
            return null;
        }
        if (now > firstPhaseEnd + phaseAllowance) {
            return "resident size after phase " + phase + " (everything closed, heap collected, C heap trimmed) is "
                    + mib(now) + " MiB, more than the first phase end's " + mib(firstPhaseEnd) + " MiB plus the"
                    + " allowance of " + mib(phaseAllowance) + " MiB: memory not given back when stores, linkers,"
                    + " modules and engines close";
        }
        return null;
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
                    + " diagnostic command (Java 17.0.9 or newer), which this JVM refused", e);
        }
        return residentBytes();
    }

    static long mib(long bytes) {
        return bytes >> 20;
    }
}
