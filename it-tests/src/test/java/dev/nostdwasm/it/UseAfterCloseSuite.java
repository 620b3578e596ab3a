package dev.nostdwasm.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nostdwasm.api.ClosedException;
import dev.nostdwasm.api.Engine;
import dev.nostdwasm.api.EngineConfig;
import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.Func;
import dev.nostdwasm.api.Global;
import dev.nostdwasm.api.Instance;
import dev.nostdwasm.api.Linker;
import dev.nostdwasm.api.Memory;
import dev.nostdwasm.api.WasmModule;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.Store;
import dev.nostdwasm.api.StoreLimits;
import dev.nostdwasm.api.Table;
import dev.nostdwasm.api.Val;
import dev.nostdwasm.api.ValType;
import dev.nostdwasm.it.support.Artifacts;
import dev.nostdwasm.it.support.ProfileTest;
import dev.nostdwasm.it.support.ProviderSuite;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.function.Executable;

/**
 * Every method of a closed object, and of store-owned objects after their store closed, throws
 * {@link ClosedException} (never crashes); close is idempotent.
 */
abstract class UseAfterCloseSuite extends ProviderSuite {

    static final ExternType.Func VOID = new ExternType.Func(List.of(), List.of());

    static Executable closed(String what, Executable call) {
        return () -> assertThrows(ClosedException.class, call, what);
    }

    @ProfileTest
    void closedEngine(Profile profile) {
        Engine engine = runtime.newEngine(EngineConfig.of(profile).allowUnsignedArtifacts());
        byte[] add = Artifacts.bytes("add", profile);
        engine.close();
        assertAll(
                closed("load", () -> engine.load(add)),
                closed("newLinker", engine::newLinker),
                closed("newStore", engine::newStore),
                closed("newStore(data)", () -> engine.newStore("tenant")),
                closed("incrementEpoch", engine::incrementEpoch));
        engine.close(); // idempotent
        engine.close();
    }

    @ProfileTest
    void closingTheEngineClosesNothingElse(Profile profile) {
        Engine engine = runtime.newEngine(EngineConfig.of(profile).allowUnsignedArtifacts());
        WasmModule module = track(engine.load(Artifacts.bytes("add", profile)));
        Store store = track(engine.newStore());
        Linker linker = track(engine.newLinker());
        engine.close();
        assertEquals(List.of("add"), module.exports().stream().map(e -> e.name()).toList());
        Instance instance = linker.instantiate(store, module);
        assertEquals(3, instance.func("add").callI32(1, 2));
        store.newGlobal(Val.i32(1), true).set(Val.i32(2));
    }

    @ProfileTest
    void closedModule(Profile profile) {
        var s = session(profile);
        WasmModule module = s.engine.load(Artifacts.bytes("add", profile));
        module.close();
        assertAll(
                closed("imports", module::imports),
                closed("exports", module::exports),
                closed("instantiate a closed module", () -> s.linker.instantiate(s.store, module)));
        module.close();
        module.close();
    }

    @ProfileTest
    void closedLinker(Profile profile) {
        var s = session(profile);
        WasmModule module = s.module("host_fn");
        Linker linker = s.engine.newLinker();
        Instance mul = s.instantiate("mul");
        Global global = s.store.newGlobal(Val.i32(0), false);
        linker.close();
        assertAll(
                closed("define host function", () -> linker.define("host", "multiply",
                        new ExternType.Func(List.of(ValType.I32, ValType.I32), List.of(ValType.I32)),
                        (caller, args) -> new Val[] {args[0]})),
                closed("define extern", () -> linker.define(s.store, "env", "g", global)),
                closed("defineInstance", () -> linker.defineInstance(s.store, "host", mul)),
                closed("instantiate", () -> linker.instantiate(s.store, module)));
        linker.close();
        linker.close();
    }

    @ProfileTest
    void closedStore(Profile profile) {
        // With fuel and epochs, so the fuel and deadline methods are valid on this store but for its closing.
        Engine engine = engine(EngineConfig.of(profile).allowUnsignedArtifacts()
                .withFuel(true).withEpochInterruption(true));
        Store store = engine.newStore();
        store.close();
        assertAll(
                closed("setLimits", () -> store.setLimits(StoreLimits.UNLIMITED)),
                closed("setFuel", () -> store.setFuel(1)),
                closed("fuel", store::fuel),
                closed("setEpochDeadline", () -> store.setEpochDeadline(1)),
                closed("newMemory", () -> store.newMemory(1, OptionalInt.empty())),
                closed("newGlobal", () -> store.newGlobal(Val.i32(1), true)),
                closed("newTable", () -> store.newTable(ValType.FUNCREF, 1, OptionalInt.empty(), new Val.FuncRef(null))),
                closed("newFunc", () -> store.newFunc(VOID, (caller, args) -> new Val[0])),
                closed("data", store::data),
                closed("data(type)", () -> store.data(Object.class)));
        WasmModule module = track(engine.load(Artifacts.meteredBytes("spin", profile)));
        Linker linker = linker(engine);
        assertThrows(ClosedException.class, () -> linker.instantiate(store, module), "instantiate in a closed store");
        store.close();
        store.close();
    }

