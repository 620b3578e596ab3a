package dev.nostdwasm.jni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nostdwasm.api.spi.RuntimeProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class JniProviderTest {

    @Test
    void namesItselfJni() {
        assertEquals("jni", new JniProvider().name());
    }

    @Test
    void losesToFfm() {
        // FFM's priority is 20: on Java 22+ with both jars present, FFM is chosen.
        assertTrue(new JniProvider().priority() < 20);
    }

    @Test
    void availableOnLinuxX86_64AndAarch64() {
        String arch = System.getProperty("os.arch");
        assumeTrue(System.getProperty("os.name").startsWith("Linux") && (arch.equals("amd64") || arch.equals("aarch64")));
        JniProvider provider = new JniProvider();
        assertTrue(provider.isAvailable(), () -> "unavailable: " + provider.unavailabilityCause());
        assertTrue(provider.unavailabilityCause().isEmpty());
    }

    @Test
    void explainsOtherSystems() {
        assertNull(JniProvider.unavailability("Linux"));
        var cause = JniProvider.unavailability("Windows 11");
        assertNotNull(cause);
        assertTrue(cause.getMessage().contains("Linux only"), cause.getMessage());
    }

    @Test
    void foundByServiceLoader() {
        boolean found = ServiceLoader.load(RuntimeProvider.class).stream()
                .anyMatch(p -> p.type() == JniProvider.class);
        assertTrue(found, "META-INF/services does not name JniProvider");
    }
}
