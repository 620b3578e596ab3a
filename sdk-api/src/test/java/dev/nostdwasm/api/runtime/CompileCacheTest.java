package dev.nostdwasm.api.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nostdwasm.api.ArtifactName;
import dev.nostdwasm.api.Engine;
import dev.nostdwasm.api.Profile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache directory's checks, and the message without the precompiler (not on sdk-api's test class path). */
class CompileCacheTest {

    @TempDir
    Path temp;

    private final String previous = System.getProperty(Engine.CACHE_PROPERTY);

    @AfterEach
    void restore() {
        if (previous == null) {
            System.clearProperty(Engine.CACHE_PROPERTY);
        } else {
            System.setProperty(Engine.CACHE_PROPERTY, previous);
        }
    }

    @Test
    void aMissingDirectoryIsMadeOwnerOnly() throws Exception {
        Path cache = temp.resolve("a/b/cache");
        System.setProperty(Engine.CACHE_PROPERTY, cache.toString());
        assertEquals(cache, CompileCache.directory());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)));
    }

    @Test
    void aDirectoryOthersCanWriteIsRefused() throws Exception {
        Path cache = Files.createDirectory(temp.resolve("cache"));
        System.setProperty(Engine.CACHE_PROPERTY, cache.toString());
        for (String permissions : new String[] {"rwxrwxr-x", "rwxr-xrwx"}) {
            Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString(permissions));
            var e = assertThrows(IllegalStateException.class, CompileCache::directory);
            assertTrue(e.getMessage().contains("can be written by other users (" + permissions + ")")
                    && e.getMessage().contains("chmod 700 " + cache), e.getMessage());
        }
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals(cache, CompileCache.directory(), "readable by others is fine: only writing is a risk");
    }

    @Test
    void aFileIsNotADirectory() throws Exception {
        Path file = Files.createFile(temp.resolve("file"));
        System.setProperty(Engine.CACHE_PROPERTY, file.toString());
        var e = assertThrows(IllegalStateException.class, CompileCache::directory);
        assertTrue(e.getMessage().contains("is not a directory"), e.getMessage());
    }

    @Test
    void withoutThePrecompilerTheMessageNamesTheArtifactToAdd() {
        System.setProperty(Engine.CACHE_PROPERTY, temp.resolve("cache").toString());
        var e = assertThrows(IllegalStateException.class, () -> CompileCache.artifact(new byte[] {0, 'a', 's', 'm'},
                new ArtifactName("x", Profile.PULLEY, "pulley64", false, false), "49.0.5"));
        assertTrue(e.getMessage().contains("add the Maven artifact dev.nostdwasm:precompiler"), e.getMessage());
    }
}
