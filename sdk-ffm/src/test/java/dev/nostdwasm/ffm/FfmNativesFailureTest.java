package dev.nostdwasm.ffm;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nostdwasm.api.ProviderUnavailableException;
import dev.nostdwasm.api.spi.NativeRuntimes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A library that cannot be loaded is reported with dlerror's words. Own JVM. */
class FfmNativesFailureTest {

    @Test
    void aBrokenShimIsReportedWithTheDlerrorText(@TempDir Path dir) throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "Linux only");
        Path notElf = Files.writeString(dir.resolve("libnsw_platform.so"), "not a shared object");
        Path missing = dir.resolve("libnsw_embedding.so");
        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                () -> FfmNatives.load(new NativeRuntimes.Libraries(notElf, missing)));
        assertTrue(e.getMessage().contains(notElf.toString()), e.getMessage());
        // glibc says "invalid ELF header" or "file too short", musl "Exec format error"
        assertTrue(e.getCause() instanceof UnsatisfiedLinkError && e.getCause().getMessage().contains(notElf.toString()),
                String.valueOf(e.getCause()));
    }
}
