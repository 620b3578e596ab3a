package dev.nostdwasm.api.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Utf8} writes exactly the bytes {@code String.getBytes(UTF_8)} makes, and counts them first. */
class Utf8Test {

    private static void check(String s) {
        byte[] expected = s.getBytes(StandardCharsets.UTF_8);
        assertEquals(expected.length, Utf8.length(s), s);
        ByteBuffer b = ByteBuffer.allocate(expected.length + 2);
        Utf8.encode(s, b, 1);
        byte[] written = new byte[expected.length];
        b.get(1, written);
        assertArrayEquals(expected, written, s);
        assertEquals(0, b.position(), "absolute writes leave the position");
        assertEquals(0, b.get(0));
        assertEquals(0, b.get(expected.length + 1), "nothing past its length");
    }

    @Test
    void everyKindOfCharacter() {
        check("");
        check("ascii");
        check("\u0000\u007f\u0080\u07ff\u0800\uffff");
        check("€ \uD834\uDD1E and \uD83D\uDE00");
    }

    @Test
    void unpairedSurrogatesAsStringGetBytesWritesThem() {
        check("\uD800");
        check("a\uDC00b");
        check("\uD800\uD800\uDC00");
        check("end\uD83D");
    }

    @Test
    void randomStrings() {
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            char[] chars = new char[random.nextInt(20)];
            for (int j = 0; j < chars.length; j++) {
                chars[j] = (char) (random.nextBoolean() ? random.nextInt(0x800) : random.nextInt(0x10000));
            }
            check(new String(chars));
        }
    }
}
