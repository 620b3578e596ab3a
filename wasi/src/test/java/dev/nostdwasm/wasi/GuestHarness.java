package dev.nostdwasm.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nostdwasm.api.Engine;
import dev.nostdwasm.api.Func;
import dev.nostdwasm.api.Instance;
import dev.nostdwasm.api.Linker;
import dev.nostdwasm.api.Memory;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.Store;
import dev.nostdwasm.api.TrapCode;
import dev.nostdwasm.api.Val;
import dev.nostdwasm.api.ValType;
import dev.nostdwasm.api.WasmModule;
import dev.nostdwasm.api.WasmTrapException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * {@code wasi_calls.wat} instantiated with a {@link Wasi} on a real runtime: a test writes a
 * call's arguments into the guest's memory, calls the WASI function through the guest, and reads
 * the results back.
 */
final class GuestHarness implements AutoCloseable {
    private final Engine engine;
    private final WasmModule module;
    private final Store store;
    private final Linker linker;
    private final Instance instance;
    private final Memory memory;

    GuestHarness(String provider, Profile profile, WasiConfig config) {
        engine = TestRuntimes.engine(provider, profile);
        module = engine.load(TestRuntimes.artifact("wasi_calls", profile));
        store = engine.newStore(Wasi.create(config));
        linker = Wasi.addTo(engine.newLinker());
        instance = linker.instantiate(store, module);
        memory = instance.memory("memory");
    }

    /** The instance of {@code wasi_calls.wat}: each WASI function is its export of the same name. */
    Instance instance() {
        return instance;
    }

    /** Calls WASI function {@code name} with {@code args} (i32 ones truncated) and returns its errno. */
    int call(String name, long... args) {
        Func f = instance.func(name);
        Val[] vals = new Val[args.length];
        for (int i = 0; i < args.length; i++) {
            vals[i] = f.type().params().get(i) == ValType.I64 ? Val.i64(args[i]) : Val.i32((int) args[i]);
        }
        return ((Val.I32) f.call(vals)[0]).value();
    }

    /**
     * Calls WASI function {@code name} with {@code args} and checks that it traps, its cause a
     * {@code cause} (as the standard Wasmtime traps on bad guest input).
     */
    void assertTraps(Class<? extends Throwable> cause, String name, long... args) {
        WasmTrapException trap = assertThrows(WasmTrapException.class, () -> call(name, args), name);
        assertEquals(TrapCode.HOST_EXCEPTION, trap.trapCode(), name);
        assertInstanceOf(cause, trap.getCause(), name);
    }

    /** Writes {@code s} in UTF-8 at {@code address} and returns its length in bytes. */
    int putString(long address, String s) {
        return put(address, s.getBytes(StandardCharsets.UTF_8));
    }

    int put(long address, byte[] bytes) {
        memory.write(address, bytes, 0, bytes.length);
        return bytes.length;
    }

    /** Writes an iovec (buffer, length) at {@code address}. */
    void putIovec(long address, long buffer, long length) {
        putI32(address, (int) buffer);
        putI32(address + 4, (int) length);
    }

    void putI32(long address, int value) {
        put(address, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array());
    }

    void putI64(long address, long value) {
        put(address, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array());
    }

    byte[] bytes(long address, int length) {
        byte[] bytes = new byte[length];
        memory.read(address, bytes, 0, length);
        return bytes;
    }

    String string(long address, int length) {
        return new String(bytes(address, length), StandardCharsets.UTF_8);
    }

    int i32(long address) {
        return ByteBuffer.wrap(bytes(address, 4)).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    long i64(long address) {
        return ByteBuffer.wrap(bytes(address, 8)).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    int u8(long address) {
        return bytes(address, 1)[0] & 0xff;
    }

    @Override
    public void close() {
        linker.close();
        store.close();
        module.close();
        engine.close();
    }
}
