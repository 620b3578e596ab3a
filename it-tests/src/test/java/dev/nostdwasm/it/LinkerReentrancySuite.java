package dev.nostdwasm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.Instance;
import dev.nostdwasm.api.LinkException;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.Val;
import dev.nostdwasm.api.ValType;
import dev.nostdwasm.it.support.ProfileTest;
import dev.nostdwasm.it.support.ProviderSuite;
import java.time.Duration;
import java.util.List;

/**
 * Guest code run by {@code Linker.instantiate} (the start function) calling host functions that
 * change the same linker: the linker is not locked while guest code runs, so this completes
 * instead of waiting forever for a lock its own thread holds (start_defines.wat).
 */
abstract class LinkerReentrancySuite extends ProviderSuite {

    private static final ExternType.Func NOTHING = new ExternType.Func(List.of(), List.of());
    private static final ExternType.Func TO_I32 = new ExternType.Func(List.of(), List.of(ValType.I32));

    @ProfileTest
    void aStartFunctionCanDefineNamesOnItsOwnLinker(Profile profile) {
        var s = session(profile);
        s.linker.define("host", "define_more", NOTHING, (caller, params) -> {
            s.linker.define("host", "later", TO_I32, (c, p) -> new Val[] {Val.i32(7)});
            return new Val[0];
        });
        // A regression waits forever for the linker's lock: fail instead of hanging the build.
        Instance instance = assertTimeoutPreemptively(Duration.ofMinutes(1), () -> s.instantiate("start_defines"));
        assertEquals(42, instance.func("answer").callI32());
        var duplicate = assertThrows(LinkException.class,
                () -> s.linker.define("host", "later", TO_I32, (c, p) -> new Val[] {Val.i32(8)}));
        assertTrue(duplicate.getMessage().contains("later"), duplicate.getMessage());
    }
}
