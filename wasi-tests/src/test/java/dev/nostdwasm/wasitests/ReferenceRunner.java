package dev.nostdwasm.wasitests;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs programs under the standard Wasmtime CLI ({@code wasmtime run}), the reference of the differential tests. */
final class ReferenceRunner implements WasiRunner {

    /** How {@code wasmtime run} starts its message when it ends a run itself rather than the guest exiting. */
    private static final String RUNNER_ERROR = "Error: failed to run main module";

    private final Path cli;

    ReferenceRunner(Path cli) {
        if (!Files.isExecutable(cli)) {
            throw new IllegalArgumentException("the reference Wasmtime CLI is not an executable: " + cli
                    + " (scripts/wasmtime-cli.sh unpacks it; the wasi-tests build runs it)");
        }
        this.cli = cli;
    }

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public ProgramResult run(WasiCase c, Path hostDir) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(cli.toString(), "run", "--dir", hostDir + "::" + c.guestDir()));
        c.env().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> command.addAll(List.of("--env", e.getKey() + "=" + e.getValue())));
        if (c.maxWasmStack() > 0) {
            command.addAll(List.of("-W", "max-wasm-stack=" + c.maxWasmStack()));
        }
        command.add("--");
        command.add(c.program().toString());
        command.addAll(c.args());
        ProcessBuilder builder = new ProcessBuilder(command).directory(hostDir.toFile());
        // The CLI's own environment, not the guest's: no Rust backtraces, so that an error the runner
        // reports reads the same on every run.
        builder.environment().clear();
        builder.environment().put("RUST_BACKTRACE", "0");
        builder.environment().put("WASMTIME_BACKTRACE_DETAILS", "0");
        // Files, not pipes: nothing has to drain them while the process runs.
        Path stdout = Files.createTempFile("wasi-stdout", ".bin");
        Path stderr = Files.createTempFile("wasi-stderr", ".bin");
        try {
            Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(c.stdin());
            } catch (IOException guestClosedStdin) {
                // The guest exited before reading all of it: what it read is what counts.
            }
            int exit = process.waitFor();
            byte[] err = Files.readAllBytes(stderr);
            boolean runnerError = exit != 0 && new String(err, StandardCharsets.UTF_8).startsWith(RUNNER_ERROR);
            return new ProgramResult(exit, runnerError, Files.readAllBytes(stdout), err);
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }
}
