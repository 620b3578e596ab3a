package dev.nostdwasm.api;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * WebAssembly trapped. When a host function threw, the trap's {@linkplain #getCause() cause} is
 * that exception. The {@linkplain #backtrace() backtrace} lists the WebAssembly frames that
 * were running, innermost first.
 */
public class WasmTrapException extends WasmException {
    /** Version 2: the backtrace, written by hand. */
    private static final long serialVersionUID = 2L;

    /** Why it trapped. */
    private final TrapCode trapCode;
    // Written by hand (WasmFrame holds an Optional, which is not serializable).
    private transient List<WasmFrame> backtrace;

    /**
     * A trap without a cause or backtrace.
     *
     * @param trapCode why it trapped
     * @param message what happened
     */
    public WasmTrapException(TrapCode trapCode, String message) {
        this(trapCode, message, null);
    }

    /**
     * A trap without a backtrace.
     *
     * @param trapCode why it trapped
     * @param message what happened
     * @param cause what a host function threw, or null
     */
    public WasmTrapException(TrapCode trapCode, String message, Throwable cause) {
        this(trapCode, message, cause, List.of());
    }

    /**
     * A trap with the WebAssembly frames that were running.
     *
     * @param trapCode why it trapped
     * @param message what happened
     * @param cause what a host function threw, or null
     * @param backtrace the frames, innermost first
     */
    public WasmTrapException(TrapCode trapCode, String message, Throwable cause, List<WasmFrame> backtrace) {
        super(message, cause);
        this.trapCode = trapCode;
        this.backtrace = List.copyOf(Objects.requireNonNull(backtrace, "backtrace"));
    }

    /**
     * Why it trapped.
     *
     * @return the trap code
     */
    public TrapCode trapCode() {
        return trapCode;
    }

    /**
     * The WebAssembly frames that were running when it trapped, innermost (where it trapped)
     * first, outermost (the function the host called) last. Wasmtime keeps at most 20 frames,
     * the innermost ones. Empty when Wasmtime attached none, for example when a host function
     * failed before any WebAssembly ran. For a host function that threw, the frames are those
     * of the WebAssembly that called it.
     *
     * @return the frames, innermost first
     */
    public List<WasmFrame> backtrace() {
        return backtrace;
    }

    /**
     * Writes the fields, then the backtrace frame by frame.
     *
     * @param out the stream
     * @throws IOException when the stream fails
     */
    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        out.writeInt(backtrace.size());
        for (WasmFrame f : backtrace) {
            out.writeInt(f.functionIndex());
            out.writeObject(f.name().orElse(null));
            out.writeLong(f.offset());
        }
    }

    /**
     * Reads what {@link #writeObject} wrote.
     *
     * @param in the stream
     * @throws IOException when the stream fails or holds a negative frame count
     * @throws ClassNotFoundException when a class of the stream is missing
     */
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        int n = in.readInt();
        if (n < 0) {
            throw new java.io.InvalidObjectException("negative frame count");
        }
        List<WasmFrame> frames = new ArrayList<>(Math.min(n, 64));
        for (int i = 0; i < n; i++) {
            int index = in.readInt();
            String name = (String) in.readObject();
            frames.add(new WasmFrame(index, Optional.ofNullable(name), in.readLong()));
        }
        backtrace = List.copyOf(frames);
    }
}
