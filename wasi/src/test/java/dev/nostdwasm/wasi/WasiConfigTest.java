package dev.nostdwasm.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link WasiConfig.Builder} refuses, and what it grants by default: nothing. */
class WasiConfigTest {

    @Test
    void nothingIsGrantedByDefault() {
        WasiConfig config = WasiConfig.builder().build();
        assertEquals(List.of(), config.args);
        assertEquals(0, config.env.size());
        assertEquals(List.of(), config.preopens);
    }

    @Test
    void environmentKeepsItsOrderAndLastValue() {
        WasiConfig config = WasiConfig.builder().env("B", "1").env("A", "2").env("B", "3").build();
        assertEquals(List.of("B", "A"), List.copyOf(config.env.keySet()));
        assertEquals("3", config.env.get("B"));
    }

    @Test
    void stringsThatCStringsCannotCarryAreRefused() {
        WasiConfig.Builder b = WasiConfig.builder();
        assertMessage(assertThrows(IllegalArgumentException.class, () -> b.args("a\0b")), "NUL");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> b.env("K\0", "v")), "NUL");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> b.env("K", "v\0")), "NUL");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> b.env("K=V", "v")), "'='");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> b.env("", "v")), "empty");
    }

    @Test
    void aPreopenMustBeADirectoryWithAGuestPath(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("f"), "x");
        Path link = Files.createSymbolicLink(dir.resolve("l"), dir);
        WasiConfig.Builder b = WasiConfig.builder();
        assertMessage(assertThrows(IllegalArgumentException.class, () -> b.preopen(file, "/f", false)), "not a directory");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> b.preopen(link, "/l", false)), "symbolic link");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> b.preopen(dir, "", false)), "guest path");
        assertEquals(1, b.preopen(dir, "/", true).build().preopens.size());
    }

    private static void assertMessage(IllegalArgumentException e, String part) {
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
