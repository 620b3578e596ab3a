package dev.nostdwasm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.Instance;
import dev.nostdwasm.api.LinkException;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.Store;
import dev.nostdwasm.api.Val;
import dev.nostdwasm.api.ValType;
import dev.nostdwasm.it.support.ProfileTest;
import dev.nostdwasm.it.support.ProviderSuite;
import java.util.List;
import java.util.OptionalInt;

/** Resolving imports: missing and mistyped ones, duplicates, instances as import modules. */
abstract class LinkingSuite extends ProviderSuite {

    static final ExternType.Func I32_I32_TO_I32 =
            new ExternType.Func(List.of(ValType.I32, ValType.I32), List.of(ValType.I32));

    static void assertMentions(Exception e, String... words) {
        for (String w : words) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(w), () -> "mentions '" + w + "': " + e.getMessage());
        }
    }

    @ProfileTest
    void aMissingImportIsALinkExceptionNamingIt(Profile profile) {
        var s = session(profile);
        var module = s.module("host_fn");
        var e = assertThrows(LinkException.class, () -> s.linker.instantiate(s.store, module));
        assertMentions(e, "host", "multiply");
    }

    @ProfileTest
    void aMistypedFunctionImportIsALinkException(Profile profile) {
        var s = session(profile);
        s.linker.define("host", "multiply", new ExternType.Func(List.of(ValType.I64, ValType.I64), List.of(ValType.I64)),
                (caller, args) -> new Val[] {args[0]});
        var module = s.module("host_fn");
        var e = assertThrows(LinkException.class, () -> s.linker.instantiate(s.store, module));
        assertMentions(e, "multiply");
    }

    @ProfileTest
    void mistypedGlobalMemoryAndTableImportsAreLinkExceptions(Profile profile) {
        var s = session(profile);
        var module = s.module("global_import");
        s.linker.define(s.store, "env", "counter", s.store.newGlobal(Val.i64(0), false)); // wants (mut i64)
        s.linker.define(s.store, "env", "base", s.store.newGlobal(Val.i32(0), false));
        var e = assertThrows(LinkException.class, () -> s.linker.instantiate(s.store, module));
        assertMentions(e, "counter");

        var s2 = session(profile);
        s2.linker.define(s2.store, "env", "memory", s2.store.newMemory(1, OptionalInt.empty())); // wants max 2
        assertThrows(LinkException.class, () -> s2.instantiate("memory_import"));

        var s3 = session(profile);
        s3.linker.define(s3.store, "env", "memory", s3.store.newGlobal(Val.i32(0), false)); // not a memory
        assertThrows(LinkException.class, () -> s3.instantiate("memory_import"));
    }

    @ProfileTest
    void importsAreCheckedAgainstTheSizesTheyHaveNow(Profile profile) {
        var s = session(profile);
        var memory = s.store.newMemory(1, OptionalInt.empty());
        s.linker.define(s.store, "env", "memory", memory);
        assertThrows(LinkException.class, () -> s.instantiate("memory_import_two_pages"), "1 page < min 2");
        memory.grow(1);
        assertEquals(2, s.instantiate("memory_import_two_pages").func("size").callI32(),
                "the memory grew to 2 pages after it was defined");
    }

    @ProfileTest
    void definingANameTwiceIsALinkException(Profile profile) {
        var s = session(profile);
        s.linker.define("host", "multiply", I32_I32_TO_I32, (caller, args) -> new Val[] {Val.i32(0)});
        assertThrows(LinkException.class,
                () -> s.linker.define("host", "multiply", I32_I32_TO_I32, (caller, args) -> new Val[] {Val.i32(1)}));
        assertThrows(LinkException.class,
                () -> s.linker.define(s.store, "host", "multiply", s.store.newGlobal(Val.i32(0), false)));
    }

    @ProfileTest
    void anExternOfAnotherStoreIsRefused(Profile profile) {
        var s = session(profile);
        Store other = store(s.engine);
        var foreign = other.newGlobal(Val.i32(1), false);
        assertThrows(IllegalArgumentException.class, () -> s.linker.define(s.store, "env", "base", foreign));
    }

    @ProfileTest
    void anInstanceProvidesImports(Profile profile) {
        var s = session(profile);
        Instance mul = s.instantiate("mul");
        s.linker.defineInstance(s.store, "host", mul);
        Instance hostFn = s.instantiate("host_fn");
        assertEquals(10, hostFn.func("add_and_mul").callI32(2, 3, 4));
        assertThrows(LinkException.class, () -> s.linker.defineInstance(s.store, "host", mul), "names already defined");
    }

    @ProfileTest
    void aWasmExportProvidesAnImport(Profile profile) {
        var s = session(profile);
        Instance mul = s.instantiate("mul");
        s.linker.define(s.store, "host", "multiply", mul.func("multiply"));
        assertEquals(-14, s.instantiate("host_fn").func("add_and_mul").callI32(-3, 6, 4));
    }

    @ProfileTest
    void oneLinkerInstantiatesManyTimes(Profile profile) {
        var s = session(profile);
        s.linker.define("host", "multiply", I32_I32_TO_I32,
                (caller, args) -> new Val[] {Val.i32(((Val.I32) args[0]).value() * ((Val.I32) args[1]).value())});
        var module = s.module("host_fn");
        for (int i = 0; i < 10; i++) {
            assertEquals(i * 2 + 1, s.linker.instantiate(s.store, module).func("add_and_mul").callI32(i, 2, 1));
        }
        Store second = store(s.engine);
        assertEquals(7, s.linker.instantiate(second, module).func("add_and_mul").callI32(3, 2, 1),
                "host functions defined by name work in any store of the engine");
    }
}
