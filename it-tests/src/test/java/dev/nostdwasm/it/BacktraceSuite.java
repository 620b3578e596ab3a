package dev.nostdwasm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.Instance;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.TrapCode;
import dev.nostdwasm.api.Val;
import dev.nostdwasm.api.WasmFrame;
import dev.nostdwasm.api.WasmTrapException;
import dev.nostdwasm.it.support.ProfileTest;
import dev.nostdwasm.it.support.ProviderSuite;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Traps carry the wasm backtrace: function indices, names from the name section when there is
 * one, and module offsets (backtrace_named.wat, backtrace_unnamed.wat).
 */
abstract class BacktraceSuite extends ProviderSuite {

    private Session named(Profile profile, AtomicBoolean hostFails) {
        var s = session(profile);
        s.linker.define("host", "fail", new ExternType.Func(List.of(), List.of()), (caller, args) -> {
            if (hostFails.get()) {
                throw new IllegalStateException("host says no");
            }
            return new Val[0];
        });
        return s;
    }

    private static List<Integer> indices(List<WasmFrame> frames) {
        return frames.stream().map(WasmFrame::functionIndex).toList();
    }

    private static List<Optional<String>> names(List<WasmFrame> frames) {
        return frames.stream().map(WasmFrame::name).toList();
    }

    /** Offsets are known (Wasmtime keeps an address map) and grow with the function order. */
    private static void assertOffsetsDescend(List<WasmFrame> frames) {
        for (int i = 0; i < frames.size(); i++) {
            assertTrue(frames.get(i).offset() > 0, () -> "offset known: " + frames);
            if (i > 0) {
                int at = i;
                assertTrue(frames.get(at - 1).offset() > frames.get(at).offset(),
                        () -> "a callee defined later sits further into the module: " + frames);
            }
        }
    }

    @ProfileTest
    void namedFramesInnermostFirst(Profile profile) {
        Instance instance = named(profile, new AtomicBoolean()).instantiate("backtrace_named");
        var trap = assertThrows(WasmTrapException.class, () -> instance.func("run").callVoid());
        assertEquals(TrapCode.UNREACHABLE_CODE_REACHED, trap.trapCode(), trap::getMessage);
        List<WasmFrame> frames = trap.backtrace();
        assertEquals(List.of(3, 2, 1), indices(frames), frames::toString);
        assertEquals(List.of(Optional.of("inner"), Optional.of("middle"), Optional.of("outer")), names(frames));
        assertOffsetsDescend(frames);
        assertTrue(trap.getMessage().contains("unreachable"), "the message is Wasmtime's, as before: "
                + trap.getMessage());

        // The same frames through the untyped call path, and again on the same store.
        var again = assertThrows(WasmTrapException.class, () -> instance.func("run").call());
        assertEquals(frames, again.backtrace());
    }

    @ProfileTest
    void withoutANameSectionOnlyIndices(Profile profile) {
        Instance instance = session(profile).instantiate("backtrace_unnamed");
        var trap = assertThrows(WasmTrapException.class, () -> instance.func("run").callVoid());
        assertEquals(TrapCode.UNREACHABLE_CODE_REACHED, trap.trapCode(), trap::getMessage);
        List<WasmFrame> frames = trap.backtrace();
        assertEquals(List.of(2, 1, 0), indices(frames), frames::toString);
        assertEquals(List.of(Optional.empty(), Optional.empty(), Optional.empty()), names(frames));
        assertEquals("wasm-function[2]", frames.get(0).displayName());
        assertOffsetsDescend(frames);
    }

    @ProfileTest
    void aThrowingHostFunctionGivesTheWasmFramesThatCalledIt(Profile profile) {
        AtomicBoolean hostFails = new AtomicBoolean(true);
        Instance instance = named(profile, hostFails).instantiate("backtrace_named");
        var trap = assertThrows(WasmTrapException.class, () -> instance.func("via_host").callVoid());
        assertEquals(TrapCode.HOST_EXCEPTION, trap.trapCode());
        assertInstanceOf(IllegalStateException.class, trap.getCause());
        List<WasmFrame> frames = trap.backtrace();
        assertEquals(List.of(4), indices(frames), frames::toString);
        assertEquals(List.of(Optional.of("via_host")), names(frames));
        hostFails.set(false);
        instance.func("via_host").callVoid();
    }

    @ProfileTest
    void stackOverflowKeepsABoundedBacktrace(Profile profile) {
        Instance instance = named(profile, new AtomicBoolean()).instantiate("backtrace_named");
        var trap = assertThrows(WasmTrapException.class, () -> instance.func("recurse").callI32(0));
        assertEquals(TrapCode.STACK_OVERFLOW, trap.trapCode());
        List<WasmFrame> frames = trap.backtrace();
        assertFalse(frames.isEmpty());
        assertTrue(frames.size() <= 20, () -> "Wasmtime keeps at most 20 frames: " + frames.size());
        for (WasmFrame f : frames) {
            assertEquals(5, f.functionIndex());
            assertEquals(Optional.of("recurse"), f.name());
        }
    }

    @ProfileTest
    void theBacktraceSurvivesSerialization(Profile profile) throws Exception {
        Instance instance = named(profile, new AtomicBoolean()).instantiate("backtrace_named");
        var trap = assertThrows(WasmTrapException.class, () -> instance.func("run").callVoid());
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(trap);
        }
        try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            var copy = (WasmTrapException) in.readObject();
            assertEquals(trap.trapCode(), copy.trapCode());
            assertEquals(trap.backtrace(), copy.backtrace());
        }
    }
}
