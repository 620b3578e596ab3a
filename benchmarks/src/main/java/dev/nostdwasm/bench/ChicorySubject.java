package dev.nostdwasm.bench;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.List;
import java.util.function.Function;

/**
 * Chicory on the same .wasm: its interpreter, or its compiler to JVM bytecode (compiled once per
 * module at setup, as an application would, then reused by every instance).
 */
final class ChicorySubject implements Subject {

    private final WasmModule small;
    private final WasmModule data1m;
    private final Function<Instance, Machine> smallMachine;
    private final Function<Instance, Machine> data1mMachine;
    private final Memory memory;
    private final ExportFunction sha256Fill, sha256, sha256Digest, sha256Input, matmul, sieve, fib, sort, add, sum4,
            hostLoop, pageFill;

    ChicorySubject(boolean compiled) {
        WasmModule workloads = Parser.parse(Workloads.wasm("workloads"));
        small = Parser.parse(Workloads.wasm("small"));
        data1m = Parser.parse(Workloads.wasm("data1m"));
        Function<Instance, Machine> workloadsMachine = compiled ? MachineFactoryCompiler.compile(workloads) : null;
        smallMachine = compiled ? MachineFactoryCompiler.compile(small) : null;
        data1mMachine = compiled ? MachineFactoryCompiler.compile(data1m) : null;
        HostFunction hostInc = new HostFunction("env", "host_inc",
                FunctionType.of(List.of(ValType.I32), List.of(ValType.I32)),
                (instance, args) -> new long[] {(int) args[0] + 1});
        Instance instance = builder(workloads, workloadsMachine)
                .withImportValues(ImportValues.builder().addFunction(hostInc).build())
                .build();
        memory = instance.memory();
        sha256Fill = instance.export("sha256_fill");
        sha256 = instance.export("sha256");
        sha256Digest = instance.export("sha256_digest");
        sha256Input = instance.export("sha256_input");
        matmul = instance.export("matmul");
        sieve = instance.export("sieve");
        fib = instance.export("fib");
        sort = instance.export("sort");
        add = instance.export("add");
        sum4 = instance.export("sum4");
        hostLoop = instance.export("host_loop");
        pageFill = instance.export("page_fill");
    }

    private static Instance.Builder builder(WasmModule module, Function<Instance, Machine> machine) {
        Instance.Builder b = Instance.builder(module);
        return machine == null ? b : b.withMachineFactory(machine);
    }

    @Override
    public void sha256Fill(int seed) {
        sha256Fill.apply(seed);
    }

    @Override
    public int sha256() {
        return (int) sha256.apply()[0];
    }

    @Override
    public byte[] sha256Digest() {
        return memory.readBytes((int) sha256Digest.apply()[0], 32);
    }

    @Override
    public byte[] sha256Input() {
        return memory.readBytes((int) sha256Input.apply()[0], 1 << 20);
    }

    @Override
    public double matmul() {
        return Double.longBitsToDouble(matmul.apply()[0]);
    }

    @Override
    public int sieve(int n) {
        return (int) sieve.apply(n)[0];
    }

    @Override
    public int fib(int n) {
        return (int) fib.apply(n)[0];
    }

    @Override
    public int sort(int n, int seed) {
        return (int) sort.apply(n, seed)[0];
    }

    @Override
    public int add(int a, int b) {
        return (int) add.apply(a, b)[0];
    }

    @Override
    public long sum4(long a, long b, long c, long d) {
        return sum4.apply(a, b, c, d)[0];
    }

    @Override
    public int hostLoop(int n, int x) {
        return (int) hostLoop.apply(n, x)[0];
    }

    @Override
    public int pageFill(int seed) {
        return (int) pageFill.apply(seed)[0];
    }

    @Override
    public void read(int address, byte[] dst) {
        // Chicory's Memory has no read-into-array: readBytes allocates, as any Chicory user pays.
        System.arraycopy(memory.readBytes(address, dst.length), 0, dst, 0, dst.length);
    }

    @Override
    public void instantiateSmall() {
        builder(small, smallMachine).build();
    }

    @Override
    public void instantiateData1m() {
        builder(data1m, data1mMachine).build();
    }

    @Override
    public int data1mChecksum() {
        return (int) builder(data1m, data1mMachine).build().export("checksum").apply()[0];
    }

    @Override
    public void close() {
        // Everything is on the Java heap.
    }
}
