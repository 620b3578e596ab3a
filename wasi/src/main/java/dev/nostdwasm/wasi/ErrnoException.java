package dev.nostdwasm.wasi;

/**
 * A WASI call's failure with the errno the guest gets. Thrown often on ordinary paths (a missing
 * file is an answer, not a bug), so it records no stack trace.
 */
final class ErrnoException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int errno;

    ErrnoException(int errno) {
        super("WASI errno " + errno, null, false, false);
        this.errno = errno;
    }

    int errno() {
        return errno;
    }
}
