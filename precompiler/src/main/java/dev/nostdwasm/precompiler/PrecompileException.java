package dev.nostdwasm.precompiler;

import java.nio.file.Path;

/** An input could not be compiled; the message names the file and the reason. */
public class PrecompileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path input;

    public PrecompileException(Path input, String message) {
        super(message);
        this.input = input;
    }

    public PrecompileException(Path input, String message, Throwable cause) {
        super(message, cause);
        this.input = input;
    }

    /** The input that failed; null when the failure is not about one input (a missing tool, say). */
    public Path input() {
        return input;
    }
}
