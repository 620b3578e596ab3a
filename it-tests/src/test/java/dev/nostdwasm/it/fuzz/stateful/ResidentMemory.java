package dev.nostdwasm.it.fuzz.stateful;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The process's resident size against what its live stores may hold: every store the fuzzer makes
 * is registered with the bytes its limits allow, and the resident size ({@code VmRSS} of {@code
 * /proc/self/status}) may exceed the size after warm-up by at most their sum plus an allowance
 * (the JVM's own growth: code, metadata, threads). A store stays registered until it is closed,
 * or, when dropped for the garbage collector, until the next phase end (which collects).
 */
final class ResidentMemory {
    private static final Path STATUS = Paths.get("/proc/self/status");
    /** What a store holds besides its memories and tables (instances, code references, host functions). */
    static final long PER_STORE_OVERHEAD = 1L << 20;

    private final Map<Long, Long> liveStores = new ConcurrentHashMap<>();
    private final long allowance;
    private long baseline;
    private long firstPhaseEnd = -1;

    ResidentMemory(long allowanceMiB) {
        this.allowance = allowanceMiB << 20;
    }

    /** Takes the resident size now as the warm-up baseline. */
    void warmedUp() {
        baseline = residentBytes();
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
     * the resident size is back within the allowance of the first phase end's, else why not.
     */
    synchronized String phaseEnd(int phase) {
        long now = residentBytes();
        if (firstPhaseEnd < 0) {
            firstPhaseEnd = now;
            return null;
        }
        if (now > firstPhaseEnd + allowance) {
            return "resident size after phase " + phase + " (everything closed, heap collected) is " + mib(now)
                    + " MiB, more than the first phase end's " + mib(firstPhaseEnd) + " MiB plus the allowance of "
                    + mib(allowance) + " MiB: memory not given back when stores, linkers, modules and engines close";
        }
        return null;
    }

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

    static long mib(long bytes) {
        return bytes >> 20;
    }
}
