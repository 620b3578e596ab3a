package dev.nostdwasm.wasitests;

import java.nio.charset.StandardCharsets;

/**
 * How a program's run ended and what it wrote.
 *
 * @param exitCode      the code the guest exited with ({@code proc_exit}, or 0 when {@code _start} returned)
 * @param endedInError  the runner ended the run itself (a trap, or a value the host refused): then
 *                      {@code exitCode} and {@code stderr} are the runner's own, not the guest's
 * @param stdout        everything the guest wrote to standard output
 * @param stderr        everything written to standard error
 */
record ProgramResult(int exitCode, boolean endedInError, byte[] stdout, byte[] stderr) {

    ProgramResult {
        stdout = stdout.clone();
        stderr = stderr.clone();
    }

    String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    String stderrText() {
        return new String(stderr, StandardCharsets.UTF_8);
    }
}
