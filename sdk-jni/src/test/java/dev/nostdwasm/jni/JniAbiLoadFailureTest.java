package dev.nostdwasm.jni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nostdwasm.api.ProviderUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A library that cannot be loaded is reported with dlopen's reason, and a later load may still succeed. */
class JniAbiLoadFailureTest {

    @Test
    void aMissingEmbeddingIsReportedThenALaterLoadSucceeds() {
        assumeTrue(System.getProperty("os.arch").equals("amd64"), "the pom points at the x86_64 natives");
        Path glue = Path.of(System.getProperty("nostdwasm.native.glue", "missing"));
        Path shim = Path.of(System.getProperty("nostdwasm.native.shim", "missing"));
        Path embedding = Path.of(System.getProperty("nostdwasm.native.embedding", "missing"));
        assumeTrue(Files.isRegularFile(glue) && Files.isRegularFile(shim) && Files.isRegularFile(embedding), "not built");

        Path absent = embedding.resolveSibling("libnsw_absent.so");
        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                () -> JniAbi.load(glue, shim, absent));
        assertTrue(e.getMessage().contains("embedding: " + absent), e.getMessage());
        assertTrue(e.getCause() instanceof UnsatisfiedLinkError, String.valueOf(e.getCause()));

        assertEquals(dev.nostdwasm.api.spi.NativeRuntimes.ABI_VERSION, JniAbi.load(glue, shim, embedding).nsw_abi_version());
    }
}
