package dev.nostdwasm.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The limit for call overhead: FFM straight to the empty C functions of {@code bare.c}, with no
 * wasm and no runtime in between. A downcall for the Java -> wasm calls, an upcall stub called
 * from a C loop for the host-call round trip, a copy out of a native 4 KiB buffer for the read.
 * Compute and instantiation have no bare counterpart.
 */
final class BareFfmSubject implements Subject {

    private static final Linker LINKER = Linker.nativeLinker();
    private static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT;
    private static final ValueLayout.OfLong I64 = ValueLayout.JAVA_LONG;

    private final Arena arena = Arena.ofShared();
    private final MethodHandle add;
    private final MethodHandle sum4;
    private final MethodHandle upcallLoop;
    private final MemorySegment incStub;
    private final MemorySegment page;

    BareFfmSubject() {
        SymbolLookup lib = SymbolLookup.libraryLookup(Workloads.bareLibrary(), arena);
        add = LINKER.downcallHandle(lib.find("bare_add").orElseThrow(), FunctionDescriptor.of(I32, I32, I32));
        sum4 = LINKER.downcallHandle(lib.find("bare_sum4").orElseThrow(), FunctionDescriptor.of(I64, I64, I64, I64, I64));
        upcallLoop = LINKER.downcallHandle(lib.find("bare_upcall_loop").orElseThrow(),
                FunctionDescriptor.of(I32, ValueLayout.ADDRESS, I32, I32));
        try {
            MethodHandle inc = MethodHandles.lookup().findStatic(BareFfmSubject.class, "inc",
                    MethodType.methodType(int.class, int.class));
            incStub = LINKER.upcallStub(inc, FunctionDescriptor.of(I32, I32), arena);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        page = arena.allocate(Workloads.PAGE_BYTES);
    }

    private static int inc(int x) {
        return x + 1;
    }

    @Override
    public int add(int a, int b) {
        try {
            return (int) add.invokeExact(a, b);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public long sum4(long a, long b, long c, long d) {
        try {
            return (long) sum4.invokeExact(a, b, c, d);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public int hostLoop(int n, int x) {
        try {
            return (int) upcallLoop.invokeExact(incStub, n, x);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public int pageFill(int seed) {
        for (int i = 0; i < Workloads.PAGE_BYTES; i++) {
            page.set(ValueLayout.JAVA_BYTE, i, (byte) (seed + i * 13));
        }
        return 0;
    }

    @Override
    public void read(int address, byte[] dst) {
        MemorySegment.copy(page, ValueLayout.JAVA_BYTE, address, dst, 0, dst.length);
    }

    private static UnsupportedOperationException none() {
        return new UnsupportedOperationException("the bare FFM baseline runs only the call and memory measures");
    }

    @Override
    public void sha256Fill(int seed) {
        throw none();
    }

    @Override
    public int sha256() {
        throw none();
    }

    @Override
    public byte[] sha256Digest() {
        throw none();
    }

    @Override
    public byte[] sha256Input() {
        throw none();
    }

    @Override
    public double matmul() {
        throw none();
    }

    @Override
    public int sieve(int n) {
        throw none();
    }

    @Override
    public int fib(int n) {
        throw none();
    }

    @Override
    public int sort(int n, int seed) {
        throw none();
    }

    @Override
    public void instantiateSmall() {
        throw none();
    }

    @Override
    public void instantiateData1m() {
        throw none();
    }

    @Override
    public int data1mChecksum() {
        throw none();
    }

    @Override
    public void close() {
        arena.close();
    }
}
