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
 *
 * <h2>Exceptions</h2>
 *
 * What goes wrong with WebAssembly, artifacts and providers is a {@link
 * dev.nostdwasm.api.WasmException}, whose subclasses say what:
 * <ul>
 *   <li>{@link dev.nostdwasm.api.WasmTrapException}: wasm trapped (with a {@link
 *       dev.nostdwasm.api.TrapCode}; a host function's exception is its cause), and {@link
 *       dev.nostdwasm.api.UncaughtWasmException}: wasm threw an exception nothing caught
 *       (its tag's type and payload values come with it);
 *   <li>{@link dev.nostdwasm.api.ExportNotFoundException}: an {@link dev.nostdwasm.api.Instance}
 *       or {@link dev.nostdwasm.api.Caller} has no export of the name and kind asked for;
 *   <li>{@link dev.nostdwasm.api.MemoryAccessException}: bytes outside a memory, or a C string
 *       without its NUL, read or written from Java;
 *   <li>{@link dev.nostdwasm.api.ImmutableGlobalException}: setting a global declared without
 *       {@code mut};
 *   <li>{@link dev.nostdwasm.api.LinkException}: an import that cannot be resolved, a name defined
 *       twice; {@link dev.nostdwasm.api.ResourceLimitException}: a {@link
 *       dev.nostdwasm.api.StoreLimits store limit}; {@link dev.nostdwasm.api.ClosedException}: an
 *       object used after it or its store was closed; {@link dev.nostdwasm.api.ArtifactException}
 *       and its subclasses: an artifact that cannot be loaded.
 * </ul>
 * Arguments that are wrong whatever wasm does are the JDK's exceptions, as Java libraries throw
 * them: {@link java.lang.NullPointerException} for null, {@link
 * java.lang.IllegalArgumentException} for a value out of range, and its subclass {@link
 * dev.nostdwasm.api.TypeMismatchException} for values whose WebAssembly types do not match
 * ({@link dev.nostdwasm.api.Func#call(dev.nostdwasm.api.Val...)}'s arguments, {@link
 * dev.nostdwasm.api.Global#set}, {@link dev.nostdwasm.api.Table#set}); {@link
 * java.lang.IllegalStateException} for a store used from a second thread at once, or a {@link
 * dev.nostdwasm.api.Caller} used outside its call. Every message names the problem and what to do.
 */
package dev.nostdwasm.api;
