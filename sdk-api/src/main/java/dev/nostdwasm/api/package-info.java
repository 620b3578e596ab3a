/**
 * WebAssembly in the JVM through a no_std build of Wasmtime.
 *
 * <p>Start with {@link dev.nostdwasm.api.NoStdRuntime#load()}, which picks a provider (FFM or
 * JNI) found with {@link java.util.ServiceLoader}. From the runtime come {@link
 * dev.nostdwasm.api.Engine engines}, configured by a {@link dev.nostdwasm.api.Profile profile};
 * engines load precompiled artifacts as {@link dev.nostdwasm.api.WasmModule modules}.
 *
 * <p>Thread rules: a runtime, its engines and modules may be shared across threads; a {@link
 * dev.nostdwasm.api.Store} and everything made in it is used by one thread at a time.
 */
package dev.nostdwasm.api;
