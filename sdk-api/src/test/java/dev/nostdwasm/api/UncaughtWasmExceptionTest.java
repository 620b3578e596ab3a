package dev.nostdwasm.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Java side of UncaughtWasmException; it-tests' ExceptionsSuite reads real exceptions. */
class UncaughtWasmExceptionTest {

    private static final ExternType.Tag I32_I64 = new ExternType.Tag(List.of(ValType.I32, ValType.I64));

    @Test
    void aPayloadThatDoesNotMatchTheTagIsRefused() {
        var wrongType = assertThrows(IllegalArgumentException.class,
                () -> new UncaughtWasmException("m", I32_I64, List.of(Val.i32(1), Val.i32(2)), List.of()));
        assertTrue(wrongType.getMessage().contains("[I32, I64]"), wrongType.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new UncaughtWasmException("m", I32_I64, List.of(Val.i32(1)), List.of()));
    }

    @Test
    void aPayloadThatCannotCrossIsUnsupportedNotEmpty() {
        var e = new UncaughtWasmException("m", new ExternType.Tag(List.of(ValType.OTHER_REF)), null, List.of());
        var refused = assertThrows(UnsupportedOperationException.class, e::payload);
        assertTrue(refused.getMessage().contains("catch the exception in wasm"), refused.getMessage());
        assertEquals(List.of(ValType.OTHER_REF), e.tagType().params());
    }

    @Test
    void serializationKeepsTheTagTypeButNotThePayload() throws Exception {
        var e = new UncaughtWasmException("thrown", I32_I64, List.of(Val.i32(1), Val.i64(2)), List.of());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(e);
        }
        UncaughtWasmException read;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            read = (UncaughtWasmException) in.readObject();
        }
        assertEquals("thrown", read.getMessage());
        assertEquals(I32_I64, read.tagType());
        assertThrows(UnsupportedOperationException.class, read::payload);
        assertEquals(List.of(), read.backtrace());
    }
}
