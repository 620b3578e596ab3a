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
 * Wasm calling through host functions into other stores (plugins calling plugins): every store
 * gets a wasm stack budget of its own, so a chain of them must be stopped before it runs off the
 * thread's stack, with the {@code STACK_OVERFLOW} trap one store would get. Runs {@link
 * StoreChain} in a forked JVM, because running off the stack kills the process.
 */
abstract class NestedStoresSuite extends ProviderSuite {

    @ProfileTest
    void aChainOfStoresTrapsInsteadOfRunningOffTheStack(Profile profile) throws Exception {
        ForkedJvm.Result result = ForkedJvm.current()
                .property(NoStdRuntime.PROVIDER_PROPERTY, provider())
                .property(Artifacts.DIR_PROPERTY, Artifacts.dir().toAbsolutePath().toString())
                .run(StoreChain.class, List.of(provider(), profile.cliName()), Duration.ofMinutes(2));
        System.out.println("[" + provider() + ", " + profile.cliName() + "]\n" + result.output());
        if (!result.exitedWith(0)) {
            fail(result.report());
        }
        List<String> lines = result.output().lines().toList();
        boolean trapped = lines.stream().anyMatch(l -> l.matches("chain: STACK_OVERFLOW in store \\d+ of 12"));
        boolean completed = lines.contains("chain: completed 12 stores");
        if (profile == Profile.PULLEY) {
            // Pulley runs wasm on a stack of its own: the chain costs the thread only host frames.
            assertTrue(trapped || completed, result::report);
        } else {
            assertTrue(trapped, result::report);
        }
        assertTrue(lines.contains("chain again at depth 10: 12"), () -> "the stores work afterwards\n" + result.report());
    }
}
