package dev.nostdwasm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nostdwasm.api.Caller;
import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.Func;
import dev.nostdwasm.api.Instance;
import dev.nostdwasm.api.Memory;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.StoreLimits;
import dev.nostdwasm.api.Val;
import dev.nostdwasm.api.ValType;
import dev.nostdwasm.it.support.ProfileTest;
import dev.nostdwasm.it.support.ProviderSuite;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a store keeps for host calls does not grow with the number of calls (bookkeeping.wat),
 * and a {@link Caller} is usable only in its own call, on its own thread (caller_memory.wat).
 */
abstract class BookkeepingSuite extends ProviderSuite {

    private static final int CALLS = 200_000;
    // Far fewer than CALLS: a store that kept anything per call runs out of references.
    private static final long REFERENCES = 64;
    private static final Object TOKEN = new Object();
    private static final ExternType.Func SUM =
            new ExternType.Func(List.of(ValType.I32, ValType.I32), List.of(ValType.I32));

    @ProfileTest
    void hostCallsKeepNothingPerCall(Profile profile) {
        Session s = session(profile);
        s.store.setLimits(StoreLimits.DEFAULT.withReferences(REFERENCES));
        AtomicReference<Func> func = new AtomicReference<>();
        AtomicReference<Memory> memory = new AtomicReference<>();
        s.linker.define("host", "take_func", new ExternType.Func(List.of(ValType.FUNCREF), List.of()),
                (caller, args) -> {
                    func.set(((Val.FuncRef) args[0]).func());
                    return new Val[0];
                });
        s.linker.define("host", "use_memory", new ExternType.Func(List.of(), List.of()), (caller, args) -> {
            memory.set(caller.memory("memory"));
            return new Val[0];
        });
        s.linker.define("host", "make_ref", new ExternType.Func(List.of(), List.of(ValType.EXTERNREF)),
                (caller, args) -> new Val[] {new Val.ExternRef(TOKEN)});
        Instance instance = s.instantiate("bookkeeping");

        instance.func("run").call(Val.i32(CALLS));
        Func first = func.get();
        Memory firstMemory = memory.get();
        assertNotNull(first);
        assertNotNull(firstMemory);
        instance.func("run").call(Val.i32(1));
        assertSame(first, func.get(), "one Func per function");
        assertSame(firstMemory, memory.get(), "one Memory per memory");
        assertEquals(instance.memory("memory").pages(), firstMemory.pages());
    }

    @ProfileTest
    void aCallerIsRefusedOnAnotherThreadAndAfterItsCall(Profile profile) throws Exception {
        Session s = session(profile);
        AtomicReference<Caller> kept = new AtomicReference<>();
        AtomicReference<Throwable> fromOtherThread = new AtomicReference<>();
        s.linker.define("host", "sum", SUM, (caller, args) -> {
            kept.set(caller);
            Thread other = new Thread(() -> {
                try {
                    caller.memory("memory");
                } catch (Throwable t) {
                    fromOtherThread.set(t);
                }
            });
            other.start();
            other.join();
            return new Val[] {Val.i32(0)};
        });
        s.instantiate("caller_memory").func("run").call();

        assertInstanceOf(IllegalStateException.class, fromOtherThread.get(), "used from another thread");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> kept.get().memory("memory"));
        assertEquals(true, e.getMessage().contains("only during the host call"), e.getMessage());
        Thread later = new Thread(() -> {
            try {
                kept.get().memory("memory");
            } catch (Throwable t) {
                fromOtherThread.set(t);
            }
        });
        fromOtherThread.set(null);
        later.start();
        later.join();
        assertInstanceOf(IllegalStateException.class, fromOtherThread.get(), "used after the call, elsewhere");
    }

    @ProfileTest
    void limitsCannotChangeInsideAHostCall(Profile profile) {
        Session s = session(profile);
        AtomicReference<Throwable> refused = new AtomicReference<>();
        s.linker.define("host", "sum", SUM, (caller, args) -> {
            try {
                s.store.setLimits(StoreLimits.UNLIMITED);
            } catch (Throwable t) {
                refused.set(t);
            }
            return new Val[] {Val.i32(0)};
        });
        s.instantiate("caller_memory").func("run").call();
        assertInstanceOf(IllegalStateException.class, refused.get());
        s.store.setLimits(StoreLimits.UNLIMITED); // and outside the call it works
    }
}
