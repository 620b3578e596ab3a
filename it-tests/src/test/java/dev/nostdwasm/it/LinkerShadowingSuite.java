package dev.nostdwasm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.HostFunction;
import dev.nostdwasm.api.LinkException;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.Val;
import dev.nostdwasm.api.ValType;
import dev.nostdwasm.it.support.ProfileTest;
import dev.nostdwasm.it.support.ProviderSuite;
import java.util.List;

/**
 * {@code Linker.allowShadowing}: off, defining a name twice is a {@link LinkException}; on, the
 * later definition serves later instantiations, and earlier instances keep theirs (host_fn.wat:
 * add_and_mul(a, b, c) = host.multiply(a, b) + c).
 */
abstract class LinkerShadowingSuite extends ProviderSuite {

    private static final ExternType.Func MULTIPLY =
            new ExternType.Func(List.of(ValType.I32, ValType.I32), List.of(ValType.I32));

    private static HostFunction times(int factor) {
        return (caller, args) -> new Val[] {Val.i32(((Val.I32) args[0]).value() * ((Val.I32) args[1]).value() * factor)};
    }

    @ProfileTest
    void withoutShadowingASecondDefinitionIsRefused(Profile profile) {
        var s = session(profile);
        s.linker.define("host", "multiply", MULTIPLY, times(1));
        assertThrows(LinkException.class, () -> s.linker.define("host", "multiply", MULTIPLY, times(10)));
        assertEquals(10, s.instantiate("host_fn").func("add_and_mul").callI32(2, 3, 4), "the first stays");
    }

    @ProfileTest
    void withShadowingTheLaterDefinitionWins(Profile profile) {
        var s = session(profile);
        assertSame(s.linker, s.linker.allowShadowing(true));
        s.linker.define("host", "multiply", MULTIPLY, times(1));
        var before = s.instantiate("host_fn").func("add_and_mul");
        s.linker.define("host", "multiply", MULTIPLY, times(10));
        assertEquals(64, s.instantiate("host_fn").func("add_and_mul").callI32(2, 3, 4), "2 * 3 * 10 + 4");
        assertEquals(10, before.callI32(2, 3, 4), "an earlier instance keeps its import");

        s.linker.allowShadowing(false);
        assertThrows(LinkException.class, () -> s.linker.define("host", "multiply", MULTIPLY, times(100)));
    }
}
