package dev.nostdwasm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nostdwasm.api.Caller;
import dev.nostdwasm.api.ExportNotFoundException;
import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.Func;
import dev.nostdwasm.api.HostFunction;
import dev.nostdwasm.api.Instance;
import dev.nostdwasm.api.Memory;
import dev.nostdwasm.api.Table;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.Val;
import dev.nostdwasm.api.ValType;
import dev.nostdwasm.it.support.ProfileTest;
import dev.nostdwasm.it.support.ProviderSuite;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A host function that calls back into its caller: it reads a string from the caller's memory,
 * calls the caller's allocator (a nested call into the same store) and writes its answer into
 * the memory it got (caller_exports.wat); exports it has not are {@link ExportNotFoundException}.
 */
abstract class CallerExportsSuite extends ProviderSuite {

    static final ExternType.Func GREET = new ExternType.Func(List.of(ValType.I32, ValType.I32), List.of(ValType.I32));

    /** host.greet: "hello, " + the name, written as a C string where the guest's alloc says. */
    static Val[] greet(Caller caller, Val[] args) {
        Memory memory = caller.memory("memory");
        String name = memory.readString(((Val.I32) args[0]).value(), ((Val.I32) args[1]).value());
        String greeting = "hello, " + name;
        int address = caller.func("alloc").callI32(greeting.length() + 1);
        memory.writeCString(address, greeting);
        var calls = caller.global("calls");
        calls.set(Val.i32(((Val.I32) calls.get()).value() + 1));
        return new Val[] {Val.i32(address)};
    }

    @ProfileTest
    void aHostFunctionCallsTheGuestsAllocatorAndReturnsAStringThroughItsMemory(Profile profile) {
        var s = session(profile);
        s.linker.define("host", "greet", GREET, CallerExportsSuite::greet);
        Instance instance = s.instantiate("caller_exports");
        Memory memory = instance.memory("memory");

        int first = instance.func("run").callI32();
        int second = instance.func("run").callI32();
        assertEquals(1024, first, "the first allocation of the guest's bump allocator");
        assertEquals(1024 + "hello, wasm".length() + 1, second, "the host's alloc call moved the guest's allocator");
        assertEquals("hello, wasm", memory.readCString(first, 100));
        assertEquals("hello, wasm", memory.readCString(second, 100));
        assertEquals(Val.i32(2), instance.global("calls").get(), "the host set the caller's global");
    }

    @ProfileTest
    void theCallersExportsAreTheInstancesObjects(Profile profile) {
        var s = session(profile);
        AtomicReference<List<Object>> seen = new AtomicReference<>();
        s.linker.define("host", "greet", GREET, (caller, args) -> {
            seen.set(List.of(caller.func("alloc"), caller.memory("memory"), caller.global("calls"),
                    caller.table("table")));
            assertSame(caller.func("alloc"), caller.func("alloc"), "asking again gives the same Func");
            return new Val[] {Val.i32(0)};
        });
        Instance instance = s.instantiate("caller_exports");
        instance.func("run").callI32();
        List<Object> exports = seen.get();
        assertEquals(2, ((Table) exports.get(3)).size(), "the table stays usable after the call");
        assertEquals(1024, ((Func) exports.get(0)).callI32(8), "the function stays usable after the call");
        assertEquals(1024 + 8, instance.func("alloc").callI32(0), "and it is the instance's alloc");
    }

    @ProfileTest
    void anExportTheCallerHasNotThrowsExportNotFound(Profile profile) {
        var s = session(profile);
        List<ExportNotFoundException> thrown = new ArrayList<>();
        HostFunction probe = (caller, args) -> {
            thrown.add(assertThrows(ExportNotFoundException.class, () -> caller.func("free")));
            thrown.add(assertThrows(ExportNotFoundException.class, () -> caller.func("memory")));
            thrown.add(assertThrows(ExportNotFoundException.class, () -> caller.memory("alloc")));
            thrown.add(assertThrows(ExportNotFoundException.class, () -> caller.global("table")));
            thrown.add(assertThrows(ExportNotFoundException.class, () -> caller.table("calls")));
            return new Val[] {Val.i32(0)};
        };
        s.linker.define("host", "greet", GREET, probe);
        assertEquals(0, s.instantiate("caller_exports").func("run").callI32());
        assertEquals(5, thrown.size());
        assertTrue(thrown.get(0).getMessage().contains("no export 'free'"), thrown.get(0).getMessage());
        assertTrue(thrown.get(1).getMessage().contains("'memory' is not a function"), thrown.get(1).getMessage());
        assertTrue(thrown.get(2).getMessage().contains("'alloc' is not a memory"), thrown.get(2).getMessage());
        assertTrue(thrown.get(3).getMessage().contains("'table' is not a global"), thrown.get(3).getMessage());
        assertTrue(thrown.get(4).getMessage().contains("'calls' is not a table"), thrown.get(4).getMessage());
    }

    @ProfileTest
    void aCallerKeptAfterItsCallIsRefused(Profile profile) {
        var s = session(profile);
        AtomicReference<Caller> kept = new AtomicReference<>();
        s.linker.define("host", "greet", GREET, (caller, args) -> {
            kept.set(caller);
            return new Val[] {Val.i32(0)};
        });
        s.instantiate("caller_exports").func("run").callI32();
        assertThrows(IllegalStateException.class, () -> kept.get().func("alloc"));
        assertThrows(IllegalStateException.class, () -> kept.get().data());
    }

    @ProfileTest
    void oneLinkerServesTwoStoresAndItsHostFunctionKnowsWhichOneCalls(Profile profile) {
        var engine = engine(profile);
        var linker = linker(engine);
        var module = module(engine, "caller_exports");
        List<String> tenants = new ArrayList<>();
        linker.define("host", "greet", GREET, (caller, args) -> {
            tenants.add(caller.data(Tenant.class).name());
            assertSame(caller.data(), caller.data(Tenant.class));
            return greet(caller, args);
        });
        var alice = track(engine.newStore(new Tenant("alice")));
        var bob = track(engine.newStore(new Tenant("bob")));
        Instance a = linker.instantiate(alice, module);
        Instance b = linker.instantiate(bob, module);
        a.func("run").callI32();
        b.func("run").callI32();
        a.func("run").callI32();
        assertEquals(List.of("alice", "bob", "alice"), tenants);
        assertEquals(new Tenant("bob"), bob.data());
        assertEquals("bob", bob.data(Tenant.class).name());
        assertEquals(Val.i32(2), a.global("calls").get());
        assertEquals(Val.i32(1), b.global("calls").get());
        assertNotEquals(alice.data(), bob.data());
    }

    @ProfileTest
    void storeDataOfTheWrongTypeOrNoneThrowsAClearException(Profile profile) {
        var engine = engine(profile);
        var tenant = track(engine.newStore(new Tenant("carol")));
        var e = assertThrows(ClassCastException.class, () -> tenant.data(String.class));
        assertTrue(e.getMessage().contains(Tenant.class.getName()) && e.getMessage().contains("java.lang.String"),
                e.getMessage());
        assertEquals(new Tenant("carol"), tenant.data(Record.class), "a superclass of the data is fine");

        var plain = store(engine);
        assertEquals(null, plain.data());
        var none = assertThrows(IllegalStateException.class, () -> plain.data(Tenant.class));
        assertTrue(none.getMessage().contains("newStore(data)"), none.getMessage());
        assertThrows(NullPointerException.class, () -> engine.newStore(null));
    }

    /** What a multi-tenant host keeps per store. */
    record Tenant(String name) {
    }
}
