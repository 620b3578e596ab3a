package dev.nostdwasm.wasi;

/**
 * How a WASI command ended: {@code code} is the argument of its {@code proc_exit}, or 0 when its
 * {@code _start} returned.
 *
 * @param code the exit code
 */
public record WasiExit(int code) {

    /** {@return whether the exit code is 0} */
    public boolean isSuccess() {
        return code == 0;
    }
}
