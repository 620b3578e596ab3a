package dev.nostdwasm.api;

import java.nio.ByteBuffer;

/** A linear memory. Bounds are checked: out-of-range access throws, never crashes. */
public non-sealed interface Memory extends Extern {

    ExternType.Memory type();

    /** Size in bytes. */
    long byteSize();

    /** Size in 64 KiB pages. */
    long pages();

    /**
     * Grows by {@code pages} and returns the previous size in pages.
     *
     * @throws ResourceLimitException past a store limit
     * @throws WasmException past the memory's maximum
     */
    long grow(long pages);

    /**
     * Copies {@code length} bytes at {@code offset} into {@code dst}.
     *
     * @throws IndexOutOfBoundsException when the bytes are not all inside the memory or {@code dst}
     */
    void read(long offset, byte[] dst, int dstOffset, int length);

    /**
     * Copies {@code length} bytes of {@code src} to {@code offset}.
     *
     * @throws IndexOutOfBoundsException when the bytes are not all inside the memory or {@code src}
     */
    void write(long offset, byte[] src, int srcOffset, int length);

    /**
     * A zero-copy little-endian view of the whole memory as it is now.
     *
     * <p>The view is revoked when it would no longer show this memory: when its store is closed
     * or garbage-collected, and when the memory moves or changes size (a {@link #grow}, or wasm's
     * {@code memory.grow}; noticed when wasm returns to Java or calls a host function). Any use of
     * a revoked view, on any thread, throws {@link IllegalStateException}: take a new view then.
     * A view does not keep its store alive.
     *
     * <p>Views need a provider that can revoke a {@code ByteBuffer}: the {@code ffm} provider
     * (Java 22+). Others throw {@link UnsupportedOperationException}; {@link #read} and {@link
     * #write} work everywhere.
     *
     * @throws UnsupportedOperationException on a provider that cannot revoke views, or when the
     *     memory is larger than a {@code ByteBuffer} can be (2 GiB)
     */
    ByteBuffer view();
}
