package dev.nostdwasm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nostdwasm.api.Instance;
import dev.nostdwasm.api.OpaqueRef;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.Val;
import dev.nostdwasm.it.support.ProfileTest;
import dev.nostdwasm.it.support.ProviderSuite;

/** Externrefs wasm made from its own GC references come to Java as OpaqueRef (opaque_refs.wat). */
abstract class OpaqueRefsSuite extends ProviderSuite {

    private static Object externOf(Val[] results) {
        return ((Val.ExternRef) results[0]).value();
    }

    private static int i32(Val[] results) {
        return ((Val.I32) results[0]).value();
    }

    @ProfileTest
    void wasmReferencesRoundTripThroughJava(Profile profile) {
        Session s = session(profile);
        Instance instance = s.instantiate("opaque_refs");
        Object i31 = externOf(instance.func("i31").call(Val.i32(-7)));
        Object point = externOf(instance.func("point").call(Val.i32(42)));
        assertSame(s.store, assertInstanceOf(OpaqueRef.class, i31).store());
        assertInstanceOf(OpaqueRef.class, point);

        assertEquals(-7, i32(instance.func("i31_value").call(new Val.ExternRef(i31))));
        assertEquals(-1, i32(instance.func("i31_value").call(new Val.ExternRef(point))));
        assertEquals(42, i32(instance.func("point_x").call(new Val.ExternRef(point))));
        assertEquals(42, i32(instance.func("point_x").call(new Val.ExternRef(point))), "usable more than once");
        assertEquals(-1, i32(instance.func("point_x").call(new Val.ExternRef("a Java string"))));
    }

    @ProfileTest
    void anOpaqueRefCannotMoveToAnotherStore(Profile profile) {
        Session a = session(profile);
        Object point = externOf(a.instantiate("opaque_refs").func("point").call(Val.i32(1)));
        Session b = session(profile);
        Instance other = b.instantiate("opaque_refs");
        var e = assertThrows(IllegalArgumentException.class,
                () -> other.func("point_x").call(new Val.ExternRef(point)));
        assertEquals(true, e.getMessage().contains("another store"), e.getMessage());
    }
}
