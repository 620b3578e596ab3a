package dev.nostdwasm.wasi;

import dev.nostdwasm.api.Caller;
import dev.nostdwasm.api.ExportNotFoundException;
import dev.nostdwasm.api.Memory;
import dev.nostdwasm.api.MemoryAccessException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The linear memory of the instance making a WASI call: little-endian values at guest
 * addresses (unsigned 32-bit pointers, widened to {@code long} so that pointer plus offset
 * cannot wrap). An access outside the memory throws {@link MemoryAccessException}, which traps
 * the call, as the standard Wasmtime traps on a pointer out of bounds.
 *
 * <p>One per {@link WasiContext}, pointed at the caller's memory at the start of every call
 * ({@link #bind}), so that a call allocates no wrapper: a store runs one call at a time, and
 * WASI functions never call back into wasm.
 */
final class GuestMemory {
    private Memory memory;

    /**
     * Points this at the memory of the instance making the call: its export named "memory",
     * which every WASI program has.
     *
     * @throws ExportNotFoundException when there is none (the call then traps)
     */
    GuestMemory bind(Caller caller) {
        try {
            memory = caller.memory("memory");
        } catch (ExportNotFoundException e) {
            throw new ExportNotFoundException("a WASI function was called by a module that exports no memory named"
                    + " \"memory\": WASI passes everything through it, so export it");
        }
        return this;
    }

    /** Traps unless {@code length} bytes at {@code address} are all inside the memory. */
    void checkRange(long address, long length) {
        long size = memory.byteSize();
        if (address < 0 || length < 0 || address > size || length > size - address) {
            throw new MemoryAccessException("a WASI call was given " + length + " bytes at guest address " + address
                    + ", outside the memory of " + size + " bytes", address, length, size);
        }
    }

    int readI32(long address) {
        return memory.readInt(address);
    }

    /** An unsigned 32-bit value (a guest pointer or size). */
    long readU32(long address) {
        return Integer.toUnsignedLong(memory.readInt(address));
    }

    long readI64(long address) {
        return memory.readLong(address);
    }

    int readU8(long address) {
        return memory.readByte(address) & 0xff;
    }

    int readU16(long address) {
        return memory.readShort(address) & 0xffff;
    }

    void writeI32(long address, int value) {
        memory.writeInt(address, value);
    }

    void writeI64(long address, long value) {
        memory.writeLong(address, value);
    }

    void writeU8(long address, int value) {
        memory.writeByte(address, (byte) value);
    }

    void writeU16(long address, int value) {
        memory.writeShort(address, (short) value);
    }

    /** Copies {@code length} bytes at {@code address} into {@code dst} from its start. */
    void read(long address, byte[] dst, int length) {
        memory.read(address, dst, 0, length);
    }

    /** A copy of {@code length} bytes at {@code address}. */
    byte[] read(long address, long length) {
        checkRange(address, length);
        byte[] bytes = new byte[(int) length];
        memory.read(address, bytes, 0, bytes.length);
        return bytes;
    }

    /** Copies {@code length} bytes of {@code src} from {@code offset} to {@code address}. */
    void write(long address, byte[] src, int offset, int length) {
        memory.write(address, src, offset, length);
    }

    /**
     * The UTF-8 string of {@code length} bytes at {@code address}; {@code ILSEQ} when it is not
     * valid UTF-8 (unlike {@link Memory#readString}, which replaces malformed bytes: a path must
     * not name another file than the guest meant).
     */
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
}
