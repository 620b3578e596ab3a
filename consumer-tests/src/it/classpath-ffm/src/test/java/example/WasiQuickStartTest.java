package example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nostdwasm.api.NoStdRuntime;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WasiQuickStartTest {

    @Test
    void printsAFileOfItsDirectoryAndExits(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("greeting.txt"), "hello from the host\n");
        Files.writeString(dir.getParent().resolve("outside.txt"), "not for the guest\n");
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8)); // inheritStdio takes System.out
        try {
            NoStdRuntime runtime = NoStdRuntime.load();
            assertEquals(0, WasiQuickStart.cat(runtime, dir, "greeting.txt"));
            assertEquals(1, WasiQuickStart.cat(runtime, dir, "missing.txt"));
            assertEquals(1, WasiQuickStart.cat(runtime, dir, "../outside.txt"));
        } finally {
            System.setOut(stdout);
        }
        assertEquals("hello from the host\n", captured.toString(StandardCharsets.UTF_8));
    }
}
