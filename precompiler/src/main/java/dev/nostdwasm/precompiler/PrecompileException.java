package dev.nostdwasm.precompiler;

import java.nio.file.Path;

/** An input could not be compiled; the message names the file and the reason. */
public class PrecompileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path input;

    /**
     * An exception without a cause.
     *
     * @param input the input that failed, or null when the failure is not about one input
     * @param message the file and the reason, and what to do about it
     */
    public PrecompileException(Path input, String message) {
        super(message);
        this.input = input;
    }

    /**
     * An exception caused by {@code cause}.
     *
     * @param input the input that failed, or null when the failure is not about one input
     * @param message the file and the reason, and what to do about it
     * @param cause what failed underneath
     */
    public PrecompileException(Path input, String message, Throwable cause) {
        super(message, cause);
        this.input = input;
    }

    /** {@return the input that failed; null when the failure is not about one input (a missing tool, say)} */
    public Path input() {
        return input;
    }
}
