package dev.nostdwasm.api.runtime;

import dev.nostdwasm.api.ArtifactCorruptException;
import dev.nostdwasm.api.ArtifactMismatchException;
import dev.nostdwasm.api.LinkException;
import dev.nostdwasm.api.ResourceLimitException;
import dev.nostdwasm.api.TrapCode;
import dev.nostdwasm.api.WasmException;
import dev.nostdwasm.api.WasmTrapException;

/** Turns an {@code nsw_error_t*} into the typed exception its kind names. */
final class Errors {

    // NSW_ERROR_* kinds of nsw.h.
    static final int INVALID_ARGUMENT = 1;
    static final int ARTIFACT_CORRUPT = 2;
    static final int ARTIFACT_MISMATCH = 3;
    static final int LINK = 4;
    static final int TRAP = 5;
    static final int HOST = 6;
    static final int RESOURCE_LIMIT = 7;
    static final int UNSUPPORTED = 8;

    private Errors() {
    }

    /** Reads and frees {@code error}. */
    static RuntimeException toException(NativeRuntime rt, long error) {
        int kind;
        String message;
        int trapCode = -1;
        try (Scratch s = rt.scratch()) {
            kind = rt.abi.nsw_error_kind(error);
            rt.abi.nsw_error_message(error, s.out(0), s.out(1));
            message = rt.string(s.outLong(0), s.outLong(1));
            if (rt.abi.nsw_error_trap_code(error, s.out(2))) {
                trapCode = s.outInt(2);
            }
        } finally {
            rt.abi.nsw_error_delete(error);
        }
        return switch (kind) {
            case INVALID_ARGUMENT -> new IllegalArgumentException(message);
            case ARTIFACT_CORRUPT -> new ArtifactCorruptException(message);
            case ARTIFACT_MISMATCH -> new ArtifactMismatchException(message);
            case LINK -> new LinkException(message);
            case TRAP -> new WasmTrapException(TrapCode.fromCode(trapCode), message, null);
            case HOST -> {
                Throwable cause = rt.hostCalls.takeFailure();
                yield new WasmTrapException(TrapCode.HOST_EXCEPTION, message, cause);
            }
            case RESOURCE_LIMIT -> new ResourceLimitException(message);
            case UNSUPPORTED -> new WasmException("not supported here: " + message);
            default -> new WasmException(message);
        };
    }
}