    @ProfileTest
    void storeOwnedObjectsAfterTheStoreCloses(Profile profile) {
        Engine engine = engine(profile);
        Store store = engine.newStore();
        Linker linker = linker(engine);
        Instance instance = linker.instantiate(store, module(engine, "tables"));
        Instance memInstance = linker.instantiate(store, module(engine, "memory"));
        Instance globals = linker.instantiate(store, module(engine, "globals"));
        Instance typed = linker.instantiate(store, module(engine, "typed"));
        Func dbl = instance.func("double");
        Func callAt = instance.func("call_at");
        Func voidFunc = typed.func("void");
        Func i64x1 = typed.func("i64_1");
        Func i64x2 = typed.func("i64_2");
        Func i64x4 = typed.func("i64_4");
        Func f64x1 = typed.func("f64_1");
        Func f64x2 = typed.func("f64_2");
        Func i32x0 = typed.func("calls");
        Func i32x3 = typed.func("i32_3");
        Func host = store.newFunc(VOID, (caller, args) -> new Val[0]);
        Table table = instance.table("funcs");
        Memory memory = memInstance.memory("memory");
        Memory madeMemory = store.newMemory(1, OptionalInt.empty());
        Global global = globals.global("i32");
        Global madeGlobal = store.newGlobal(Val.i64(1), true);
        Table madeTable = store.newTable(ValType.EXTERNREF, 1, OptionalInt.empty(), new Val.ExternRef(null));
        byte[] buf = new byte[4];
        store.close();
        assertAll(
                closed("call", () -> dbl.call(Val.i32(1))),
                closed("callI32(a)", () -> dbl.callI32(1)),
                closed("callI32(a, b)", () -> callAt.callI32(0, 1)),
                closed("callI32(a, b, c)", () -> i32x3.callI32(1, 2, 3)),
                closed("callI32()", i32x0::callI32),
                closed("callVoid", voidFunc::callVoid),
                closed("callI64(a)", () -> i64x1.callI64(1)),
                closed("callI64(a, b)", () -> i64x2.callI64(1, 2)),
                closed("callI64(a, b, c, d)", () -> i64x4.callI64(1, 2, 3, 4)),
                closed("callF64(a)", () -> f64x1.callF64(1)),
                closed("callF64(a, b)", () -> f64x2.callF64(1, 2)),
                closed("host func call", () -> host.call()),
                closed("host func callVoid", host::callVoid),
                closed("memory byteSize", memory::byteSize),
                closed("memory pages", memory::pages),
                closed("memory grow", () -> memory.grow(1)),
                closed("memory read", () -> memory.read(0, buf, 0, 4)),
                closed("memory write", () -> memory.write(0, buf, 0, 4)),
                closed("memory view", memory::view),
                closed("memory read buffer", () -> memory.read(0, java.nio.ByteBuffer.allocate(4))),
                closed("memory write buffer", () -> memory.write(0, java.nio.ByteBuffer.allocate(4))),
                closed("memory read shorts", () -> memory.read(0, new short[1], 0, 1)),
                closed("memory write shorts", () -> memory.write(0, new short[1], 0, 1)),
                closed("memory read ints", () -> memory.read(0, new int[1], 0, 1)),
                closed("memory write ints", () -> memory.write(0, new int[1], 0, 1)),
                closed("memory read longs", () -> memory.read(0, new long[1], 0, 1)),
                closed("memory write longs", () -> memory.write(0, new long[1], 0, 1)),
                closed("memory read floats", () -> memory.read(0, new float[1], 0, 1)),
                closed("memory write floats", () -> memory.write(0, new float[1], 0, 1)),
                closed("memory read doubles", () -> memory.read(0, new double[1], 0, 1)),
                closed("memory write doubles", () -> memory.write(0, new double[1], 0, 1)),
                closed("memory readByte", () -> memory.readByte(0)),
                closed("memory writeByte", () -> memory.writeByte(0, (byte) 1)),
                closed("memory readShort", () -> memory.readShort(0)),
                closed("memory writeShort", () -> memory.writeShort(0, (short) 1)),
                closed("memory readInt", () -> memory.readInt(0)),
                closed("memory writeInt", () -> memory.writeInt(0, 1)),
                closed("memory readLong", () -> memory.readLong(0)),
                closed("memory writeLong", () -> memory.writeLong(0, 1)),
                closed("memory readFloat", () -> memory.readFloat(0)),
                closed("memory writeFloat", () -> memory.writeFloat(0, 1)),
                closed("memory readDouble", () -> memory.readDouble(0)),
                closed("memory writeDouble", () -> memory.writeDouble(0, 1)),
                closed("memory readString", () -> memory.readString(0, 1)),
                closed("memory readCString", () -> memory.readCString(0, 1)),
                closed("memory writeString", () -> memory.writeString(0, "a")),
                closed("memory writeCString", () -> memory.writeCString(0, "a")),
                closed("store-made memory byteSize", madeMemory::byteSize),
                closed("store-made memory view", madeMemory::view),
                closed("global get", global::get),
                closed("global set", () -> global.set(Val.i32(1))),
                closed("store-made global get", madeGlobal::get),
                closed("store-made global set", () -> madeGlobal.set(Val.i64(2))),
                closed("table size", table::size),
                closed("table get", () -> table.get(0)),
                closed("table set", () -> table.set(0, new Val.FuncRef(null))),
                closed("table grow", () -> table.grow(1, new Val.FuncRef(null))),
                closed("store-made table get", () -> madeTable.get(0)),
                closed("instance func", () -> instance.func("double")),
                closed("instance memory", () -> memInstance.memory("memory")),
                closed("instance global", () -> globals.global("i32")),
                closed("instance table", () -> instance.table("funcs")),
                closed("instance exportType", () -> instance.exportType("double")));
    }

    @ProfileTest
    void closingOneStoreLeavesTheOthers(Profile profile) {
        Engine engine = engine(profile);
        WasmModule module = module(engine, "add");
        Linker linker = linker(engine);
        Store first = engine.newStore();
        Store second = store(engine);
        Func firstAdd = linker.instantiate(first, module).func("add");
        Func secondAdd = linker.instantiate(second, module).func("add");
        first.close();
        assertThrows(ClosedException.class, () -> firstAdd.callI32(1, 2));
        assertEquals(3, secondAdd.callI32(1, 2));
    }
}
