package dev.nostdwasm.wasi;

/**
 * Thrown by {@code proc_exit} to unwind the guest: the runtime turns it into a trap whose cause it
 * is, and {@link Wasi#run} turns that trap into a {@link WasiExit}. It never reaches the embedder.
 */
final class ProcExit extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int code;

    ProcExit(int code) {
        super("proc_exit(" + code + ")", null, false, false);
        this.code = code;
    }

    int code() {
        return code;
    }
}
