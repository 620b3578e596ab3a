package dev.nostdwasm.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.nostdwasm.api.NoStdRuntime;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.it.support.Artifacts;
import dev.nostdwasm.it.support.ForkedJvm;
import dev.nostdwasm.it.support.ProfileTest;
import dev.nostdwasm.it.support.ProviderSuite;
import java.time.Duration;
import java.util.List;

/**
 * A typed call ({@code Func.callI32} and the like) that fails with {@code OutOfMemoryError} after
 * it entered its store does not leave the store owned by its thread: another thread can call it
 * and close it afterwards. Runs {@link TypedCallOutOfMemory} in a forked JVM with 1 MiB of direct
 * memory, which it fills, so that making the store's first slot buffer fails.
 */
abstract class TypedCallOutOfMemorySuite extends ProviderSuite {

    @ProfileTest
    void anOutOfMemoryErrorInATypedCallLeavesTheStoreFree(Profile profile) throws Exception {
        ForkedJvm.Result result = ForkedJvm.current()
                .option("-XX:MaxDirectMemorySize=1m")
                .property(NoStdRuntime.PROVIDER_PROPERTY, provider())
                .property(Artifacts.DIR_PROPERTY, Artifacts.dir().toAbsolutePath().toString())
                .run(TypedCallOutOfMemory.class, List.of(provider(), profile.cliName()), Duration.ofMinutes(2));
        System.out.println("[" + provider() + ", " + profile.cliName() + "]\n" + result.output());
        if (!result.exitedWith(0)) {
            fail(result.report());
        }
        List<String> lines = result.output().lines().toList();
        assertTrue(lines.contains("typed call: OutOfMemoryError"),
                () -> "the typed call did not run out of direct memory, so this test proves nothing\n" + result.report());
        assertTrue(lines.contains("other thread: add(2, 3) = 5, closed"),
                () -> "the store stayed owned by the thread whose typed call failed\n" + result.report());
    }
}
