package dev.nostdwasm.wasitests;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Something that runs WASI programs: the reference Wasmtime CLI ({@link ReferenceRunner}) or our SDK
 * on one provider and profile. {@link CaseRun} prepares the preopened directory and looks at it after.
 */
interface WasiRunner {

    /** A short stable name for reports, e.g. {@code reference} or {@code ffm/native}. */
    String name();

    /**
     * Runs the case's program with {@code hostDir} preopened read-write as {@link WasiCase#guestDir()}, its
     * args, its environment and nothing else, and its stdin; waits for the end.
     */
    ProgramResult run(WasiCase c, Path hostDir) throws IOException, InterruptedException;
}
