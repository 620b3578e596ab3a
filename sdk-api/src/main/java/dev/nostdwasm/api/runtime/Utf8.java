package dev.nostdwasm.api.runtime;

import java.nio.ByteBuffer;

/**
 * UTF-8 encoding straight into a buffer over a memory: {@link MemoryImpl} checks the bounds with
 * {@link #length} first, then {@link #encode} writes, so a string is written whole or not at
 * all, without the array {@code String.getBytes} would allocate per call.
 */
final class Utf8 {

    // What String.getBytes(UTF_8) writes for an unpaired surrogate.
    private static final byte REPLACEMENT = '?';

    private Utf8() {
    }

    /** The number of bytes {@link #encode} writes for {@code s}. */
    static long length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                n += 1;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** Writes {@code s} as UTF-8 at {@code index} of {@code b} (absolute: its position stays). */
    static void encode(String s, ByteBuffer b, int index) {
        int at = index;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                b.put(at++, (byte) c);
            } else if (c < 0x800) {
                b.put(at++, (byte) (0xC0 | c >> 6));
                b.put(at++, (byte) (0x80 | c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b.put(at++, (byte) (0xF0 | cp >> 18));
                b.put(at++, (byte) (0x80 | cp >> 12 & 0x3F));
                b.put(at++, (byte) (0x80 | cp >> 6 & 0x3F));
                b.put(at++, (byte) (0x80 | cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                b.put(at++, REPLACEMENT);
            } else {
                b.put(at++, (byte) (0xE0 | c >> 12));
                b.put(at++, (byte) (0x80 | c >> 6 & 0x3F));
                b.put(at++, (byte) (0x80 | c & 0x3F));
            }
        }
    }
}
