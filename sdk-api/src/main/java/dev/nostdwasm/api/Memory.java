package dev.nostdwasm.api;

import java.nio.ByteBuffer;

/**
 * A linear memory.
 *
 * <p>Reads and writes from Java take an <em>address</em>, a byte offset into the memory, and use
 * WebAssembly's byte order (little-endian) at any alignment. Every access is checked against the
 * memory's size at that moment: bytes outside it throw {@link MemoryAccessException} (never a
 * crash), before anything is read or written. The Java side of a copy (an array range, a buffer's
 * remaining bytes) is checked as Java checks it, with {@link IndexOutOfBoundsException}.
 *
 * <p>Strings are UTF-8, as most languages compiled to wasm keep them. Reading replaces malformed
 * bytes with U+FFFD; writing replaces unpaired surrogates with {@code '?'}, as {@link
 * String#getBytes(java.nio.charset.Charset)} does.
 */
public non-sealed interface Memory extends Extern {

    /**
     * The memory's type, as declared (its current size is {@link #pages()}).
     *
     * @return the type
     */
    @Override
    ExternType.Memory type();

    /**
     * The current size.
     *
     * @return the size in bytes
     */
    long byteSize();

    /**
     * The current size in 64 KiB pages.
     *
     * @return the number of pages
     */
    long pages();

    /**
     * Grows by {@code pages} pages of zeros.
     *
     * @param pages how many pages to add, {@code >= 0}
     * @return the previous size in pages
     * @throws ResourceLimitException past a store limit
     * @throws WasmException past the memory's maximum
     */
    long grow(long pages);

    /**
     * Copies {@code length} bytes at {@code address} into {@code dst}.
     *
     * @param address where the bytes start in this memory
     * @param dst the array to copy into
     * @param dstOffset where in {@code dst} the first byte goes
     * @param length how many bytes
     * @throws MemoryAccessException when the bytes are not all inside this memory
     * @throws IndexOutOfBoundsException when the range is not inside {@code dst}
     */
    void read(long address, byte[] dst, int dstOffset, int length);

    /**
     * Copies {@code length} bytes of {@code src} to {@code address}.
     *
     * @param address where the bytes go in this memory
     * @param src the array to copy from
     * @param srcOffset where in {@code src} the first byte is
     * @param length how many bytes
     * @throws MemoryAccessException when the bytes are not all inside this memory
     * @throws IndexOutOfBoundsException when the range is not inside {@code src}
     */
    void write(long address, byte[] src, int srcOffset, int length);

    /**
     * Copies the bytes at {@code address} into {@code dst}'s remaining bytes, and advances its
     * position past them.
     *
     * @param address where the bytes start in this memory
     * @param dst the buffer to fill (any kind, any byte order)
     * @throws MemoryAccessException when {@code dst.remaining()} bytes are not all inside this memory
     * @throws java.nio.ReadOnlyBufferException when {@code dst} is read-only
     */
    void read(long address, ByteBuffer dst);

    /**
     * Copies {@code src}'s remaining bytes to {@code address}, and advances its position past them.
     *
     * @param address where the bytes go in this memory
     * @param src the buffer to copy from (any kind, any byte order)
     * @throws MemoryAccessException when {@code src.remaining()} bytes do not all fit in this memory
     */
    void write(long address, ByteBuffer src);

    /**
     * Reads {@code length} little-endian 16-bit values at {@code address} into {@code dst}.
     *
     * @param address where the first value starts in this memory
     * @param dst the array to copy into
     * @param dstOffset where in {@code dst} the first value goes
     * @param length how many values (2 bytes each)
     * @throws MemoryAccessException when the bytes are not all inside this memory
     * @throws IndexOutOfBoundsException when the range is not inside {@code dst}
     */
    void read(long address, short[] dst, int dstOffset, int length);

    /**
     * Writes {@code length} values of {@code src} to {@code address}, little-endian.
     *
     * @param address where the first value goes in this memory
     * @param src the array to copy from
     * @param srcOffset where in {@code src} the first value is
     * @param length how many values (2 bytes each)
     * @throws MemoryAccessException when the bytes do not all fit in this memory
     * @throws IndexOutOfBoundsException when the range is not inside {@code src}
     */
    void write(long address, short[] src, int srcOffset, int length);

    /**
     * Reads {@code length} little-endian 32-bit values at {@code address} into {@code dst}.
     *
     * @param address where the first value starts in this memory
     * @param dst the array to copy into
     * @param dstOffset where in {@code dst} the first value goes
     * @param length how many values (4 bytes each)
     * @throws MemoryAccessException when the bytes are not all inside this memory
     * @throws IndexOutOfBoundsException when the range is not inside {@code dst}
     */
    void read(long address, int[] dst, int dstOffset, int length);

    /**
     * Writes {@code length} values of {@code src} to {@code address}, little-endian.
     *
     * @param address where the first value goes in this memory
     * @param src the array to copy from
     * @param srcOffset where in {@code src} the first value is
     * @param length how many values (4 bytes each)
     * @throws MemoryAccessException when the bytes do not all fit in this memory
     * @throws IndexOutOfBoundsException when the range is not inside {@code src}
     */
    void write(long address, int[] src, int srcOffset, int length);

    /**
     * Reads {@code length} little-endian 64-bit values at {@code address} into {@code dst}.
     *
     * @param address where the first value starts in this memory
     * @param dst the array to copy into
     * @param dstOffset where in {@code dst} the first value goes
     * @param length how many values (8 bytes each)
     * @throws MemoryAccessException when the bytes are not all inside this memory
     * @throws IndexOutOfBoundsException when the range is not inside {@code dst}
     */
    void read(long address, long[] dst, int dstOffset, int length);

    /**
     * Writes {@code length} values of {@code src} to {@code address}, little-endian.
     *
     * @param address where the first value goes in this memory
     * @param src the array to copy from
     * @param srcOffset where in {@code src} the first value is
     * @param length how many values (8 bytes each)
     * @throws MemoryAccessException when the bytes do not all fit in this memory
     * @throws IndexOutOfBoundsException when the range is not inside {@code src}
     */
    void write(long address, long[] src, int srcOffset, int length);

    /**
     * Reads {@code length} little-endian 32-bit floats at {@code address} into {@code dst}.
     *
     * @param address where the first value starts in this memory
     * @param dst the array to copy into
     * @param dstOffset where in {@code dst} the first value goes
     * @param length how many values (4 bytes each)
     * @throws MemoryAccessException when the bytes are not all inside this memory
     * @throws IndexOutOfBoundsException when the range is not inside {@code dst}
     */
    void read(long address, float[] dst, int dstOffset, int length);

    /**
     * Writes {@code length} values of {@code src} to {@code address}, little-endian.
     *
     * @param address where the first value goes in this memory
     * @param src the array to copy from
     * @param srcOffset where in {@code src} the first value is
     * @param length how many values (4 bytes each)
     * @throws MemoryAccessException when the bytes do not all fit in this memory
     * @throws IndexOutOfBoundsException when the range is not inside {@code src}
     */
    void write(long address, float[] src, int srcOffset, int length);

    /**
     * Reads {@code length} little-endian 64-bit floats at {@code address} into {@code dst}.
     *
     * @param address where the first value starts in this memory
     * @param dst the array to copy into
     * @param dstOffset where in {@code dst} the first value goes
     * @param length how many values (8 bytes each)
     * @throws MemoryAccessException when the bytes are not all inside this memory
     * @throws IndexOutOfBoundsException when the range is not inside {@code dst}
     */
    void read(long address, double[] dst, int dstOffset, int length);

    /**
     * Writes {@code length} values of {@code src} to {@code address}, little-endian.
     *
     * @param address where the first value goes in this memory
     * @param src the array to copy from
     * @param srcOffset where in {@code src} the first value is
     * @param length how many values (8 bytes each)
     * @throws MemoryAccessException when the bytes do not all fit in this memory
     * @throws IndexOutOfBoundsException when the range is not inside {@code src}
     */
    void write(long address, double[] src, int srcOffset, int length);

    /**
     * Reads the byte at {@code address}.
     *
     * @param address the byte's address
     * @return the byte (signed, as Java's bytes are: {@code & 0xFF} for 0..255)
     * @throws MemoryAccessException when it is outside this memory
     */
    byte readByte(long address);

    /**
     * Writes one byte at {@code address}.
     *
     * @param address the byte's address
     * @param value the byte
     * @throws MemoryAccessException when it is outside this memory
     */
    void writeByte(long address, byte value);

    /**
     * Reads the little-endian 16-bit value at {@code address} (wasm's {@code i32.load16_s}).
     *
     * @param address the address of its first byte
     * @return the value
     * @throws MemoryAccessException when its bytes are not all inside this memory
     */
    short readShort(long address);

    /**
     * Writes a 16-bit value at {@code address}, little-endian (wasm's {@code i32.store16}).
     *
     * @param address the address of its first byte
     * @param value the value
     * @throws MemoryAccessException when its bytes do not all fit in this memory
     */
    void writeShort(long address, short value);

    /**
     * Reads the little-endian 32-bit value at {@code address} (wasm's {@code i32.load}).
     *
     * @param address the address of its first byte
     * @return the value
     * @throws MemoryAccessException when its bytes are not all inside this memory
     */
    int readInt(long address);

    /**
     * Writes a 32-bit value at {@code address}, little-endian (wasm's {@code i32.store}).
     *
     * @param address the address of its first byte
     * @param value the value
     * @throws MemoryAccessException when its bytes do not all fit in this memory
     */
    void writeInt(long address, int value);

    /**
     * Reads the little-endian 64-bit value at {@code address} (wasm's {@code i64.load}).
     *
     * @param address the address of its first byte
     * @return the value
     * @throws MemoryAccessException when its bytes are not all inside this memory
     */
    long readLong(long address);

    /**
     * Writes a 64-bit value at {@code address}, little-endian (wasm's {@code i64.store}).
     *
     * @param address the address of its first byte
     * @param value the value
     * @throws MemoryAccessException when its bytes do not all fit in this memory
     */
    void writeLong(long address, long value);

    /**
     * Reads the little-endian 32-bit float at {@code address} (wasm's {@code f32.load}).
     *
     * @param address the address of its first byte
     * @return the value, NaN payloads kept
     * @throws MemoryAccessException when its bytes are not all inside this memory
     */
    float readFloat(long address);

    /**
     * Writes a 32-bit float at {@code address}, little-endian (wasm's {@code f32.store}).
     *
     * @param address the address of its first byte
     * @param value the value
     * @throws MemoryAccessException when its bytes do not all fit in this memory
     */
    void writeFloat(long address, float value);

    /**
     * Reads the little-endian 64-bit float at {@code address} (wasm's {@code f64.load}).
     *
     * @param address the address of its first byte
     * @return the value, NaN payloads kept
     * @throws MemoryAccessException when its bytes are not all inside this memory
     */
    double readDouble(long address);

    /**
     * Writes a 64-bit float at {@code address}, little-endian (wasm's {@code f64.store}).
     *
     * @param address the address of its first byte
     * @param value the value
     * @throws MemoryAccessException when its bytes do not all fit in this memory
     */
    void writeDouble(long address, double value);

    /**
     * Reads {@code length} bytes at {@code address} as UTF-8 (a string whose length the guest
     * passes, as Rust and most ABIs do).
     *
     * @param address where the string starts
     * @param length its length in bytes
     * @return the string
     * @throws MemoryAccessException when the bytes are not all inside this memory
     * @throws IllegalArgumentException when {@code length} is negative
     */
    String readString(long address, int length);

    /**
     * Reads the NUL-terminated UTF-8 string at {@code address} (a C string), looking at no more
     * than {@code maxLength} bytes for its NUL, so that a string the guest forgot to terminate
     * cannot make the host scan the whole memory.
     *
     * @param address where the string starts
     * @param maxLength the most bytes the string may have, its NUL not counted
     * @return the string, without its NUL
     * @throws MemoryAccessException when there is no NUL within {@code maxLength} bytes, or the
     *     memory ends before the NUL
     * @throws IllegalArgumentException when {@code maxLength} is negative
     */
    String readCString(long address, int maxLength);

    /**
     * Writes {@code value} at {@code address} as UTF-8, without a terminating NUL.
     *
     * @param address where the string goes
     * @param value the string
     * @return how many bytes were written (its UTF-8 length)
     * @throws MemoryAccessException when the bytes do not all fit in this memory (nothing is written then)
     */
    int writeString(long address, String value);

    /**
     * Writes {@code value} at {@code address} as UTF-8, followed by a NUL (a C string).
     *
     * @param address where the string goes
     * @param value the string
     * @return how many bytes were written, the NUL included
     * @throws MemoryAccessException when the bytes do not all fit in this memory (nothing is written then)
     * @throws IllegalArgumentException when {@code value} contains a NUL character, which would end it early
     */
    int writeCString(long address, String value);

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
     * (Java 22+). Others throw {@link UnsupportedOperationException}; the methods above work
     * everywhere.
     *
     * @return a buffer over the whole memory, position 0, capacity {@link #byteSize()}
     * @throws UnsupportedOperationException on a provider that cannot revoke views, or when the
     *     memory is larger than a {@code ByteBuffer} can be (2 GiB)
     */
    ByteBuffer view();
}
