package dev.nostdwasm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nostdwasm.api.ExportType;
import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.Instance;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.UncaughtWasmException;
import dev.nostdwasm.api.Val;
import dev.nostdwasm.api.ValType;
import dev.nostdwasm.it.support.ProfileTest;
import dev.nostdwasm.it.support.ProviderSuite;
import java.util.List;

/** Wasm exception handling seen from Java (exceptions.wat, exceptions_start.wat). */
abstract class ExceptionsSuite extends ProviderSuite {

    @ProfileTest
    void uncaughtExceptionReachesJavaAndTheStoreStaysUsable(Profile profile) {
        Instance instance = session(profile).instantiate("exceptions");
        for (int i = 0; i < 3; i++) {
            var e = assertThrows(UncaughtWasmException.class, () -> instance.func("throw").call(Val.i32(7)));
            assertFalse(e.getMessage().isBlank());
            assertEquals(5, instance.func("add").callI32(2, 3), "the store still works after an uncaught exception");
        }
    }

    @ProfileTest
    void exceptionCaughtInsideWasmIsInvisible(Profile profile) {
        Instance instance = session(profile).instantiate("exceptions");
        assertEquals(42, instance.func("catch").callI32(41));
        assertThrows(UncaughtWasmException.class, () -> instance.func("throw").call(Val.i32(1)));
        assertEquals(8, instance.func("catch").callI32(7));
    }

    @ProfileTest
    void theExceptionCarriesItsTagTypeAndPayload(Profile profile) {
        Instance instance = session(profile).instantiate("exceptions");
        var e = assertThrows(UncaughtWasmException.class, () -> instance.func("throw").call(Val.i32(7)));
        assertEquals(new ExternType.Tag(List.of(ValType.I32)), e.tagType());
        assertEquals(List.of(Val.i32(7)), e.payload());
    }

    @ProfileTest
    void numbersOfEveryTypeCrossExactly(Profile profile) {
        Instance instance = session(profile).instantiate("exceptions");
        // Extremes and a NaN with payload bits: the values cross as bit patterns, not through conversions.
        List<Val> thrown = List.of(Val.i32(Integer.MIN_VALUE), Val.i64(Long.MAX_VALUE),
                new Val.F32(0x7fc0_1234), new Val.F64(0xfff0_0000_0000_0001L));
        var e = assertThrows(UncaughtWasmException.class,
                () -> instance.func("throw_numbers").call(thrown.toArray(Val[]::new)));
        assertEquals(List.of(ValType.I32, ValType.I64, ValType.F32, ValType.F64), e.tagType().params());
        assertEquals(thrown, e.payload());
    }

    @ProfileTest
    void aTagWithoutParametersHasAnEmptyPayload(Profile profile) {
        Instance instance = session(profile).instantiate("exceptions");
        var e = assertThrows(UncaughtWasmException.class, () -> instance.func("throw_empty").call());
        assertEquals(new ExternType.Tag(List.of()), e.tagType());
        assertEquals(List.of(), e.payload());
    }

    @ProfileTest
    void theTagTypeIsTheExportedTagsType(Profile profile) {
        var session = session(profile);
        Instance instance = session.instantiate("exceptions");
        var e = assertThrows(UncaughtWasmException.class, () -> instance.func("throw_empty").call());
        ExternType exported = session.module("exceptions").exports().stream()
                .filter(x -> x.name().equals("empty")).map(ExportType::type).findFirst().orElseThrow();
        assertEquals(exported, e.tagType());
    }

    @ProfileTest
    void aHostObjectInThePayloadComesBackAsItself(Profile profile) {
        Instance instance = session(profile).instantiate("exceptions");
        Object object = new Object();
        var e = assertThrows(UncaughtWasmException.class,
                () -> instance.func("throw_object").call(new Val.ExternRef(object)));
        assertEquals(List.of(ValType.EXTERNREF), e.tagType().params());
        assertSame(object, ((Val.ExternRef) e.payload().get(0)).value());
        var nothing = assertThrows(UncaughtWasmException.class,
                () -> instance.func("throw_object").call(new Val.ExternRef(null)));
        assertEquals(List.of(new Val.ExternRef(null)), nothing.payload());
    }

    @ProfileTest
    void aStartFunctionsExceptionEndsTheInstantiationWithItsPayload(Profile profile) {
        var session = session(profile);
        var e = assertThrows(UncaughtWasmException.class, () -> session.instantiate("exceptions_start"));
        assertEquals(List.of(Val.i64(42)), e.payload());
        assertEquals(5, session.instantiate("exceptions").func("add").callI32(2, 3), "the store still works");
    }
}
