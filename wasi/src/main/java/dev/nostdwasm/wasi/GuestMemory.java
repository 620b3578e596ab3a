package dev.nostdwasm.wasi;

import dev.nostdwasm.api.Caller;
import dev.nostdwasm.api.ExportNotFoundException;
import dev.nostdwasm.api.Memory;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The guest's linear memory as WASI sees it: little-endian values at 32-bit guest addresses.
 * Every access is checked first, and one outside the memory is errno {@code FAULT}, never an
 * exception out of the call.
 *
 * <p>This class and {@link HostImports} are the only code that touches the runtime's API for
 * memory and host functions, so that moving to bulk typed accessors changes only them.
 */
final class GuestMemory {
    private final Memory memory;
    private final byte[] scratch = new byte[8];

    private GuestMemory(Memory memory) {
        this.memory = memory;
    }

    /**
     * The memory of the instance making the call: its export named "memory", which every WASI
     * program has.
     *
     * @throws IllegalStateException when there is none (the call then traps)
     */
    static GuestMemory of(Caller caller) {
        try {
            return new GuestMemory(caller.memory("memory"));
        } catch (ExportNotFoundException e) {
            throw new IllegalStateException("a WASI function was called by a module that exports no memory named"
                    + " \"memory\": WASI passes everything through it, so export it", e);
        }
    }

    /** {@code FAULT} unless {@code length} bytes at {@code address} are all inside the memory. */
    void checkRange(long address, long length) throws ErrnoException {
        if (address < 0 || length < 0 || address + length > memory.byteSize()) {
            throw new ErrnoException(Errno.FAULT);
        }
    }

    int readI32(long address) throws ErrnoException {
        fill(address, 4);
        return (scratch[0] & 0xff) | (scratch[1] & 0xff) << 8 | (scratch[2] & 0xff) << 16 | (scratch[3] & 0xff) << 24;
    }

    /** An unsigned 32-bit value (a guest pointer or size). */
    long readU32(long address) throws ErrnoException {
        return Integer.toUnsignedLong(readI32(address));
    }

    long readI64(long address) throws ErrnoException {
        fill(address, 8);
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = value << 8 | (scratch[i] & 0xff);
        }
        return value;
    }

    int readU8(long address) throws ErrnoException {
        fill(address, 1);
        return scratch[0] & 0xff;
    }

    int readU16(long address) throws ErrnoException {
        fill(address, 2);
        return (scratch[0] & 0xff) | (scratch[1] & 0xff) << 8;
    }

    void writeI32(long address, int value) throws ErrnoException {
        for (int i = 0; i < 4; i++) {
            scratch[i] = (byte) (value >>> (8 * i));
        }
        store(address, scratch, 0, 4);
    }

    void writeI64(long address, long value) throws ErrnoException {
        for (int i = 0; i < 8; i++) {
            scratch[i] = (byte) (value >>> (8 * i));
        }
        store(address, scratch, 0, 8);
    }

    void writeU8(long address, int value) throws ErrnoException {
        scratch[0] = (byte) value;
        store(address, scratch, 0, 1);
    }

    void writeU16(long address, int value) throws ErrnoException {
        scratch[0] = (byte) value;
        scratch[1] = (byte) (value >>> 8);
        store(address, scratch, 0, 2);
    }

    /** A copy of {@code length} bytes at {@code address}. */
    byte[] read(long address, long length) throws ErrnoException {
        checkRange(address, length);
        byte[] bytes = new byte[(int) length];
        memory.read(address, bytes, 0, bytes.length);
        return bytes;
    }

    /** Copies {@code length} bytes of {@code src} from {@code offset} to {@code address}. */
    void write(long address, byte[] src, int offset, int length) throws ErrnoException {
        store(address, src, offset, length);
    }

    /** The UTF-8 string of {@code length} bytes at {@code address}; {@code ILSEQ} when it is not valid UTF-8. */
    String readString(long address, long length) throws ErrnoException {
        byte[] bytes = read(address, length);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ErrnoException(Errno.ILSEQ);
        }
    }

    private void fill(long address, int length) throws ErrnoException {
        checkRange(address, length);
        memory.read(address, scratch, 0, length);
    }

    private void store(long address, byte[] src, int offset, int length) throws ErrnoException {
        checkRange(address, length);
        memory.write(address, src, offset, length);
    }
}
