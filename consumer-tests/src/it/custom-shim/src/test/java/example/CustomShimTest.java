package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.nostdwasm.api.NoStdRuntime;
import dev.nostdwasm.api.PlatformShim;
import dev.nostdwasm.api.PlatformShim.Capability;
import dev.nostdwasm.api.Profile;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** docs/platform-shims.md: a shim named by its file, declaring fewer capabilities than the bundled one. */
class CustomShimTest {

    @Test
    void runsOnAShimGivenByPath() throws Exception {
        Path library = Path.of(System.getProperty("nostdwasm.shim.library"));
        PlatformShim shim = PlatformShim.ofFile(library,
                EnumSet.of(Capability.CUSTOM_SYNC, Capability.VIRTUAL_MEMORY, Capability.MEMORY_IMAGES));
        NoStdRuntime runtime = NoStdRuntime.load(null, shim);   // null: the usual provider choice
        System.out.println(runtime.provider() + " on " + runtime.platformShim() + ": " + runtime.profiles());

        assertEquals(EnumSet.of(Profile.NATIVE, Profile.PULLEY), runtime.profiles());   // no NATIVE_SIGNALS
        assertFalse(runtime.platformShim().isBundled());
        assertEquals(5, QuickStart.add(runtime, Profile.NATIVE, 2, 3));
        assertEquals(5, QuickStart.add(runtime, Profile.PULLEY, 2, 3));
    }
}
