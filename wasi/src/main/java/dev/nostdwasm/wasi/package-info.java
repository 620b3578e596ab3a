/**
 * WASI preview 1 as a capability-based host: a guest reaches only the arguments, environment,
 * streams, directories, clock and random source that {@link dev.nostdwasm.wasi.WasiConfig} hands
 * it. Start at {@link dev.nostdwasm.wasi.Wasi}; docs/WASI.md lists every function.
 */
package dev.nostdwasm.wasi;
