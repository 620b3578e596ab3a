package dev.nostdwasm.api;

import java.util.List;
import java.util.Objects;

/**
 * WebAssembly threw an exception (the exception-handling proposal's {@code throw}) that no
 * {@code catch} in wasm handled, so it ended the call or the instantiation. It carries the type
 * of the exception's tag and the values thrown with it; the exception object itself is released
 * once they are read, and the store stays usable.
 *
 * <p>The tag is described by its type only: two tags with the same parameter types cannot be
 * told apart here, since the Java API does not expose tags as externs yet.
 *
 * <p>Payload values cross as call results do: an {@code externref} made by Java comes back as
 * its object, one made by wasm as an {@link OpaqueRef}, a {@code funcref} as a {@link Func}.
 * Typed function and GC references ({@link ValType#OTHER_REF}) cannot cross into Java yet, so
 * a payload with such a value is not available (see {@link #payload()}); catch those
 * exceptions in wasm instead.
 */
public class UncaughtWasmException extends WasmException {
    /** Version 2: the tag's parameter types. */
    private static final long serialVersionUID = 2L;

    private final transient List<WasmFrame> backtrace;
    /**
     * The parameter types of the exception's tag; kept by serialization (an enum in an
     * immutable list), unlike the payload, whose values may hold store objects.
     */
    private final List<ValType> tagParams;
    private final transient List<Val> payload;

    /**
     * An exception with its tag's type, its payload and the frames Wasmtime recorded.
     *
     * @param message what happened
     * @param tagType the type of the exception's tag
     * @param payload the values thrown, one per parameter of {@code tagType} and of its type; null
     *     when they cannot cross into Java (see {@link #payload()})
     * @param backtrace the WebAssembly frames, innermost first
     * @throws IllegalArgumentException if {@code payload} does not match {@code tagType}
     */
    public UncaughtWasmException(String message, ExternType.Tag tagType, List<Val> payload, List<WasmFrame> backtrace) {
        super(message);
        this.tagParams = Objects.requireNonNull(tagType, "tagType").params();
        this.payload = payload == null ? null : List.copyOf(payload);
        this.backtrace = List.copyOf(Objects.requireNonNull(backtrace, "backtrace"));
        if (this.payload != null && !this.payload.stream().map(Val::type).toList().equals(tagParams)) {
            throw new IllegalArgumentException("the payload " + this.payload + " does not match the tag's parameter types "
                    + tagParams + ": pass one value of each parameter's type, in order");
        }
    }

    /**
     * The type of the exception's tag: its parameters are the types of the {@linkplain #payload()
     * payload}'s values.
     *
     * @return the tag's type
     */
    public ExternType.Tag tagType() {
        return new ExternType.Tag(tagParams);
    }

    /**
     * The values thrown with the exception, in the order of its tag's parameters (empty for a tag
     * without parameters).
     *
     * @return the payload, unmodifiable
     * @throws UnsupportedOperationException if a value is a typed function or GC reference, which
     *     cannot cross into Java yet (catch such exceptions in wasm), or if this exception was
     *     deserialized (the payload is not serialized)
     */
    public List<Val> payload() {
        if (payload == null) {
            throw new UnsupportedOperationException("the payload of this exception (tag " + tagParams + ") is not "
                    + "available: it holds typed function or GC references, which cannot cross into Java yet (catch "
                    + "the exception in wasm to read them), or the exception was deserialized");
        }
        return payload;
    }

    /**
     * The WebAssembly frames Wasmtime recorded, innermost first.
     *
     * @return the frames; often empty for exceptions
     */
    public List<WasmFrame> backtrace() {
        return backtrace == null ? List.of() : backtrace;
    }
}
