package dev.nostdwasm.bench;

import dev.nostdwasm.api.Architecture;
import dev.nostdwasm.api.Engine;
import dev.nostdwasm.api.EngineConfig;
import dev.nostdwasm.api.ExternType;
import dev.nostdwasm.api.Func;
import dev.nostdwasm.api.Instance;
import dev.nostdwasm.api.Linker;
import dev.nostdwasm.api.Memory;
import dev.nostdwasm.api.WasmModule;
import dev.nostdwasm.api.NoStdRuntime;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.Store;
import dev.nostdwasm.api.Val;
import dev.nostdwasm.api.ValType;
import java.util.List;
import java.util.function.IntUnaryOperator;

/** Our runtime through one provider ({@code ffm} or {@code jni}) and one profile, via the public API. */
final class NswSubject implements Subject {

    private static final ExternType.Func I32_TO_I32 = new ExternType.Func(List.of(ValType.I32), List.of(ValType.I32));

    private final Engine engine;
    private final Linker linker;
    private final WasmModule workloads;
    private final WasmModule small;
    private final WasmModule data1m;
    private final Store store;
    private final Memory memory;
    private final TypedExports typed;
    private final Func sha256Fill, sha256, sha256Digest, sha256Input, matmul, sieve, fib, sort, add, sum4, hostLoop,
            pageFill;

    NswSubject(String provider, Profile profile) {
        NoStdRuntime runtime = NoStdRuntime.load(provider);
        String target = profile == Profile.PULLEY ? "pulley64" : Architecture.current().id();
        engine = runtime.newEngine(EngineConfig.of(profile)
                .allowUnsignedArtifacts()); // the workloads this build compiled (scripts/bench.sh)
        workloads = engine.load(Workloads.artifact("workloads", profile.cliName(), target));
        small = engine.load(Workloads.artifact("small", profile.cliName(), target));
        data1m = engine.load(Workloads.artifact("data1m", profile.cliName(), target));
        linker = engine.newLinker();
        linker.define("env", "host_inc", I32_TO_I32,
                (caller, args) -> new Val[] {Val.i32(((Val.I32) args[0]).value() + 1)});
        store = engine.newStore();
        Instance instance = linker.instantiate(store, workloads);
        try (Linker typedLinker = engine.newLinker()) {
            typedLinker.define("env", "host_inc", IntUnaryOperator.class, v -> v + 1);
            typed = typedLinker.instantiate(store, workloads).bind(TypedExports.class);
        }
        memory = instance.memory("memory");
        sha256Fill = instance.func("sha256_fill");
        sha256 = instance.func("sha256");
        sha256Digest = instance.func("sha256_digest");
        sha256Input = instance.func("sha256_input");
        matmul = instance.func("matmul");
        sieve = instance.func("sieve");
        fib = instance.func("fib");
        sort = instance.func("sort");
        add = instance.func("add");
        sum4 = instance.func("sum4");
        hostLoop = instance.func("host_loop");
        pageFill = instance.func("page_fill");
    }

    /** The call measures through the typed paths: exports by Instance.bind, host_inc a typed host function. */
    TypedExports typed() {
        return typed;
    }

    @Override
    public void sha256Fill(int seed) {
        sha256Fill.call(Val.i32(seed));
    }

    @Override
    public int sha256() {
        return sha256.callI32();
    }

    @Override
    public byte[] sha256Digest() {
        byte[] digest = new byte[32];
        memory.read(sha256Digest.callI32(), digest, 0, 32);
        return digest;
    }

    @Override
    public byte[] sha256Input() {
        byte[] input = new byte[1 << 20];
        memory.read(sha256Input.callI32(), input, 0, input.length);
        return input;
    }

    @Override
    public double matmul() {
        return ((Val.F64) matmul.call()[0]).value();
    }

    @Override
    public int sieve(int n) {
        return sieve.callI32(n);
    }

    @Override
    public int fib(int n) {
        return fib.callI32(n);
    }

    @Override
    public int sort(int n, int seed) {
        return sort.callI32(n, seed);
    }

    @Override
    public int add(int a, int b) {
        return add.callI32(a, b);
    }

    @Override
    public long sum4(long a, long b, long c, long d) {
        return sum4.callI64(a, b, c, d);
    }

    @Override
    public int hostLoop(int n, int x) {
        return hostLoop.callI32(n, x);
    }

    @Override
    public int pageFill(int seed) {
        return pageFill.callI32(seed);
    }

    @Override
    public void read(int address, byte[] dst) {
        memory.read(address, dst, 0, dst.length);
    }

    @Override
    public void instantiateSmall() {
        try (Store s = engine.newStore()) {
            linker.instantiate(s, small);
        }
    }

    @Override
    public void instantiateData1m() {
        try (Store s = engine.newStore()) {
            linker.instantiate(s, data1m);
        }
    }

    @Override
    public int data1mChecksum() {
        try (Store s = engine.newStore()) {
            return linker.instantiate(s, data1m).func("checksum").callI32();
        }
    }

    @Override
    public void close() {
        store.close();
        linker.close();
        workloads.close();
        small.close();
        data1m.close();
        engine.close();
    }
}
