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
     * A zero-copy little-endian view of the whole memory, valid until the memory grows or wasm
     * runs again in the store.
     */
    ByteBuffer view();
}
