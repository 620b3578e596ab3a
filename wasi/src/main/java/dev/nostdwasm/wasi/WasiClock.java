package dev.nostdwasm.wasi;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;

/**
 * The clocks a guest reads through {@code clock_time_get}, in nanoseconds. Give {@link
 * WasiConfig.Builder#clock} a fixed or stepped implementation for reproducible runs. Sleeping in
 * {@code poll_oneoff} always takes real time.
 */
public interface WasiClock {

    /** {@return the nanoseconds since 1970-01-01T00:00:00Z ({@code realtime})} */
    long realtimeNanos();

    /** {@return the nanoseconds since an arbitrary start, never decreasing ({@code monotonic})} */
    long monotonicNanos();

    /** {@return the CPU time of the process in nanoseconds ({@code process_cputime_id})} */
    long processCpuNanos();

    /** {@return the CPU time of the calling thread in nanoseconds ({@code thread_cputime_id})} */
    long threadCpuNanos();

    /** {@return the host's clocks: the system clock, {@link System#nanoTime()}, and the JVM's CPU times} */
    static WasiClock system() {
        return new WasiClock() {
            // nanoTime may be negative; WASI timestamps are unsigned.
            private final long origin = System.nanoTime() - 1;

            @Override
            public long realtimeNanos() {
                Instant now = Instant.now();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public long monotonicNanos() {
                return System.nanoTime() - origin;
            }

            @Override
            public long processCpuNanos() {
                return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
            }

            @Override
            public long threadCpuNanos() {
                return Math.max(0, ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()); // -1: not measured
            }
        };
    }
}
