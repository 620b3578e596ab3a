package dev.nostdwasm.wasitests;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One run of a WASI program: what the host hands it and what it is expected to do.
 *
 * @param name         unique and stable, e.g. {@code c/fd_io} or {@code go/os}: the row in docs/WASI-programs.md
 * @param program      the {@code .wasm} file
 * @param args         the arguments after the program name
 * @param env          the whole environment the guest sees (nothing is inherited)
 * @param stdin        the bytes on standard input, then its end
 * @param fixture      the preopened directory's initial content, copied fresh for every run
 * @param guestDir     the guest path of the preopened directory
 * @param emptyDirs    directories (relative to the preopen) made after the copy: git keeps no empty directory
 * @param maxWasmStack the most bytes of stack the guest may use, 0 for the runner's default; Go's test
 *                     binaries need 8 MiB, as Go's own WASI launcher (GOROOT/lib/wasm) sets it
 * @param expectation  what a correct run looks like, beyond matching the reference
 */
record WasiCase(String name, Path program, List<String> args, Map<String, String> env, byte[] stdin,
                Path fixture, String guestDir, List<String> emptyDirs, long maxWasmStack, Expectation expectation) {

    /** What a correct run looks like. */
    enum Expectation {
        /** Deterministic output: two runs under one runner give the same outcome. */
        STABLE,
        /** A Go test binary: exits 0 with {@code PASS} as its last line of standard output. */
        GO_PASS,
        /** The reference refuses a value the WASI types do not allow by ending the run with an error. */
        ENDS_IN_ERROR
    }

    WasiCase {
        args = List.copyOf(args);
        env = Map.copyOf(env);
        stdin = stdin.clone();
        emptyDirs = List.copyOf(emptyDirs);
    }

    /** The part of the name before the slash: {@code c} or {@code go}. */
    String kind() {
        return name.substring(0, name.indexOf('/'));
    }
}
