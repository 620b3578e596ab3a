package dev.nostdwasm.bench;

import dev.nostdwasm.api.WasmExport;

/** workloads.c's call measures as {@code Instance.bind} implements them: the typed path. */
public interface TypedExports {

    int add(int a, int b);

    long sum4(long a, long b, long c, long d);

    /** Calls {@code env.host_inc} n times; bound to an instance whose host_inc is a typed host function. */
    @WasmExport("host_loop")
    int hostLoop(int n, int x);
}
