package dev.nostdwasm.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The inputs every subject runs with (the same ones {@code native_bench.rs} uses) and where the
 * build put the modules: {@code -Dnostdwasm.bench.dir}, the output of {@code scripts/build-natives.sh}.
 */
public final class Workloads {

    public static final int SHA_SEED = 1;
    public static final int SIEVE_N = 2_000_000;
    public static final int FIB_N = 27;
    public static final int SORT_N = 262_144;
    public static final int SORT_SEED = 7;
    /** Host calls per {@code host_loop} call: the host measure divides by it. */
    public static final int HOST_CALLS = 1000;
    public static final int PAGE_SEED = 3;
    public static final int PAGE_BYTES = 4096;

    public static final String DIR_PROPERTY = "nostdwasm.bench.dir";

    private Workloads() {
    }

    static Path dir() {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir == null) {
            throw new IllegalStateException("-D" + DIR_PROPERTY + " is not set: point it at benchmarks/target/natives "
                    + "(scripts/bench.sh does; build it with ./mvnw -pl benchmarks package)");
        }
        return Path.of(dir);
    }

    /** The plain module {@code stem}.wasm (what Chicory runs). */
    static byte[] wasm(String stem) {
        return read(dir().resolve("wasm").resolve(stem + ".wasm"));
    }

    /** The precompiled artifact of {@code stem} for a profile on a target. */
    static byte[] artifact(String stem, String profile, String target) {
        return read(dir().resolve("artifacts").resolve(stem + "." + profile + "." + target + ".cwasm"));
    }

    static Path bareLibrary() {
        return dir().resolve("libnsw_bench_bare.so");
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(path + " is unreadable: build the benchmarks module first "
                    + "(./mvnw -pl benchmarks package runs scripts/build-natives.sh)", e);
        }
    }
}
