package dev.nostdwasm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nostdwasm.api.ExportNotFoundException;
import dev.nostdwasm.api.ImmutableGlobalException;
import dev.nostdwasm.api.Instance;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.TypeMismatchException;
import dev.nostdwasm.api.Val;
import dev.nostdwasm.api.ValType;
import dev.nostdwasm.it.support.ProfileTest;
import dev.nostdwasm.it.support.ProviderSuite;
import java.util.OptionalInt;

/**
 * The exception types package-info documents, one per kind of mistake: a missing export, a write
 * to an immutable global, values of the wrong WebAssembly type (imports_exports.wat, add.wat,
 * globals.wat, tables.wat).
 */
abstract class ExceptionTypesSuite extends ProviderSuite {

    @ProfileTest
    void aMissingExportOfEveryKindIsExportNotFoundListingTheExports(Profile profile) {
        Instance instance = session(profile).instantiate("add");
        for (var lookup : new org.junit.jupiter.api.function.Executable[] {
                () -> instance.func("sub"), () -> instance.memory("memory"), () -> instance.global("g"),
                () -> instance.table("t")}) {
            var e = assertThrows(ExportNotFoundException.class, lookup);
            assertTrue(e.getMessage().contains("'add' (a function)"), e.getMessage());
        }
        var wrongKind = assertThrows(ExportNotFoundException.class, () -> instance.memory("add"));
        assertTrue(wrongKind.getMessage().contains("'add' is a function, not a memory"), wrongKind.getMessage());
        assertEquals(5, instance.func("add").callI32(2, 3), "the instance is fine afterwards");
    }

    @ProfileTest
    void settingAnImmutableGlobalIsImmutableGlobal(Profile profile) {
        var s = session(profile);
        var exported = s.instantiate("globals").global("i64");
        var e = assertThrows(ImmutableGlobalException.class, () -> exported.set(Val.i64(1)));
        assertTrue(e.getMessage().contains("immutable"), e.getMessage());
        var made = s.store.newGlobal(Val.f32(1), false);
        assertThrows(ImmutableGlobalException.class, () -> made.set(Val.f32(2)));
        assertEquals(Val.i64(-5), exported.get());
    }

    @ProfileTest
    void argumentsOfTheWrongCountOrTypeAreTypeMismatch(Profile profile) {
        var add = session(profile).instantiate("add").func("add");
        var count = assertThrows(TypeMismatchException.class, () -> add.call(Val.i32(1)));
        assertTrue(count.getMessage().contains("(i32, i32)") && count.getMessage().contains("not (i32)"),
                count.getMessage());
        assertThrows(TypeMismatchException.class, () -> add.call(Val.i32(1), Val.i32(2), Val.i32(3)));
        var type = assertThrows(TypeMismatchException.class, () -> add.call(Val.i32(1), Val.i64(2)));
        assertTrue(type.getMessage().contains("not (i32, i64)"), type.getMessage());
        assertThrows(TypeMismatchException.class, () -> add.call(Val.i32(1), null));
        assertThrows(IllegalArgumentException.class, () -> add.call(Val.f64(1), Val.i32(2)),
                "a TypeMismatchException is an IllegalArgumentException");
    }

    @ProfileTest
    void valuesOfTheWrongTypeForGlobalsAndTablesAreTypeMismatch(Profile profile) {
        var s = session(profile);
        var i32 = s.instantiate("globals").global("i32");
        var e = assertThrows(TypeMismatchException.class, () -> i32.set(Val.f64(1)));
        assertTrue(e.getMessage().contains("I32") && e.getMessage().contains("F64"), e.getMessage());
        var funcs = s.instantiate("tables").table("funcs");
        assertThrows(TypeMismatchException.class, () -> funcs.set(0, new Val.ExternRef("x")));
        assertThrows(TypeMismatchException.class, () -> funcs.grow(1, Val.i32(0)));
        assertThrows(TypeMismatchException.class,
                () -> s.store.newTable(ValType.EXTERNREF, 1, OptionalInt.empty(), new Val.FuncRef(null)));
        assertEquals(Val.i32(7), i32.get());
    }
}
