package dev.nostdwasm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.nostdwasm.api.Engine;
import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.Instance;
import dev.nostdwasm.api.Memory;
import dev.nostdwasm.api.NoStdRuntime;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.Store;
import dev.nostdwasm.api.Val;
import dev.nostdwasm.it.support.Artifacts;
import dev.nostdwasm.it.support.ForkedJvm;
import dev.nostdwasm.it.support.ProfileTest;
import dev.nostdwasm.it.support.ProviderSuite;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code Memory.view()} never outlives what it shows: a view is revoked (throws {@link
 * IllegalStateException}) once its store is closed or collected, or its memory grew; on a
 * provider that cannot revoke a buffer, {@code view()} refuses with {@link
 * UnsupportedOperationException}. Uses that crashed the JVM before run in a forked one ({@link
 * StaleViewMain}). Modules: memory, memory_grow_then_call.
 */
abstract class MemoryViewsSuite extends ProviderSuite {

    /** Whether the provider can revoke views (else {@code view()} must refuse). */
    protected abstract boolean revocableViews();

    @ProfileTest
    void viewSeesDataAndWasmSeesViewWrites(Profile profile) {
        Instance instance = session(profile).instantiate("memory");
        Memory memory = instance.memory("memory");
        if (!revocableViews()) {
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, memory::view);
            assertTrue(e.getMessage().contains("Memory.read and Memory.write"), e.getMessage());
            return;
        }
        ByteBuffer view = memory.view();
        assertEquals(ByteOrder.LITTLE_ENDIAN, view.order());
        assertEquals(MemorySuite.PAGE, view.capacity());
        assertEquals(MemorySuite.PAGE, view.remaining());
        byte[] hello = new byte[5];
        view.get(16, hello, 0, 5);
        assertEquals("hello", new String(hello, StandardCharsets.US_ASCII));

        view.putInt(32, 0x01020304);
        assertEquals(0x01020304, instance.func("load").callI32(32));
        assertEquals(0x04, instance.func("load8").callI32(32), "little-endian");

        instance.func("store").call(Val.i32(40), Val.i32(0xCAFEBABE));
        assertEquals(0xCAFEBABE, view.getInt(40), "the view sees what wasm wrote");
    }

    @ProfileTest
    void viewOfAClosedStoreNeverShowsTheNextStore(Profile profile) {
        Engine engine = engine(profile);
        Store a = store(engine);
        Memory memoryA = instantiate(engine, a);
        if (!revocableViews()) {
            assertThrows(UnsupportedOperationException.class, memoryA::view);
            return;
        }
        ByteBuffer viewA = memoryA.view();
        a.close();
        Store b = store(engine);
        Memory memoryB = instantiate(engine, b);
        byte[] secret = "tenant B's secret".getBytes(StandardCharsets.US_ASCII);
        memoryB.write(16, secret, 0, secret.length);
        assertThrows(IllegalStateException.class, () -> viewA.get(16), "a view of closed store A reads nothing");
    }

    @ProfileTest
    void viewIsRevokedWhenWasmGrowsTheMemory(Profile profile) {
        Instance instance = session(profile).instantiate("memory");
        Memory memory = instance.memory("memory");
        if (!revocableViews()) {
            assertThrows(UnsupportedOperationException.class, memory::view);
            return;
        }
        ByteBuffer view = memory.view();
        assertEquals('h', view.get(16), "valid while wasm leaves the memory alone");
        instance.func("store8").call(Val.i32(20), Val.i32('!'));
        assertEquals('!', view.get(20), "a call that does not grow the memory keeps the view");
        assertEquals(1, instance.func("grow").callI32(1));
        assertThrows(IllegalStateException.class, () -> view.get(16), "memory.grow revoked the view");
        assertEquals(2L * MemorySuite.PAGE, memory.view().capacity(), "a new view shows the new size");
    }

    @ProfileTest
    void hostFunctionCannotUseAViewWasmJustRevoked(Profile profile) {
        var s = session(profile);
        AtomicReference<ByteBuffer> view = new AtomicReference<>();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        s.linker.define("host", "touch", new ExternType.Func(List.of(), List.of()), (caller, args) -> {
            try {
                view.get().get(0);
            } catch (Throwable t) {
                thrown.set(t);
            }
            return new Val[0];
        });
        Instance instance = s.instantiate("memory_grow_then_call");
        Memory memory = instance.memory("memory");
        if (!revocableViews()) {
            assertThrows(UnsupportedOperationException.class, memory::view);
            return;
        }
        view.set(memory.view());
        assertEquals(2, instance.func("grow_then_touch").callI32(1));
        assertInstanceOf(IllegalStateException.class, thrown.get(),
                "the host function ran after memory.grow: its view was revoked");
    }

    /**
     * Writes through views whose store was closed, whose store was only garbage-collected, and
     * whose memory grew far enough to move, in a forked JVM: each write threw {@link
     * IllegalStateException}, and nothing crashed.
     */
    @ProfileTest
    void staleWritesThrowAndNeverCrash(Profile profile) throws Exception {
        if (!revocableViews()) {
            Memory memory = store(engine(profile)).newMemory(1, java.util.OptionalInt.empty());
            assertThrows(UnsupportedOperationException.class, memory::view);
            return;
        }
        ForkedJvm.Result result = ForkedJvm.current()
                .option("-Xmx256m")
                .property(NoStdRuntime.PROVIDER_PROPERTY, provider())
                .property(Artifacts.DIR_PROPERTY, Artifacts.dir().toString())
                .run(StaleViewMain.class, List.of(provider(), profile.cliName()), Duration.ofMinutes(3));
        if (!result.exitedWith(0)) {
            fail(result.report());
        }
        for (String scenario : StaleViewMain.SCENARIOS) {
            assertTrue(result.output().contains(scenario + ": revoked"), result.report());
        }
    }

    private Memory instantiate(Engine engine, Store store) {
        return linker(engine).instantiate(store, module(engine, "memory")).memory("memory");
    }
}
