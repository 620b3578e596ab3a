package dev.nostdwasm.api.runtime;

import static dev.nostdwasm.api.abi.NswConstants.NSW_ERROR_ARTIFACT_CORRUPT;
import static dev.nostdwasm.api.abi.NswConstants.NSW_ERROR_ARTIFACT_MISMATCH;
import static dev.nostdwasm.api.abi.NswConstants.NSW_ERROR_EXCEPTION;
import static dev.nostdwasm.api.abi.NswConstants.NSW_ERROR_HOST;
import static dev.nostdwasm.api.abi.NswConstants.NSW_ERROR_INVALID_ARGUMENT;
import static dev.nostdwasm.api.abi.NswConstants.NSW_ERROR_LINK;
import static dev.nostdwasm.api.abi.NswConstants.NSW_ERROR_RESOURCE_LIMIT;
import static dev.nostdwasm.api.abi.NswConstants.NSW_ERROR_TRAP;
import static dev.nostdwasm.api.abi.NswConstants.NSW_ERROR_UNSUPPORTED;

import dev.nostdwasm.api.ArtifactCorruptException;
import dev.nostdwasm.api.ArtifactMismatchException;
import dev.nostdwasm.api.LinkException;
import dev.nostdwasm.api.ResourceLimitException;
import dev.nostdwasm.api.TrapCode;
import dev.nostdwasm.api.UncaughtWasmException;
import dev.nostdwasm.api.WasmException;
import dev.nostdwasm.api.WasmFrame;
import dev.nostdwasm.api.WasmTrapException;
import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.Val;
import dev.nostdwasm.api.ValType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns an {@code nsw_error_t*} into the typed exception its kind names. */
final class Errors {

    private Errors() {
    }

    /** Reads and frees {@code error}, which did not come from running wasm. */
    static RuntimeException toException(NativeRuntime rt, long error) {
        return toException(rt, null, error);
    }

    /**
     * Reads and frees {@code error}, from running wasm in {@code store} (a call or an
     * instantiation): an uncaught exception's tag and payload are read in that store.
     */
    static RuntimeException toException(StoreImpl store, long error) {
        return toException(store.rt, store, error);
    }

    private static RuntimeException toException(NativeRuntime rt, StoreImpl store, long error) {
        int kind;
        String message;
        int trapCode = -1;
        List<WasmFrame> backtrace = List.of();
        UncaughtWasmException uncaught = null;
        try (Scratch s = rt.scratch()) {
            kind = rt.abi.nsw_error_kind(error);
            rt.abi.nsw_error_message(error, s.out(0), s.out(1));
            message = rt.string(s.outLong(0), s.outLong(1));
            if (rt.abi.nsw_error_trap_code(error, s.out(2))) {
                trapCode = s.outInt(2);
            }
            if (kind == NSW_ERROR_TRAP || kind == NSW_ERROR_HOST || kind == NSW_ERROR_EXCEPTION) {
                backtrace = frames(rt, s, error);
            }
            if (kind == NSW_ERROR_EXCEPTION) {
                uncaught = uncaught(rt, store, s, error, message, backtrace);
            }
        } finally {
            rt.abi.nsw_error_delete(error);
        }
        return switch (kind) {
            case NSW_ERROR_INVALID_ARGUMENT -> new IllegalArgumentException(message);
            case NSW_ERROR_ARTIFACT_CORRUPT -> new ArtifactCorruptException(message);
            case NSW_ERROR_ARTIFACT_MISMATCH -> new ArtifactMismatchException(message);
            case NSW_ERROR_LINK -> new LinkException(message);
            case NSW_ERROR_TRAP -> new WasmTrapException(TrapCode.fromCode(trapCode), message, null, backtrace);
            case NSW_ERROR_HOST -> {
                Throwable cause = rt.hostCalls.takeFailure();
                yield new WasmTrapException(TrapCode.HOST_EXCEPTION, message, cause, backtrace);
            }
            case NSW_ERROR_RESOURCE_LIMIT -> new ResourceLimitException(message);
            case NSW_ERROR_UNSUPPORTED -> new WasmException("not supported here: " + message);
            case NSW_ERROR_EXCEPTION -> uncaught;
            default -> new WasmException(message);
        };
    }

    /** The exception with the tag and payload {@code error} keeps (read before the error is freed). */
    private static UncaughtWasmException uncaught(NativeRuntime rt, StoreImpl store, Scratch s, long error,
            String message, List<WasmFrame> backtrace) {
        if (store == null) {
            // Only running wasm throws, and every call site that runs wasm passes its store.
            throw new IllegalStateException("an uncaught wasm exception reached the SDK without its store: " + message);
        }
        rt.check(rt.abi.nsw_exception_tag(store.ctx, error, s.out(7)));
        long tag = s.outLong(7);
        ExternType.Tag tagType;
        try {
            rt.check(rt.abi.nsw_extern_type(tag, s.address + Scratch.TYPE));
            tagType = (ExternType.Tag) Types.read(rt, s);
        } finally {
            rt.abi.nsw_extern_delete(tag);
        }
        List<ValType> params = tagType.params();
        if (params.contains(ValType.OTHER_REF)) {
            return new UncaughtWasmException(message, tagType, null, backtrace);
        }
        ByteBuffer slots = store.confinement.slots(params.size());
        rt.check(rt.abi.nsw_exception_payload(store.ctx, error, store.confinement.slotsAddress(), params.size()));
        List<Val> payload = new ArrayList<>(params.size());
        for (int i = 0; i < params.size(); i++) {
            payload.add(Values.read(store, slots, i, params.get(i)));
        }
        return new UncaughtWasmException(message, tagType, payload, backtrace);
    }

    /** The error's wasm frames, innermost first (read before the error is freed). */
    private static List<WasmFrame> frames(NativeRuntime rt, Scratch s, long error) {
        long count = rt.abi.nsw_error_frame_count(error);
        if (count <= 0) {
            return List.of();
        }
        List<WasmFrame> frames = new ArrayList<>((int) Math.min(count, 64));
        for (long i = 0; i < count; i++) {
            if (!rt.abi.nsw_error_frame(error, i, s.out(3), s.out(4), s.out(5), s.out(6))) {
                break;
            }
            long namePtr = s.outLong(4);
            Optional<String> name = namePtr == 0 ? Optional.empty() : Optional.of(rt.string(namePtr, s.outLong(5)));
            long offset = s.outLong(6);
            frames.add(new WasmFrame(s.outInt(3), name, offset < 0 ? -1 : offset));
        }
        return List.copyOf(frames);
    }
}
