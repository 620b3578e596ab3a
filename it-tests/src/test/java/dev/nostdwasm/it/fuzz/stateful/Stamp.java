package dev.nostdwasm.it.fuzz.stateful;

import java.nio.ByteBuffer;

/**
 * The pattern the fuzzer writes at bytes 0..63 of every memory of a store: a magic word, the
 * store's number and bytes derived from it. Reading another store's stamp through a memory or a
 * view is a cross-store read; the fuzz module never writes below byte 64.
 */
final class Stamp {
    static final int LENGTH = 64;
    private static final long MAGIC = 0x4E53_5753_5441_4D50L; // "NSWSTAMP"

    private Stamp() {}

    static byte[] of(long store) {
        ByteBuffer b = ByteBuffer.allocate(LENGTH);
        b.putLong(MAGIC).putLong(store);
        for (int i = 16; i < LENGTH; i++) {
            b.put((byte) (store * 31 + i));
        }
        return b.array();
    }

    /** The store whose stamp {@code bytes} (at least {@value #LENGTH}) hold, or -1 when they hold none. */
    static long ownerOf(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        if (bytes.length < LENGTH || b.getLong(0) != MAGIC) {
            return -1;
        }
        long store = b.getLong(8);
        return java.util.Arrays.equals(of(store), 0, LENGTH, bytes, 0, LENGTH) ? store : -1;
    }
}
