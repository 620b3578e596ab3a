package dev.nostdwasm.ffm.bindings;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.List;
import java.util.Objects;

/**
 * Bindings for {@code rust-nostd/include/nsw.h}, in the shape jextract gives a header class
 * ({@code jextract --target-package dev.nostdwasm.ffm.bindings --header-class-name nsw_h};
 * see {@code sdk-ffm/scripts/regen-bindings.sh}). Written by hand because jextract is not
 * available here; {@code HeaderDriftTest} fails when this class and the header disagree.
 *
 * <p>Unlike jextract's output, the symbols do not come from a lookup fixed at class
 * initialisation: the provider loads the platform shim ({@code RTLD_GLOBAL}) and the embedding,
 * then calls {@link #bind(SymbolLookup)} once. Every function has a nested holder class whose
 * {@code DESC} is its {@link FunctionDescriptor} and whose inner {@code Bound} class resolves
 * the symbol and makes the downcall handle on first use; {@code name$descriptor()} reads the
 * descriptor without resolving anything.
 *
 * <p>Mapping: pointers are {@link ValueLayout#ADDRESS} ({@link MemorySegment}, zero length:
 * reinterpret before reading), {@code uint32_t}/{@code int32_t} are {@code int},
 * {@code size_t}/{@code uint64_t}/{@code int64_t} are {@code long} (LP64 targets only:
 * linux x86_64 and aarch64), {@code uint8_t} is {@code byte}, {@code bool} is
 * {@link ValueLayout#JAVA_BOOLEAN}. Unsigned values arrive as their two's-complement bit
 * patterns. No function is linked with {@link Linker.Option#critical} (yet).
 */
@SuppressWarnings("unused")
public final class nsw_h {

    private nsw_h() {
    }

    // ---------------------------------------------------------------- C layouts

    public static final ValueLayout.OfBoolean C_BOOL = ValueLayout.JAVA_BOOLEAN;
    public static final ValueLayout.OfByte C_CHAR = ValueLayout.JAVA_BYTE;
    public static final ValueLayout.OfShort C_SHORT = ValueLayout.JAVA_SHORT;
    public static final ValueLayout.OfInt C_INT = ValueLayout.JAVA_INT;
    /** C {@code long}: 64 bits on the LP64 targets this SDK supports. */
    public static final ValueLayout.OfLong C_LONG = ValueLayout.JAVA_LONG;
    public static final ValueLayout.OfLong C_LONG_LONG = ValueLayout.JAVA_LONG;
    public static final ValueLayout.OfFloat C_FLOAT = ValueLayout.JAVA_FLOAT;
    public static final ValueLayout.OfDouble C_DOUBLE = ValueLayout.JAVA_DOUBLE;
    public static final AddressLayout C_POINTER = ValueLayout.ADDRESS;

    // Typedefs the header uses (jextract emits one constant per typedef of a scalar).
    public static final ValueLayout.OfByte uint8_t = C_CHAR;
    public static final ValueLayout.OfInt int32_t = C_INT;
    public static final ValueLayout.OfInt uint32_t = C_INT;
    public static final ValueLayout.OfLong int64_t = C_LONG;
    public static final ValueLayout.OfLong uint64_t = C_LONG;
    public static final ValueLayout.OfLong size_t = C_LONG;
    /** {@code typedef uint32_t nsw_error_kind_t} (before C23). */
    public static final ValueLayout.OfInt nsw_error_kind_t = C_INT;

    // Function-pointer typedefs are their own classes: nsw_host_callback_t, nsw_finalizer_t.

    // ---------------------------------------------------------------- #define constants

    /** Profile numbers of the C ABI (the same numbers artifacts record). */
    public static final int NSW_PROFILE_NATIVE = 0;
    public static final int NSW_PROFILE_NATIVE_SIGNALS = 1;
    public static final int NSW_PROFILE_PULLEY = 2;

    /**
     * {@code (UINT64_MAX / 4)}: deadlines beyond this many ticks are refused (Wasmtime adds the
     * ticks to the current epoch, which must not overflow). Positive as a Java {@code long}.
     */
    public static final long NSW_MAX_EPOCH_TICKS = 0x3FFF_FFFF_FFFF_FFFFL;

    /**
     * {@code UINT64_MAX}: the host id of an externref wasm made from one of its own references
     * ({@code extern.convert_any}); it holds no host value.
     */
    public static final long NSW_HOST_ID_NONE = -1L;

    public static final int NSW_VAL_I32 = 0;
    public static final int NSW_VAL_I64 = 1;
    public static final int NSW_VAL_F32 = 2;
    public static final int NSW_VAL_F64 = 3;
    public static final int NSW_VAL_V128 = 4;
    /** {@code (ref null func)}. */
    public static final int NSW_VAL_FUNCREF = 5;
    /** {@code (ref null extern)}. */
    public static final int NSW_VAL_EXTERNREF = 6;
    /**
     * Any other reference type (typed function references, GC types, exnref): described, but
     * values of it cannot cross the C ABI yet.
     */
    public static final int NSW_VAL_OTHER_REF = 7;

    public static final int NSW_EXTERN_FUNC = 0;
    public static final int NSW_EXTERN_GLOBAL = 1;
    public static final int NSW_EXTERN_MEMORY = 2;
    public static final int NSW_EXTERN_TABLE = 3;
    public static final int NSW_EXTERN_TAG = 4;

    /** Bumped whenever a function signature or struct layout of {@code nsw.h} changes. */
    public static final int NSW_ABI_VERSION = 5;

    // ---------------------------------------------------------------- enum nsw_error_kind_t

    /** A NULL or wrong-kind handle, an unknown enum value, a bad length. */
    public static final int NSW_ERROR_INVALID_ARGUMENT = 1;
    /** The bytes are not an artifact, or it was damaged (digest, truncation). */
    public static final int NSW_ERROR_ARTIFACT_CORRUPT = 2;
    /** A valid artifact built for another Wasmtime version, target, profile or switches. */
    public static final int NSW_ERROR_ARTIFACT_MISMATCH = 3;
    /** Instantiation failed to resolve or type-check an import. */
    public static final int NSW_ERROR_LINK = 4;
    /** WebAssembly trapped; {@code nsw_error_trap_code} gives the code. */
    public static final int NSW_ERROR_TRAP = 5;
    /** A host function returned an error (the embedder's own failure). */
    public static final int NSW_ERROR_HOST = 6;
    /** A store limit (memory, table, instance count) was exceeded. */
    public static final int NSW_ERROR_RESOURCE_LIMIT = 7;
    /** The engine or platform cannot do what was asked (e.g. unsupported host CPU). */
    public static final int NSW_ERROR_UNSUPPORTED = 8;
    /** Any other error reported by Wasmtime. */
    public static final int NSW_ERROR_RUNTIME = 9;
    /** WebAssembly threw an exception that nothing caught; the store's pending exception was discarded. */
    public static final int NSW_ERROR_EXCEPTION = 10;

    // ---------------------------------------------------------------- binding

    static final Linker LINKER = Linker.nativeLinker();

    /** Set once by {@link #bind}; never reset (resolved handles would keep the old library). */
    private static volatile SymbolLookup lookup;

    /**
     * Installs the lookup every function resolves its symbol from, typically
     * {@code SymbolLookup.libraryLookup(embeddingPath, Arena.global())} after the platform shim
     * was loaded {@code RTLD_GLOBAL}. Call it once; calling it again with the same lookup does
     * nothing, with another one throws.
     *
     * @throws IllegalStateException when a different lookup is already bound
     */
    public static synchronized void bind(SymbolLookup symbols) {
        Objects.requireNonNull(symbols, "symbols");
        SymbolLookup current = lookup;
        if (current == symbols) {
            return;
        }
        if (current != null) {
            throw new IllegalStateException(
                    "nsw_h is already bound to another library: bind(SymbolLookup) may be called once per class loader");
        }
        lookup = symbols;
    }

    /** Whether {@link #bind} has been called. */
    public static boolean isBound() {
        return lookup != null;
    }

    private static void requireBound(String name) {
        if (lookup == null) {
            throw new IllegalStateException("nsw_h." + name
                    + " called before nsw_h.bind(SymbolLookup): load the native library (platform shim, then"
                    + " libnsw_embedding) and bind its SymbolLookup first");
        }
    }

    /** Resolves {@code name} from the bound lookup (only called once {@link #requireBound} passed). */
    private static MemorySegment findOrThrow(String name) {
        return findOrThrow(lookup, name);
    }

    /** Resolves {@code name} from {@code symbols}, or says which symbol the library lacks. */
    static MemorySegment findOrThrow(SymbolLookup symbols, String name) {
        return symbols.find(name).orElseThrow(() -> new UnsatisfiedLinkError(
                "unresolved symbol: " + name + " (the native library does not match nsw.h of NSW_ABI_VERSION "
                        + NSW_ABI_VERSION + ")"));
    }

    /** Finds {@code name} on {@code type} for an upcall, as jextract's {@code upcallHandle}. */
    static MethodHandle upcallHandle(Class<?> type, String name, FunctionDescriptor desc) {
        try {
            return MethodHandles.lookup().findVirtual(type, name, desc.toMethodType());
        } catch (ReflectiveOperationException ex) {
            throw new AssertionError(ex);
        }
    }

    // ---------------------------------------------------------------- functions, in header order

    private static final class nsw_engine_new {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(
                C_POINTER, uint32_t, C_BOOL, C_BOOL, size_t, C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_engine_new");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_engine_new} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_engine_new$descriptor() {
        return nsw_engine_new.DESC;
    }

    /** The downcall handle of {@code nsw_engine_new}, resolved on first use. */
    public static MethodHandle nsw_engine_new$handle() {
        requireBound("nsw_engine_new");
        return nsw_engine_new.Bound.HANDLE;
    }

    /** The address of {@code nsw_engine_new} in the bound library. */
    public static MemorySegment nsw_engine_new$address() {
        requireBound("nsw_engine_new");
        return nsw_engine_new.Bound.ADDR;
    }

    /**
     * Creates an engine for {@code profile} (NSW_PROFILE_*) on this host. {@code fuel} and
     * {@code epoch} must match the switches the artifacts were compiled with.
     * {@code max_wasm_stack} is the wasm stack limit in bytes (0: Wasmtime's default).
     *
     * {@snippet lang=c :
     * struct nsw_error_t *nsw_engine_new(uint32_t profile,
     *                                    bool fuel,
     *                                    bool epoch,
     *                                    size_t max_wasm_stack,
     *                                    struct nsw_engine_t **out);
     * }
     */
    public static MemorySegment nsw_engine_new(
            int profile,
            boolean fuel,
            boolean epoch,
            long max_wasm_stack,
            MemorySegment out) {
        var mh$ = nsw_engine_new$handle();
        try {
            return (MemorySegment) mh$.invokeExact(profile, fuel, epoch, max_wasm_stack, out);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_engine_delete {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_engine_delete");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_engine_delete} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_engine_delete$descriptor() {
        return nsw_engine_delete.DESC;
    }

    /** The downcall handle of {@code nsw_engine_delete}, resolved on first use. */
    public static MethodHandle nsw_engine_delete$handle() {
        requireBound("nsw_engine_delete");
        return nsw_engine_delete.Bound.HANDLE;
    }

    /** The address of {@code nsw_engine_delete} in the bound library. */
    public static MemorySegment nsw_engine_delete$address() {
        requireBound("nsw_engine_delete");
        return nsw_engine_delete.Bound.ADDR;
    }

    /**
     * Frees an engine. Modules and stores made from it keep it alive internally.
     *
     * {@snippet lang=c :
     * void nsw_engine_delete(struct nsw_engine_t *engine);
     * }
     */
    public static void nsw_engine_delete(MemorySegment engine) {
        var mh$ = nsw_engine_delete$handle();
        try {
            mh$.invokeExact(engine);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_engine_increment_epoch {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_engine_increment_epoch");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_engine_increment_epoch} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_engine_increment_epoch$descriptor() {
        return nsw_engine_increment_epoch.DESC;
    }

    /** The downcall handle of {@code nsw_engine_increment_epoch}, resolved on first use. */
    public static MethodHandle nsw_engine_increment_epoch$handle() {
        requireBound("nsw_engine_increment_epoch");
        return nsw_engine_increment_epoch.Bound.HANDLE;
    }

    /** The address of {@code nsw_engine_increment_epoch} in the bound library. */
    public static MemorySegment nsw_engine_increment_epoch$address() {
        requireBound("nsw_engine_increment_epoch");
        return nsw_engine_increment_epoch.Bound.ADDR;
    }

    /**
     * Advances the engine's epoch by one: stores past their deadline trap with
     * {@code Interrupt}. Safe to call from any thread. Ignores invalid handles.
     *
     * {@snippet lang=c :
     * void nsw_engine_increment_epoch(const struct nsw_engine_t *engine);
     * }
     */
    public static void nsw_engine_increment_epoch(MemorySegment engine) {
        var mh$ = nsw_engine_increment_epoch$handle();
        try {
            mh$.invokeExact(engine);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_engine_settings {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(
                C_POINTER, C_POINTER, C_POINTER, C_POINTER, C_POINTER, C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_engine_settings");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_engine_settings} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_engine_settings$descriptor() {
        return nsw_engine_settings.DESC;
    }

    /** The downcall handle of {@code nsw_engine_settings}, resolved on first use. */
    public static MethodHandle nsw_engine_settings$handle() {
        requireBound("nsw_engine_settings");
        return nsw_engine_settings.Bound.HANDLE;
    }

    /** The address of {@code nsw_engine_settings} in the bound library. */
    public static MemorySegment nsw_engine_settings$address() {
        requireBound("nsw_engine_settings");
        return nsw_engine_settings.Bound.ADDR;
    }

    /**
     * Writes the engine's profile, target (0 x86_64, 1 aarch64, 2 pulley64),
     * fuel and epoch switches.
     *
     * {@snippet lang=c :
     * struct nsw_error_t *nsw_engine_settings(const struct nsw_engine_t *engine,
     *                                         uint32_t *out_profile,
     *                                         uint32_t *out_target,
     *                                         bool *out_fuel,
     *                                         bool *out_epoch);
     * }
     */
    public static MemorySegment nsw_engine_settings(
            MemorySegment engine,
            MemorySegment out_profile,
            MemorySegment out_target,
            MemorySegment out_fuel,
            MemorySegment out_epoch) {
        var mh$ = nsw_engine_settings$handle();
        try {
            return (MemorySegment) mh$.invokeExact(engine, out_profile, out_target, out_fuel, out_epoch);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_error_new {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_POINTER, C_POINTER, size_t);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_error_new");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_error_new} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_error_new$descriptor() {
        return nsw_error_new.DESC;
    }

    /** The downcall handle of {@code nsw_error_new}, resolved on first use. */
    public static MethodHandle nsw_error_new$handle() {
        requireBound("nsw_error_new");
        return nsw_error_new.Bound.HANDLE;
    }

    /** The address of {@code nsw_error_new} in the bound library. */
    public static MemorySegment nsw_error_new$address() {
        requireBound("nsw_error_new");
        return nsw_error_new.Bound.ADDR;
    }

    /**
     * Creates an error with the given message, for host callbacks to return.
     * {@code message} need not be NUL-terminated; invalid UTF-8 is replaced.
     *
     * {@snippet lang=c :
     * struct nsw_error_t *nsw_error_new(const uint8_t *message, size_t message_len);
     * }
     */
    public static MemorySegment nsw_error_new(MemorySegment message, long message_len) {
        var mh$ = nsw_error_new$handle();
        try {
            return (MemorySegment) mh$.invokeExact(message, message_len);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_error_delete {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_error_delete");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_error_delete} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_error_delete$descriptor() {
        return nsw_error_delete.DESC;
    }

    /** The downcall handle of {@code nsw_error_delete}, resolved on first use. */
    public static MethodHandle nsw_error_delete$handle() {
        requireBound("nsw_error_delete");
        return nsw_error_delete.Bound.HANDLE;
    }

    /** The address of {@code nsw_error_delete} in the bound library. */
    public static MemorySegment nsw_error_delete$address() {
        requireBound("nsw_error_delete");
        return nsw_error_delete.Bound.ADDR;
    }

    /**
     * Frees an error. NULL is ignored.
     *
     * {@snippet lang=c :
     * void nsw_error_delete(struct nsw_error_t *error);
     * }
     */
    public static void nsw_error_delete(MemorySegment error) {
        var mh$ = nsw_error_delete$handle();
        try {
            mh$.invokeExact(error);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_error_kind {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(uint32_t, C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_error_kind");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_error_kind} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_error_kind$descriptor() {
        return nsw_error_kind.DESC;
    }

    /** The downcall handle of {@code nsw_error_kind}, resolved on first use. */
    public static MethodHandle nsw_error_kind$handle() {
        requireBound("nsw_error_kind");
        return nsw_error_kind.Bound.HANDLE;
    }

    /** The address of {@code nsw_error_kind} in the bound library. */
    public static MemorySegment nsw_error_kind$address() {
        requireBound("nsw_error_kind");
        return nsw_error_kind.Bound.ADDR;
    }

    /**
     * The error's kind; 0 for NULL.
     *
     * {@snippet lang=c :
     * uint32_t nsw_error_kind(const struct nsw_error_t *error);
     * }
     */
    public static int nsw_error_kind(MemorySegment error) {
        var mh$ = nsw_error_kind$handle();
        try {
            return (int) mh$.invokeExact(error);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_error_message {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(C_POINTER, C_POINTER, C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_error_message");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_error_message} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_error_message$descriptor() {
        return nsw_error_message.DESC;
    }

    /** The downcall handle of {@code nsw_error_message}, resolved on first use. */
    public static MethodHandle nsw_error_message$handle() {
        requireBound("nsw_error_message");
        return nsw_error_message.Bound.HANDLE;
    }

    /** The address of {@code nsw_error_message} in the bound library. */
    public static MemorySegment nsw_error_message$address() {
        requireBound("nsw_error_message");
        return nsw_error_message.Bound.ADDR;
    }

    /**
     * The UTF-8 message (not NUL-terminated), valid until the error is deleted.
     *
     * {@snippet lang=c :
     * void nsw_error_message(const struct nsw_error_t *error, const uint8_t **out_ptr, size_t *out_len);
     * }
     */
    public static void nsw_error_message(MemorySegment error, MemorySegment out_ptr, MemorySegment out_len) {
        var mh$ = nsw_error_message$handle();
        try {
            mh$.invokeExact(error, out_ptr, out_len);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_error_trap_code {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_BOOL, C_POINTER, C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_error_trap_code");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_error_trap_code} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_error_trap_code$descriptor() {
        return nsw_error_trap_code.DESC;
    }

    /** The downcall handle of {@code nsw_error_trap_code}, resolved on first use. */
    public static MethodHandle nsw_error_trap_code$handle() {
        requireBound("nsw_error_trap_code");
        return nsw_error_trap_code.Bound.HANDLE;
    }

    /** The address of {@code nsw_error_trap_code} in the bound library. */
    public static MemorySegment nsw_error_trap_code$address() {
        requireBound("nsw_error_trap_code");
        return nsw_error_trap_code.Bound.ADDR;
    }

    /**
     * Writes the Wasmtime trap code (stable numbers: StackOverflow = 0,
     * MemoryOutOfBounds = 1, ..., Interrupt = 10, OutOfFuel = 11) and returns
     * true when the error is a trap; false otherwise.
     *
     * {@snippet lang=c :
     * bool nsw_error_trap_code(const struct nsw_error_t *error, uint32_t *out_code);
     * }
     */
    public static boolean nsw_error_trap_code(MemorySegment error, MemorySegment out_code) {
        var mh$ = nsw_error_trap_code$handle();
        try {
            return (boolean) mh$.invokeExact(error, out_code);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_error_frame_count {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(size_t, C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_error_frame_count");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_error_frame_count} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_error_frame_count$descriptor() {
        return nsw_error_frame_count.DESC;
    }

    /** The downcall handle of {@code nsw_error_frame_count}, resolved on first use. */
    public static MethodHandle nsw_error_frame_count$handle() {
        requireBound("nsw_error_frame_count");
        return nsw_error_frame_count.Bound.HANDLE;
    }

    /** The address of {@code nsw_error_frame_count} in the bound library. */
    public static MemorySegment nsw_error_frame_count$address() {
        requireBound("nsw_error_frame_count");
        return nsw_error_frame_count.Bound.ADDR;
    }

    /**
     * How many wasm frames the error carries (innermost first); 0 for NULL or
     * when Wasmtime attached no backtrace (errors not raised by running wasm).
     *
     * {@snippet lang=c :
     * size_t nsw_error_frame_count(const struct nsw_error_t *error);
     * }
     */
    public static long nsw_error_frame_count(MemorySegment error) {
        var mh$ = nsw_error_frame_count$handle();
        try {
            return (long) mh$.invokeExact(error);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_error_frame {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(
                C_BOOL, C_POINTER, size_t, C_POINTER, C_POINTER, C_POINTER, C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_error_frame");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_error_frame} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_error_frame$descriptor() {
        return nsw_error_frame.DESC;
    }

    /** The downcall handle of {@code nsw_error_frame}, resolved on first use. */
    public static MethodHandle nsw_error_frame$handle() {
        requireBound("nsw_error_frame");
        return nsw_error_frame.Bound.HANDLE;
    }

    /** The address of {@code nsw_error_frame} in the bound library. */
    public static MemorySegment nsw_error_frame$address() {
        requireBound("nsw_error_frame");
        return nsw_error_frame.Bound.ADDR;
    }

    /**
     * Reads frame `index` (0 = innermost, where it trapped) and returns true;
     * false, writing nothing, for a NULL error or an index out of range.
     * `out_func_index` gets the function index in the module's index space
     * (imports first); `out_name`/`out_name_len` the function's name from the
     * name section (UTF-8, not NUL-terminated, valid until the error is deleted),
     * or NULL/0 when it has none; `out_offset` the offset of the instruction
     * from the start of the module's bytes, or `UINT64_MAX` when unknown.
     * Any out-pointer may be NULL.
     *
     * {@snippet lang=c :
     * bool nsw_error_frame(const struct nsw_error_t *error,
     *                      size_t index,
     *                      uint32_t *out_func_index,
     *                      const uint8_t **out_name,
     *                      size_t *out_name_len,
     *                      uint64_t *out_offset);
     * }
     */
    public static boolean nsw_error_frame(
            MemorySegment error,
            long index,
            MemorySegment out_func_index,
            MemorySegment out_name,
            MemorySegment out_name_len,
            MemorySegment out_offset) {
        var mh$ = nsw_error_frame$handle();
        try {
            return (boolean) mh$.invokeExact(error, index, out_func_index, out_name, out_name_len, out_offset);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_extern_delete {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_extern_delete");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_extern_delete} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_extern_delete$descriptor() {
        return nsw_extern_delete.DESC;
    }

    /** The downcall handle of {@code nsw_extern_delete}, resolved on first use. */
    public static MethodHandle nsw_extern_delete$handle() {
        requireBound("nsw_extern_delete");
        return nsw_extern_delete.Bound.HANDLE;
    }

    /** The address of {@code nsw_extern_delete} in the bound library. */
    public static MemorySegment nsw_extern_delete$address() {
        requireBound("nsw_extern_delete");
        return nsw_extern_delete.Bound.ADDR;
    }

    /**
     * {@snippet lang=c :
     * void nsw_extern_delete(struct nsw_extern_t *ext);
     * }
     */
    public static void nsw_extern_delete(MemorySegment ext) {
        var mh$ = nsw_extern_delete$handle();
        try {
            mh$.invokeExact(ext);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_extern_type {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_POINTER, C_POINTER, C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_extern_type");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_extern_type} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_extern_type$descriptor() {
        return nsw_extern_type.DESC;
    }

    /** The downcall handle of {@code nsw_extern_type}, resolved on first use. */
    public static MethodHandle nsw_extern_type$handle() {
        requireBound("nsw_extern_type");
        return nsw_extern_type.Bound.HANDLE;
    }

    /** The address of {@code nsw_extern_type} in the bound library. */
    public static MemorySegment nsw_extern_type$address() {
        requireBound("nsw_extern_type");
        return nsw_extern_type.Bound.ADDR;
    }

    /**
     * The extern's type (arrays borrowed from the handle).
     *
     * {@snippet lang=c :
     * struct nsw_error_t *nsw_extern_type(const struct nsw_extern_t *ext,
     *                                     struct nsw_extern_type_t *out_type);
     * }
     */
    public static MemorySegment nsw_extern_type(MemorySegment ext, MemorySegment out_type) {
        var mh$ = nsw_extern_type$handle();
        try {
            return (MemorySegment) mh$.invokeExact(ext, out_type);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_func_call {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(
                C_POINTER, C_POINTER, C_POINTER, C_POINTER, size_t);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_func_call");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_func_call} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_func_call$descriptor() {
        return nsw_func_call.DESC;
    }

    /** The downcall handle of {@code nsw_func_call}, resolved on first use. */
    public static MethodHandle nsw_func_call$handle() {
        requireBound("nsw_func_call");
        return nsw_func_call.Bound.HANDLE;
    }

    /** The address of {@code nsw_func_call} in the bound library. */
    public static MemorySegment nsw_func_call$address() {
        requireBound("nsw_func_call");
        return nsw_func_call.Bound.ADDR;
    }

    /**
     * Calls a function. {@code slots} holds the parameters on entry and the results
     * on return; {@code slots_len} must be at least max(params, results).
     *
     * <p>Runs wasm, which may take long and call host functions back (upcalls):
     * never link this one with {@link java.lang.foreign.Linker.Option#critical}.
     *
     * {@snippet lang=c :
     * struct nsw_error_t *nsw_func_call(struct nsw_context_t *ctx,
     *                                   const struct nsw_extern_t *func,
     *                                   union nsw_val_raw_t *slots,
     *                                   size_t slots_len);
     * }
     */
    public static MemorySegment nsw_func_call(
            MemorySegment ctx,
            MemorySegment func,
            MemorySegment slots,
            long slots_len) {
        var mh$ = nsw_func_call$handle();
        try {
            return (MemorySegment) mh$.invokeExact(ctx, func, slots, slots_len);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_memory_data {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(
                C_POINTER, C_POINTER, C_POINTER, C_POINTER, C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_memory_data");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_memory_data} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_memory_data$descriptor() {
        return nsw_memory_data.DESC;
    }

    /** The downcall handle of {@code nsw_memory_data}, resolved on first use. */
    public static MethodHandle nsw_memory_data$handle() {
        requireBound("nsw_memory_data");
        return nsw_memory_data.Bound.HANDLE;
    }

    /** The address of {@code nsw_memory_data} in the bound library. */
    public static MemorySegment nsw_memory_data$address() {
        requireBound("nsw_memory_data");
        return nsw_memory_data.Bound.ADDR;
    }

    /**
     * The memory's current base address and size in bytes. The address changes
     * when the memory grows: read it again after any call into wasm.
     *
     * {@snippet lang=c :
     * struct nsw_error_t *nsw_memory_data(struct nsw_context_t *ctx,
     *                                     const struct nsw_extern_t *memory,
     *                                     uint8_t **out_base,
     *                                     size_t *out_size);
     * }
     */
    public static MemorySegment nsw_memory_data(
            MemorySegment ctx,
            MemorySegment memory,
            MemorySegment out_base,
            MemorySegment out_size) {
        var mh$ = nsw_memory_data$handle();
        try {
            return (MemorySegment) mh$.invokeExact(ctx, memory, out_base, out_size);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_memory_size {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(
                C_POINTER, C_POINTER, C_POINTER, C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_memory_size");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_memory_size} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_memory_size$descriptor() {
        return nsw_memory_size.DESC;
    }

    /** The downcall handle of {@code nsw_memory_size}, resolved on first use. */
    public static MethodHandle nsw_memory_size$handle() {
        requireBound("nsw_memory_size");
        return nsw_memory_size.Bound.HANDLE;
    }

    /** The address of {@code nsw_memory_size} in the bound library. */
    public static MemorySegment nsw_memory_size$address() {
        requireBound("nsw_memory_size");
        return nsw_memory_size.Bound.ADDR;
    }

    /**
     * The memory's size in pages.
     *
     * {@snippet lang=c :
     * struct nsw_error_t *nsw_memory_size(struct nsw_context_t *ctx,
     *                                     const struct nsw_extern_t *memory,
     *                                     uint64_t *out_pages);
     * }
     */
    public static MemorySegment nsw_memory_size(
            MemorySegment ctx,
            MemorySegment memory,
            MemorySegment out_pages) {
        var mh$ = nsw_memory_size$handle();
        try {
            return (MemorySegment) mh$.invokeExact(ctx, memory, out_pages);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_memory_grow {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(
                C_POINTER, C_POINTER, C_POINTER, uint64_t, C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_memory_grow");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_memory_grow} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_memory_grow$descriptor() {
        return nsw_memory_grow.DESC;
    }

    /** The downcall handle of {@code nsw_memory_grow}, resolved on first use. */
    public static MethodHandle nsw_memory_grow$handle() {
        requireBound("nsw_memory_grow");
        return nsw_memory_grow.Bound.HANDLE;
    }

    /** The address of {@code nsw_memory_grow} in the bound library. */
    public static MemorySegment nsw_memory_grow$address() {
        requireBound("nsw_memory_grow");
        return nsw_memory_grow.Bound.ADDR;
    }

    /**
     * Grows the memory by {@code delta} pages and writes the previous size in pages.
     * Growing past the type's maximum or a store limit is an error.
     *
     * {@snippet lang=c :
     * struct nsw_error_t *nsw_memory_grow(struct nsw_context_t *ctx,
     *                                     const struct nsw_extern_t *memory,
     *                                     uint64_t delta,
     *                                     uint64_t *out_previous);
     * }
     */
    public static MemorySegment nsw_memory_grow(
            MemorySegment ctx,
            MemorySegment memory,
            long delta,
            MemorySegment out_previous) {
        var mh$ = nsw_memory_grow$handle();
        try {
            return (MemorySegment) mh$.invokeExact(ctx, memory, delta, out_previous);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_global_get {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(
                C_POINTER, C_POINTER, C_POINTER, C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_global_get");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_global_get} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_global_get$descriptor() {
        return nsw_global_get.DESC;
    }

    /** The downcall handle of {@code nsw_global_get}, resolved on first use. */
    public static MethodHandle nsw_global_get$handle() {
        requireBound("nsw_global_get");
        return nsw_global_get.Bound.HANDLE;
    }

    /** The address of {@code nsw_global_get} in the bound library. */
    public static MemorySegment nsw_global_get$address() {
        requireBound("nsw_global_get");
        return nsw_global_get.Bound.ADDR;
    }

    /**
     * Reads a global into one slot.
     *
     * {@snippet lang=c :
     * struct nsw_error_t *nsw_global_get(struct nsw_context_t *ctx,
     *                                    const struct nsw_extern_t *global,
     *                                    union nsw_val_raw_t *out_value);
     * }
     */
    public static MemorySegment nsw_global_get(
            MemorySegment ctx,
            MemorySegment global,
            MemorySegment out_value) {
        var mh$ = nsw_global_get$handle();
        try {
            return (MemorySegment) mh$.invokeExact(ctx, global, out_value);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_global_set {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(
                C_POINTER, C_POINTER, C_POINTER, C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_global_set");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_global_set} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_global_set$descriptor() {
        return nsw_global_set.DESC;
    }

    /** The downcall handle of {@code nsw_global_set}, resolved on first use. */
    public static MethodHandle nsw_global_set$handle() {
        requireBound("nsw_global_set");
        return nsw_global_set.Bound.HANDLE;
    }

    /** The address of {@code nsw_global_set} in the bound library. */
    public static MemorySegment nsw_global_set$address() {
        requireBound("nsw_global_set");
        return nsw_global_set.Bound.ADDR;
    }

    /**
     * Writes a mutable global from one slot.
     *
     * {@snippet lang=c :
     * struct nsw_error_t *nsw_global_set(struct nsw_context_t *ctx,
     *                                    const struct nsw_extern_t *global,
     *                                    const union nsw_val_raw_t *value);
     * }
     */
    public static MemorySegment nsw_global_set(MemorySegment ctx, MemorySegment global, MemorySegment value) {
        var mh$ = nsw_global_set$handle();
        try {
            return (MemorySegment) mh$.invokeExact(ctx, global, value);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_table_size {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(
                C_POINTER, C_POINTER, C_POINTER, C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_table_size");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_table_size} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_table_size$descriptor() {
        return nsw_table_size.DESC;
    }

    /** The downcall handle of {@code nsw_table_size}, resolved on first use. */
    public static MethodHandle nsw_table_size$handle() {
        requireBound("nsw_table_size");
        return nsw_table_size.Bound.HANDLE;
    }

    /** The address of {@code nsw_table_size} in the bound library. */
    public static MemorySegment nsw_table_size$address() {
        requireBound("nsw_table_size");
        return nsw_table_size.Bound.ADDR;
    }

    /**
     * The table's size in elements.
     *
     * {@snippet lang=c :
     * struct nsw_error_t *nsw_table_size(struct nsw_context_t *ctx,
     *                                    const struct nsw_extern_t *table,
     *                                    uint64_t *out_size);
     * }
     */
    public static MemorySegment nsw_table_size(
            MemorySegment ctx,
            MemorySegment table,
            MemorySegment out_size) {
        var mh$ = nsw_table_size$handle();
        try {
            return (MemorySegment) mh$.invokeExact(ctx, table, out_size);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_table_get {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(
                C_POINTER, C_POINTER, C_POINTER, uint64_t, C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_table_get");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_table_get} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_table_get$descriptor() {
        return nsw_table_get.DESC;
    }

    /** The downcall handle of {@code nsw_table_get}, resolved on first use. */
    public static MethodHandle nsw_table_get$handle() {
        requireBound("nsw_table_get");
        return nsw_table_get.Bound.HANDLE;
    }

    /** The address of {@code nsw_table_get} in the bound library. */
    public static MemorySegment nsw_table_get$address() {
        requireBound("nsw_table_get");
        return nsw_table_get.Bound.ADDR;
    }

    /**
     * Reads element {@code index} into one slot (a ref id; 0 for null).
     *
     * {@snippet lang=c :
     * struct nsw_error_t *nsw_table_get(struct nsw_context_t *ctx,
     *                                   const struct nsw_extern_t *table,
     *                                   uint64_t index,
     *                                   union nsw_val_raw_t *out_value);
     * }
     */
    public static MemorySegment nsw_table_get(
            MemorySegment ctx,
            MemorySegment table,
            long index,
            MemorySegment out_value) {
        var mh$ = nsw_table_get$handle();
        try {
            return (MemorySegment) mh$.invokeExact(ctx, table, index, out_value);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_table_set {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(
                C_POINTER, C_POINTER, C_POINTER, uint64_t, C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_table_set");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_table_set} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_table_set$descriptor() {
        return nsw_table_set.DESC;
    }

    /** The downcall handle of {@code nsw_table_set}, resolved on first use. */
    public static MethodHandle nsw_table_set$handle() {
        requireBound("nsw_table_set");
        return nsw_table_set.Bound.HANDLE;
    }

    /** The address of {@code nsw_table_set} in the bound library. */
    public static MemorySegment nsw_table_set$address() {
        requireBound("nsw_table_set");
        return nsw_table_set.Bound.ADDR;
    }

    /**
     * Writes element {@code index} from one slot (a ref id; 0 for null).
     *
     * {@snippet lang=c :
     * struct nsw_error_t *nsw_table_set(struct nsw_context_t *ctx,
     *                                   const struct nsw_extern_t *table,
     *                                   uint64_t index,
     *                                   const union nsw_val_raw_t *value);
     * }
     */
    public static MemorySegment nsw_table_set(
            MemorySegment ctx,
            MemorySegment table,
            long index,
            MemorySegment value) {
        var mh$ = nsw_table_set$handle();
        try {
            return (MemorySegment) mh$.invokeExact(ctx, table, index, value);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_table_grow {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(
                C_POINTER, C_POINTER, C_POINTER, uint64_t, C_POINTER, C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_table_grow");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_table_grow} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_table_grow$descriptor() {
        return nsw_table_grow.DESC;
    }

    /** The downcall handle of {@code nsw_table_grow}, resolved on first use. */
    public static MethodHandle nsw_table_grow$handle() {
        requireBound("nsw_table_grow");
        return nsw_table_grow.Bound.HANDLE;
    }

    /** The address of {@code nsw_table_grow} in the bound library. */
    public static MemorySegment nsw_table_grow$address() {
        requireBound("nsw_table_grow");
        return nsw_table_grow.Bound.ADDR;
    }

    /**
     * Grows the table by {@code delta} elements filled with {@code init}; writes the previous size.
     *
     * {@snippet lang=c :
     * struct nsw_error_t *nsw_table_grow(struct nsw_context_t *ctx,
     *                                    const struct nsw_extern_t *table,
     *                                    uint64_t delta,
     *                                    const union nsw_val_raw_t *init,
     *                                    uint64_t *out_previous);
     * }
     */
    public static MemorySegment nsw_table_grow(
            MemorySegment ctx,
            MemorySegment table,
            long delta,
            MemorySegment init,
            MemorySegment out_previous) {
        var mh$ = nsw_table_grow$handle();
        try {
            return (MemorySegment) mh$.invokeExact(ctx, table, delta, init, out_previous);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_global_new {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(
                C_POINTER, C_POINTER, uint8_t, C_BOOL, C_POINTER, C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_global_new");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_global_new} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_global_new$descriptor() {
        return nsw_global_new.DESC;
    }

    /** The downcall handle of {@code nsw_global_new}, resolved on first use. */
    public static MethodHandle nsw_global_new$handle() {
        requireBound("nsw_global_new");
        return nsw_global_new.Bound.HANDLE;
    }

    /** The address of {@code nsw_global_new} in the bound library. */
    public static MemorySegment nsw_global_new$address() {
        requireBound("nsw_global_new");
        return nsw_global_new.Bound.ADDR;
    }

    /**
     * Creates a global in the context's store.
     *
     * {@snippet lang=c :
     * struct nsw_error_t *nsw_global_new(struct nsw_context_t *ctx,
     *                                    uint8_t content,
     *                                    bool is_mutable,
     *                                    const union nsw_val_raw_t *value,
     *                                    struct nsw_extern_t **out);
     * }
     */
    public static MemorySegment nsw_global_new(
            MemorySegment ctx,
            byte content,
            boolean is_mutable,
            MemorySegment value,
            MemorySegment out) {
        var mh$ = nsw_global_new$handle();
        try {
            return (MemorySegment) mh$.invokeExact(ctx, content, is_mutable, value, out);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_memory_new {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(
                C_POINTER, C_POINTER, uint32_t, C_BOOL, uint32_t, C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_memory_new");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_memory_new} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_memory_new$descriptor() {
        return nsw_memory_new.DESC;
    }

    /** The downcall handle of {@code nsw_memory_new}, resolved on first use. */
    public static MethodHandle nsw_memory_new$handle() {
        requireBound("nsw_memory_new");
        return nsw_memory_new.Bound.HANDLE;
    }

    /** The address of {@code nsw_memory_new} in the bound library. */
    public static MemorySegment nsw_memory_new$address() {
        requireBound("nsw_memory_new");
        return nsw_memory_new.Bound.ADDR;
    }

    /**
     * Creates a memory in the context's store (limits in 64 KiB pages).
     *
     * {@snippet lang=c :
     * struct nsw_error_t *nsw_memory_new(struct nsw_context_t *ctx,
     *                                    uint32_t minimum,
     *                                    bool has_maximum,
     *                                    uint32_t maximum,
     *                                    struct nsw_extern_t **out);
     * }
     */
    public static MemorySegment nsw_memory_new(
            MemorySegment ctx,
            int minimum,
            boolean has_maximum,
            int maximum,
            MemorySegment out) {
        var mh$ = nsw_memory_new$handle();
        try {
            return (MemorySegment) mh$.invokeExact(ctx, minimum, has_maximum, maximum, out);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_table_new {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(
                C_POINTER, C_POINTER, uint8_t, uint32_t, C_BOOL, uint32_t, C_POINTER, C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_table_new");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_table_new} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_table_new$descriptor() {
        return nsw_table_new.DESC;
    }

    /** The downcall handle of {@code nsw_table_new}, resolved on first use. */
    public static MethodHandle nsw_table_new$handle() {
        requireBound("nsw_table_new");
        return nsw_table_new.Bound.HANDLE;
    }

    /** The address of {@code nsw_table_new} in the bound library. */
    public static MemorySegment nsw_table_new$address() {
        requireBound("nsw_table_new");
        return nsw_table_new.Bound.ADDR;
    }

    /**
     * Creates a table of funcref or externref ({@code element}) filled with {@code init}.
     *
     * {@snippet lang=c :
     * struct nsw_error_t *nsw_table_new(struct nsw_context_t *ctx,
     *                                   uint8_t element,
     *                                   uint32_t minimum,
     *                                   bool has_maximum,
     *                                   uint32_t maximum,
     *                                   const union nsw_val_raw_t *init,
     *                                   struct nsw_extern_t **out);
     * }
     */
    public static MemorySegment nsw_table_new(
            MemorySegment ctx,
            byte element,
            int minimum,
            boolean has_maximum,
            int maximum,
            MemorySegment init,
            MemorySegment out) {
        var mh$ = nsw_table_new$handle();
        try {
            return (MemorySegment) mh$.invokeExact(ctx, element, minimum, has_maximum, maximum, init, out);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_context_funcref_new {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(
                C_POINTER, C_POINTER, C_POINTER, C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_context_funcref_new");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_context_funcref_new} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_context_funcref_new$descriptor() {
        return nsw_context_funcref_new.DESC;
    }

    /** The downcall handle of {@code nsw_context_funcref_new}, resolved on first use. */
    public static MethodHandle nsw_context_funcref_new$handle() {
        requireBound("nsw_context_funcref_new");
        return nsw_context_funcref_new.Bound.HANDLE;
    }

    /** The address of {@code nsw_context_funcref_new} in the bound library. */
    public static MemorySegment nsw_context_funcref_new$address() {
        requireBound("nsw_context_funcref_new");
        return nsw_context_funcref_new.Bound.ADDR;
    }

    /**
     * Registers a function as a funcref value and returns its ref id.
     *
     * {@snippet lang=c :
     * struct nsw_error_t *nsw_context_funcref_new(struct nsw_context_t *ctx,
     *                                             const struct nsw_extern_t *func,
     *                                             uint64_t *out_ref_id);
     * }
     */
    public static MemorySegment nsw_context_funcref_new(
            MemorySegment ctx,
            MemorySegment func,
            MemorySegment out_ref_id) {
        var mh$ = nsw_context_funcref_new$handle();
        try {
            return (MemorySegment) mh$.invokeExact(ctx, func, out_ref_id);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_context_funcref_get {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(
                C_POINTER, C_POINTER, uint64_t, C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_context_funcref_get");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_context_funcref_get} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_context_funcref_get$descriptor() {
        return nsw_context_funcref_get.DESC;
    }

    /** The downcall handle of {@code nsw_context_funcref_get}, resolved on first use. */
    public static MethodHandle nsw_context_funcref_get$handle() {
        requireBound("nsw_context_funcref_get");
        return nsw_context_funcref_get.Bound.HANDLE;
    }

    /** The address of {@code nsw_context_funcref_get} in the bound library. */
    public static MemorySegment nsw_context_funcref_get$address() {
        requireBound("nsw_context_funcref_get");
        return nsw_context_funcref_get.Bound.ADDR;
    }

    /**
     * Opens funcref {@code ref_id} as a callable extern (a new handle to delete).
     *
     * {@snippet lang=c :
     * struct nsw_error_t *nsw_context_funcref_get(struct nsw_context_t *ctx,
     *                                             uint64_t ref_id,
     *                                             struct nsw_extern_t **out);
     * }
     */
    public static MemorySegment nsw_context_funcref_get(MemorySegment ctx, long ref_id, MemorySegment out) {
        var mh$ = nsw_context_funcref_get$handle();
        try {
            return (MemorySegment) mh$.invokeExact(ctx, ref_id, out);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_linker_instantiate {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(
                C_POINTER, C_POINTER, C_POINTER, C_POINTER, C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_linker_instantiate");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_linker_instantiate} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_linker_instantiate$descriptor() {
        return nsw_linker_instantiate.DESC;
    }

    /** The downcall handle of {@code nsw_linker_instantiate}, resolved on first use. */
    public static MethodHandle nsw_linker_instantiate$handle() {
        requireBound("nsw_linker_instantiate");
        return nsw_linker_instantiate.Bound.HANDLE;
    }

    /** The address of {@code nsw_linker_instantiate} in the bound library. */
    public static MemorySegment nsw_linker_instantiate$address() {
        requireBound("nsw_linker_instantiate");
        return nsw_linker_instantiate.Bound.ADDR;
    }

    /**
     * Instantiates {@code module} in the context's store, resolving imports from the
     * linker. Unresolved or mistyped imports give NSW_ERROR_LINK; a trapping
     * start function NSW_ERROR_TRAP; a store limit NSW_ERROR_RESOURCE_LIMIT.
     *
     * <p>Runs wasm, which may take long and call host functions back (upcalls):
     * never link this one with {@link java.lang.foreign.Linker.Option#critical}.
     *
     * {@snippet lang=c :
     * struct nsw_error_t *nsw_linker_instantiate(const struct nsw_linker_t *linker,
     *                                            struct nsw_context_t *ctx,
     *                                            const struct nsw_module_t *module,
     *                                            struct nsw_instance_t **out);
     * }
     */
    public static MemorySegment nsw_linker_instantiate(
            MemorySegment linker,
            MemorySegment ctx,
            MemorySegment module,
            MemorySegment out) {
        var mh$ = nsw_linker_instantiate$handle();
        try {
            return (MemorySegment) mh$.invokeExact(linker, ctx, module, out);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_instance_delete {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_instance_delete");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_instance_delete} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_instance_delete$descriptor() {
        return nsw_instance_delete.DESC;
    }

    /** The downcall handle of {@code nsw_instance_delete}, resolved on first use. */
    public static MethodHandle nsw_instance_delete$handle() {
        requireBound("nsw_instance_delete");
        return nsw_instance_delete.Bound.HANDLE;
    }

    /** The address of {@code nsw_instance_delete} in the bound library. */
    public static MemorySegment nsw_instance_delete$address() {
        requireBound("nsw_instance_delete");
        return nsw_instance_delete.Bound.ADDR;
    }

    /**
     * Frees the handle; the instance itself lives as long as its store.
     *
     * {@snippet lang=c :
     * void nsw_instance_delete(struct nsw_instance_t *instance);
     * }
     */
    public static void nsw_instance_delete(MemorySegment instance) {
        var mh$ = nsw_instance_delete$handle();
        try {
            mh$.invokeExact(instance);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_instance_export_get {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(
                C_POINTER, C_POINTER, C_POINTER, C_POINTER, size_t, C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_instance_export_get");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_instance_export_get} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_instance_export_get$descriptor() {
        return nsw_instance_export_get.DESC;
    }

    /** The downcall handle of {@code nsw_instance_export_get}, resolved on first use. */
    public static MethodHandle nsw_instance_export_get$handle() {
        requireBound("nsw_instance_export_get");
        return nsw_instance_export_get.Bound.HANDLE;
    }

    /** The address of {@code nsw_instance_export_get} in the bound library. */
    public static MemorySegment nsw_instance_export_get$address() {
        requireBound("nsw_instance_export_get");
        return nsw_instance_export_get.Bound.ADDR;
    }

    /**
     * Looks up export {@code name} (UTF-8) and returns a new extern handle.
     *
     * {@snippet lang=c :
     * struct nsw_error_t *nsw_instance_export_get(struct nsw_context_t *ctx,
     *                                             const struct nsw_instance_t *instance,
     *                                             const uint8_t *name,
     *                                             size_t name_len,
     *                                             struct nsw_extern_t **out);
     * }
     */
    public static MemorySegment nsw_instance_export_get(
            MemorySegment ctx,
            MemorySegment instance,
            MemorySegment name,
            long name_len,
            MemorySegment out) {
        var mh$ = nsw_instance_export_get$handle();
        try {
            return (MemorySegment) mh$.invokeExact(ctx, instance, name, name_len, out);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_context_caller_export {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(
                C_POINTER, C_POINTER, C_POINTER, size_t, C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_context_caller_export");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_context_caller_export} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_context_caller_export$descriptor() {
        return nsw_context_caller_export.DESC;
    }

    /** The downcall handle of {@code nsw_context_caller_export}, resolved on first use. */
    public static MethodHandle nsw_context_caller_export$handle() {
        requireBound("nsw_context_caller_export");
        return nsw_context_caller_export.Bound.HANDLE;
    }

    /** The address of {@code nsw_context_caller_export} in the bound library. */
    public static MemorySegment nsw_context_caller_export$address() {
        requireBound("nsw_context_caller_export");
        return nsw_context_caller_export.Bound.ADDR;
    }

    /**
     * Inside a host function: looks up export {@code name} of the calling instance
     * (typically its memory).
     *
     * {@snippet lang=c :
     * struct nsw_error_t *nsw_context_caller_export(struct nsw_context_t *ctx,
     *                                               const uint8_t *name,
     *                                               size_t name_len,
     *                                               struct nsw_extern_t **out);
     * }
     */
    public static MemorySegment nsw_context_caller_export(
            MemorySegment ctx,
            MemorySegment name,
            long name_len,
            MemorySegment out) {
        var mh$ = nsw_context_caller_export$handle();
        try {
            return (MemorySegment) mh$.invokeExact(ctx, name, name_len, out);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_linker_new {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_POINTER, C_POINTER, C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_linker_new");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_linker_new} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_linker_new$descriptor() {
        return nsw_linker_new.DESC;
    }

    /** The downcall handle of {@code nsw_linker_new}, resolved on first use. */
    public static MethodHandle nsw_linker_new$handle() {
        requireBound("nsw_linker_new");
        return nsw_linker_new.Bound.HANDLE;
    }

    /** The address of {@code nsw_linker_new} in the bound library. */
    public static MemorySegment nsw_linker_new$address() {
        requireBound("nsw_linker_new");
        return nsw_linker_new.Bound.ADDR;
    }

    /**
     * {@snippet lang=c :
     * struct nsw_error_t *nsw_linker_new(const struct nsw_engine_t *engine, struct nsw_linker_t **out);
     * }
     */
    public static MemorySegment nsw_linker_new(MemorySegment engine, MemorySegment out) {
        var mh$ = nsw_linker_new$handle();
        try {
            return (MemorySegment) mh$.invokeExact(engine, out);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_linker_delete {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_linker_delete");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_linker_delete} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_linker_delete$descriptor() {
        return nsw_linker_delete.DESC;
    }

    /** The downcall handle of {@code nsw_linker_delete}, resolved on first use. */
    public static MethodHandle nsw_linker_delete$handle() {
        requireBound("nsw_linker_delete");
        return nsw_linker_delete.Bound.HANDLE;
    }

    /** The address of {@code nsw_linker_delete} in the bound library. */
    public static MemorySegment nsw_linker_delete$address() {
        requireBound("nsw_linker_delete");
        return nsw_linker_delete.Bound.ADDR;
    }

    /**
     * {@snippet lang=c :
     * void nsw_linker_delete(struct nsw_linker_t *linker);
     * }
     */
    public static void nsw_linker_delete(MemorySegment linker) {
        var mh$ = nsw_linker_delete$handle();
        try {
            mh$.invokeExact(linker);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_linker_allow_shadowing {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_POINTER, C_POINTER, C_BOOL);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_linker_allow_shadowing");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_linker_allow_shadowing} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_linker_allow_shadowing$descriptor() {
        return nsw_linker_allow_shadowing.DESC;
    }

    /** The downcall handle of {@code nsw_linker_allow_shadowing}, resolved on first use. */
    public static MethodHandle nsw_linker_allow_shadowing$handle() {
        requireBound("nsw_linker_allow_shadowing");
        return nsw_linker_allow_shadowing.Bound.HANDLE;
    }

    /** The address of {@code nsw_linker_allow_shadowing} in the bound library. */
    public static MemorySegment nsw_linker_allow_shadowing$address() {
        requireBound("nsw_linker_allow_shadowing");
        return nsw_linker_allow_shadowing.Bound.ADDR;
    }

    /**
     * Lets later definitions replace earlier ones of the same name.
     *
     * {@snippet lang=c :
     * struct nsw_error_t *nsw_linker_allow_shadowing(struct nsw_linker_t *linker, bool allow);
     * }
     */
    public static MemorySegment nsw_linker_allow_shadowing(MemorySegment linker, boolean allow) {
        var mh$ = nsw_linker_allow_shadowing$handle();
        try {
            return (MemorySegment) mh$.invokeExact(linker, allow);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_linker_define_func {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(
                C_POINTER, C_POINTER, C_POINTER, size_t, C_POINTER, size_t, C_POINTER, size_t, C_POINTER, size_t, C_POINTER, C_POINTER, C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_linker_define_func");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_linker_define_func} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_linker_define_func$descriptor() {
        return nsw_linker_define_func.DESC;
    }

    /** The downcall handle of {@code nsw_linker_define_func}, resolved on first use. */
    public static MethodHandle nsw_linker_define_func$handle() {
        requireBound("nsw_linker_define_func");
        return nsw_linker_define_func.Bound.HANDLE;
    }

    /** The address of {@code nsw_linker_define_func} in the bound library. */
    public static MemorySegment nsw_linker_define_func$address() {
        requireBound("nsw_linker_define_func");
        return nsw_linker_define_func.Bound.ADDR;
    }

    /**
     * Defines host function {@code module}.{@code name} with the given parameter and result
     * types (NSW_VAL_* codes). {@code finalizer(env)} runs when the linker and every
     * store using the function are gone — or at once if this call fails.
     *
     * {@snippet lang=c :
     * struct nsw_error_t *nsw_linker_define_func(struct nsw_linker_t *linker,
     *                                            const uint8_t *module,
     *                                            size_t module_len,
     *                                            const uint8_t *name,
     *                                            size_t name_len,
     *                                            const uint8_t *params,
     *                                            size_t params_len,
     *                                            const uint8_t *results,
     *                                            size_t results_len,
     *                                            nsw_host_callback_t callback,
     *                                            void *env,
     *                                            nsw_finalizer_t finalizer);
     * }
     */
    public static MemorySegment nsw_linker_define_func(
            MemorySegment linker,
            MemorySegment module,
            long module_len,
            MemorySegment name,
            long name_len,
            MemorySegment params,
            long params_len,
            MemorySegment results,
            long results_len,
            MemorySegment callback,
            MemorySegment env,
            MemorySegment finalizer) {
        var mh$ = nsw_linker_define_func$handle();
        try {
            return (MemorySegment) mh$.invokeExact(
                    linker,
                    module,
                    module_len,
                    name,
                    name_len,
                    params,
                    params_len,
                    results,
                    results_len,
                    callback,
                    env,
                    finalizer);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_func_new {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(
                C_POINTER, C_POINTER, C_POINTER, size_t, C_POINTER, size_t, C_POINTER, C_POINTER, C_POINTER, C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_func_new");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_func_new} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_func_new$descriptor() {
        return nsw_func_new.DESC;
    }

    /** The downcall handle of {@code nsw_func_new}, resolved on first use. */
    public static MethodHandle nsw_func_new$handle() {
        requireBound("nsw_func_new");
        return nsw_func_new.Bound.HANDLE;
    }

    /** The address of {@code nsw_func_new} in the bound library. */
    public static MemorySegment nsw_func_new$address() {
        requireBound("nsw_func_new");
        return nsw_func_new.Bound.ADDR;
    }

    /**
     * Creates a host function owned by the context's store (for tables,
     * globals or funcref values). Same callback contract as
     * {@code nsw_linker_define_func}.
     *
     * {@snippet lang=c :
     * struct nsw_error_t *nsw_func_new(struct nsw_context_t *ctx,
     *                                  const uint8_t *params,
     *                                  size_t params_len,
     *                                  const uint8_t *results,
     *                                  size_t results_len,
     *                                  nsw_host_callback_t callback,
     *                                  void *env,
     *                                  nsw_finalizer_t finalizer,
     *                                  struct nsw_extern_t **out);
     * }
     */
    public static MemorySegment nsw_func_new(
            MemorySegment ctx,
            MemorySegment params,
            long params_len,
            MemorySegment results,
            long results_len,
            MemorySegment callback,
            MemorySegment env,
            MemorySegment finalizer,
            MemorySegment out) {
        var mh$ = nsw_func_new$handle();
        try {
            return (MemorySegment) mh$.invokeExact(
                    ctx,
                    params,
                    params_len,
                    results,
                    results_len,
                    callback,
                    env,
                    finalizer,
                    out);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_linker_define {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(
                C_POINTER, C_POINTER, C_POINTER, C_POINTER, size_t, C_POINTER, size_t, C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_linker_define");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_linker_define} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_linker_define$descriptor() {
        return nsw_linker_define.DESC;
    }

    /** The downcall handle of {@code nsw_linker_define}, resolved on first use. */
    public static MethodHandle nsw_linker_define$handle() {
        requireBound("nsw_linker_define");
        return nsw_linker_define.Bound.HANDLE;
    }

    /** The address of {@code nsw_linker_define} in the bound library. */
    public static MemorySegment nsw_linker_define$address() {
        requireBound("nsw_linker_define");
        return nsw_linker_define.Bound.ADDR;
    }

    /**
     * Defines {@code module}.{@code name} as a store-owned extern. The linker can then only
     * instantiate in that store.
     *
     * {@snippet lang=c :
     * struct nsw_error_t *nsw_linker_define(struct nsw_linker_t *linker,
     *                                       struct nsw_context_t *ctx,
     *                                       const uint8_t *module,
     *                                       size_t module_len,
     *                                       const uint8_t *name,
     *                                       size_t name_len,
     *                                       const struct nsw_extern_t *ext);
     * }
     */
    public static MemorySegment nsw_linker_define(
            MemorySegment linker,
            MemorySegment ctx,
            MemorySegment module,
            long module_len,
            MemorySegment name,
            long name_len,
            MemorySegment ext) {
        var mh$ = nsw_linker_define$handle();
        try {
            return (MemorySegment) mh$.invokeExact(linker, ctx, module, module_len, name, name_len, ext);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_linker_define_instance {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(
                C_POINTER, C_POINTER, C_POINTER, C_POINTER, size_t, C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_linker_define_instance");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_linker_define_instance} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_linker_define_instance$descriptor() {
        return nsw_linker_define_instance.DESC;
    }

    /** The downcall handle of {@code nsw_linker_define_instance}, resolved on first use. */
    public static MethodHandle nsw_linker_define_instance$handle() {
        requireBound("nsw_linker_define_instance");
        return nsw_linker_define_instance.Bound.HANDLE;
    }

    /** The address of {@code nsw_linker_define_instance} in the bound library. */
    public static MemorySegment nsw_linker_define_instance$address() {
        requireBound("nsw_linker_define_instance");
        return nsw_linker_define_instance.Bound.ADDR;
    }

    /**
     * Defines every export of {@code instance} under module name {@code name}.
     *
     * {@snippet lang=c :
     * struct nsw_error_t *nsw_linker_define_instance(struct nsw_linker_t *linker,
     *                                                struct nsw_context_t *ctx,
     *                                                const uint8_t *name,
     *                                                size_t name_len,
     *                                                const struct nsw_instance_t *instance);
     * }
     */
    public static MemorySegment nsw_linker_define_instance(
            MemorySegment linker,
            MemorySegment ctx,
            MemorySegment name,
            long name_len,
            MemorySegment instance) {
        var mh$ = nsw_linker_define_instance$handle();
        try {
            return (MemorySegment) mh$.invokeExact(linker, ctx, name, name_len, instance);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_module_verify {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_POINTER, C_POINTER, C_POINTER, size_t);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_module_verify");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_module_verify} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_module_verify$descriptor() {
        return nsw_module_verify.DESC;
    }

    /** The downcall handle of {@code nsw_module_verify}, resolved on first use. */
    public static MethodHandle nsw_module_verify$handle() {
        requireBound("nsw_module_verify");
        return nsw_module_verify.Bound.HANDLE;
    }

    /** The address of {@code nsw_module_verify} in the bound library. */
    public static MemorySegment nsw_module_verify$address() {
        requireBound("nsw_module_verify");
        return nsw_module_verify.Bound.ADDR;
    }

    /**
     * Checks an artifact's envelope (magic, digest, Wasmtime version, target,
     * profile, switches) against an engine without loading its code.
     *
     * {@snippet lang=c :
     * struct nsw_error_t *nsw_module_verify(const struct nsw_engine_t *engine,
     *                                       const uint8_t *artifact,
     *                                       size_t artifact_len);
     * }
     */
    public static MemorySegment nsw_module_verify(
            MemorySegment engine,
            MemorySegment artifact,
            long artifact_len) {
        var mh$ = nsw_module_verify$handle();
        try {
            return (MemorySegment) mh$.invokeExact(engine, artifact, artifact_len);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_module_new {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(
                C_POINTER, C_POINTER, C_POINTER, size_t, C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_module_new");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_module_new} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_module_new$descriptor() {
        return nsw_module_new.DESC;
    }

    /** The downcall handle of {@code nsw_module_new}, resolved on first use. */
    public static MethodHandle nsw_module_new$handle() {
        requireBound("nsw_module_new");
        return nsw_module_new.Bound.HANDLE;
    }

    /** The address of {@code nsw_module_new} in the bound library. */
    public static MemorySegment nsw_module_new$address() {
        requireBound("nsw_module_new");
        return nsw_module_new.Bound.ADDR;
    }

    /**
     * Verifies an artifact and loads its module. The bytes are copied; the
     * caller may free them on return.
     *
     * {@snippet lang=c :
     * struct nsw_error_t *nsw_module_new(const struct nsw_engine_t *engine,
     *                                    const uint8_t *artifact,
     *                                    size_t artifact_len,
     *                                    struct nsw_module_t **out);
     * }
     */
    public static MemorySegment nsw_module_new(
            MemorySegment engine,
            MemorySegment artifact,
            long artifact_len,
            MemorySegment out) {
        var mh$ = nsw_module_new$handle();
        try {
            return (MemorySegment) mh$.invokeExact(engine, artifact, artifact_len, out);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_module_new_unchecked_raw {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(
                C_POINTER, C_POINTER, C_POINTER, size_t, C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_module_new_unchecked_raw");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_module_new_unchecked_raw} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_module_new_unchecked_raw$descriptor() {
        return nsw_module_new_unchecked_raw.DESC;
    }

    /** The downcall handle of {@code nsw_module_new_unchecked_raw}, resolved on first use. */
    public static MethodHandle nsw_module_new_unchecked_raw$handle() {
        requireBound("nsw_module_new_unchecked_raw");
        return nsw_module_new_unchecked_raw.Bound.HANDLE;
    }

    /** The address of {@code nsw_module_new_unchecked_raw} in the bound library. */
    public static MemorySegment nsw_module_new_unchecked_raw$address() {
        requireBound("nsw_module_new_unchecked_raw");
        return nsw_module_new_unchecked_raw.Bound.ADDR;
    }

    /**
     * Loads a plain Wasmtime `.cwasm` (no envelope): no digest, no signature,
     * nothing of ours is checked. Wasmtime still checks its own header (its
     * version, the target, the engine's configuration) before it maps the code.
     *
     * UNSAFE: the bytes are machine code that will run in this process. Use it
     * only for artifacts you produced and protect yourself; `nsw_module_new`
     * verifies an enveloped artifact instead. The bytes are copied.
     *
     * {@snippet lang=c :
     * struct nsw_error_t *nsw_module_new_unchecked_raw(const struct nsw_engine_t *engine,
     *                                                 const uint8_t *cwasm,
     *                                                 size_t cwasm_len,
     *                                                 struct nsw_module_t **out);
     * }
     */
    public static MemorySegment nsw_module_new_unchecked_raw(
            MemorySegment engine,
            MemorySegment cwasm,
            long cwasm_len,
            MemorySegment out) {
        var mh$ = nsw_module_new_unchecked_raw$handle();
        try {
            return (MemorySegment) mh$.invokeExact(engine, cwasm, cwasm_len, out);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_module_delete {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_module_delete");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_module_delete} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_module_delete$descriptor() {
        return nsw_module_delete.DESC;
    }

    /** The downcall handle of {@code nsw_module_delete}, resolved on first use. */
    public static MethodHandle nsw_module_delete$handle() {
        requireBound("nsw_module_delete");
        return nsw_module_delete.Bound.HANDLE;
    }

    /** The address of {@code nsw_module_delete} in the bound library. */
    public static MemorySegment nsw_module_delete$address() {
        requireBound("nsw_module_delete");
        return nsw_module_delete.Bound.ADDR;
    }

    /**
     * {@snippet lang=c :
     * void nsw_module_delete(struct nsw_module_t *module);
     * }
     */
    public static void nsw_module_delete(MemorySegment module) {
        var mh$ = nsw_module_delete$handle();
        try {
            mh$.invokeExact(module);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_module_import_count {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(size_t, C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_module_import_count");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_module_import_count} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_module_import_count$descriptor() {
        return nsw_module_import_count.DESC;
    }

    /** The downcall handle of {@code nsw_module_import_count}, resolved on first use. */
    public static MethodHandle nsw_module_import_count$handle() {
        requireBound("nsw_module_import_count");
        return nsw_module_import_count.Bound.HANDLE;
    }

    /** The address of {@code nsw_module_import_count} in the bound library. */
    public static MemorySegment nsw_module_import_count$address() {
        requireBound("nsw_module_import_count");
        return nsw_module_import_count.Bound.ADDR;
    }

    /**
     * Number of imports; 0 for an invalid handle.
     *
     * {@snippet lang=c :
     * size_t nsw_module_import_count(const struct nsw_module_t *module);
     * }
     */
    public static long nsw_module_import_count(MemorySegment module) {
        var mh$ = nsw_module_import_count$handle();
        try {
            return (long) mh$.invokeExact(module);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_module_export_count {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(size_t, C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_module_export_count");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_module_export_count} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_module_export_count$descriptor() {
        return nsw_module_export_count.DESC;
    }

    /** The downcall handle of {@code nsw_module_export_count}, resolved on first use. */
    public static MethodHandle nsw_module_export_count$handle() {
        requireBound("nsw_module_export_count");
        return nsw_module_export_count.Bound.HANDLE;
    }

    /** The address of {@code nsw_module_export_count} in the bound library. */
    public static MemorySegment nsw_module_export_count$address() {
        requireBound("nsw_module_export_count");
        return nsw_module_export_count.Bound.ADDR;
    }

    /**
     * Number of exports; 0 for an invalid handle.
     *
     * {@snippet lang=c :
     * size_t nsw_module_export_count(const struct nsw_module_t *module);
     * }
     */
    public static long nsw_module_export_count(MemorySegment module) {
        var mh$ = nsw_module_export_count$handle();
        try {
            return (long) mh$.invokeExact(module);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_module_import {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(
                C_POINTER, C_POINTER, size_t, C_POINTER, C_POINTER, C_POINTER, C_POINTER, C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_module_import");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_module_import} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_module_import$descriptor() {
        return nsw_module_import.DESC;
    }

    /** The downcall handle of {@code nsw_module_import}, resolved on first use. */
    public static MethodHandle nsw_module_import$handle() {
        requireBound("nsw_module_import");
        return nsw_module_import.Bound.HANDLE;
    }

    /** The address of {@code nsw_module_import} in the bound library. */
    public static MemorySegment nsw_module_import$address() {
        requireBound("nsw_module_import");
        return nsw_module_import.Bound.ADDR;
    }

    /**
     * Describes import {@code index}: its module and field names (UTF-8, borrowed from
     * the module) and its type.
     *
     * {@snippet lang=c :
     * struct nsw_error_t *nsw_module_import(const struct nsw_module_t *module,
     *                                       size_t index,
     *                                       const uint8_t **out_module,
     *                                       size_t *out_module_len,
     *                                       const uint8_t **out_name,
     *                                       size_t *out_name_len,
     *                                       struct nsw_extern_type_t *out_type);
     * }
     */
    public static MemorySegment nsw_module_import(
            MemorySegment module,
            long index,
            MemorySegment out_module,
            MemorySegment out_module_len,
            MemorySegment out_name,
            MemorySegment out_name_len,
            MemorySegment out_type) {
        var mh$ = nsw_module_import$handle();
        try {
            return (MemorySegment) mh$.invokeExact(
                    module,
                    index,
                    out_module,
                    out_module_len,
                    out_name,
                    out_name_len,
                    out_type);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_module_export {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(
                C_POINTER, C_POINTER, size_t, C_POINTER, C_POINTER, C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_module_export");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_module_export} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_module_export$descriptor() {
        return nsw_module_export.DESC;
    }

    /** The downcall handle of {@code nsw_module_export}, resolved on first use. */
    public static MethodHandle nsw_module_export$handle() {
        requireBound("nsw_module_export");
        return nsw_module_export.Bound.HANDLE;
    }

    /** The address of {@code nsw_module_export} in the bound library. */
    public static MemorySegment nsw_module_export$address() {
        requireBound("nsw_module_export");
        return nsw_module_export.Bound.ADDR;
    }

    /**
     * Describes export {@code index}: its name (UTF-8, borrowed from the module) and type.
     *
     * {@snippet lang=c :
     * struct nsw_error_t *nsw_module_export(const struct nsw_module_t *module,
     *                                       size_t index,
     *                                       const uint8_t **out_name,
     *                                       size_t *out_name_len,
     *                                       struct nsw_extern_type_t *out_type);
     * }
     */
    public static MemorySegment nsw_module_export(
            MemorySegment module,
            long index,
            MemorySegment out_name,
            MemorySegment out_name_len,
            MemorySegment out_type) {
        var mh$ = nsw_module_export$handle();
        try {
            return (MemorySegment) mh$.invokeExact(module, index, out_name, out_name_len, out_type);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_store_new {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_POINTER, C_POINTER, C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_store_new");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_store_new} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_store_new$descriptor() {
        return nsw_store_new.DESC;
    }

    /** The downcall handle of {@code nsw_store_new}, resolved on first use. */
    public static MethodHandle nsw_store_new$handle() {
        requireBound("nsw_store_new");
        return nsw_store_new.Bound.HANDLE;
    }

    /** The address of {@code nsw_store_new} in the bound library. */
    public static MemorySegment nsw_store_new$address() {
        requireBound("nsw_store_new");
        return nsw_store_new.Bound.ADDR;
    }

    /**
     * Creates a store. With epochs enabled the deadline starts far in the
     * future (not Wasmtime's default of "already expired").
     *
     * {@snippet lang=c :
     * struct nsw_error_t *nsw_store_new(const struct nsw_engine_t *engine, struct nsw_store_t **out);
     * }
     */
    public static MemorySegment nsw_store_new(MemorySegment engine, MemorySegment out) {
        var mh$ = nsw_store_new$handle();
        try {
            return (MemorySegment) mh$.invokeExact(engine, out);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_store_delete {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_store_delete");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_store_delete} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_store_delete$descriptor() {
        return nsw_store_delete.DESC;
    }

    /** The downcall handle of {@code nsw_store_delete}, resolved on first use. */
    public static MethodHandle nsw_store_delete$handle() {
        requireBound("nsw_store_delete");
        return nsw_store_delete.Bound.HANDLE;
    }

    /** The address of {@code nsw_store_delete} in the bound library. */
    public static MemorySegment nsw_store_delete$address() {
        requireBound("nsw_store_delete");
        return nsw_store_delete.Bound.ADDR;
    }

    /**
     * {@snippet lang=c :
     * void nsw_store_delete(struct nsw_store_t *store);
     * }
     */
    public static void nsw_store_delete(MemorySegment store) {
        var mh$ = nsw_store_delete$handle();
        try {
            mh$.invokeExact(store);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_store_context {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_POINTER, C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_store_context");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_store_context} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_store_context$descriptor() {
        return nsw_store_context.DESC;
    }

    /** The downcall handle of {@code nsw_store_context}, resolved on first use. */
    public static MethodHandle nsw_store_context$handle() {
        requireBound("nsw_store_context");
        return nsw_store_context.Bound.HANDLE;
    }

    /** The address of {@code nsw_store_context} in the bound library. */
    public static MemorySegment nsw_store_context$address() {
        requireBound("nsw_store_context");
        return nsw_store_context.Bound.ADDR;
    }

    /**
     * The store's context: what every function operating on store-owned objects
     * takes. Valid until the store is deleted. NULL for an invalid handle.
     *
     * {@snippet lang=c :
     * struct nsw_context_t *nsw_store_context(struct nsw_store_t *store);
     * }
     */
    public static MemorySegment nsw_store_context(MemorySegment store) {
        var mh$ = nsw_store_context$handle();
        try {
            return (MemorySegment) mh$.invokeExact(store);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_context_store_id {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(uint64_t, C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_context_store_id");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_context_store_id} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_context_store_id$descriptor() {
        return nsw_context_store_id.DESC;
    }

    /** The downcall handle of {@code nsw_context_store_id}, resolved on first use. */
    public static MethodHandle nsw_context_store_id$handle() {
        requireBound("nsw_context_store_id");
        return nsw_context_store_id.Bound.HANDLE;
    }

    /** The address of {@code nsw_context_store_id} in the bound library. */
    public static MemorySegment nsw_context_store_id$address() {
        requireBound("nsw_context_store_id");
        return nsw_context_store_id.Bound.ADDR;
    }

    /**
     * The id of the store behind a context (a store's own, or a host call's
     * caller): unique in the process, never reused. 0 for an invalid handle.
     * Lets bindings find their object for a store from inside a host call.
     *
     * {@snippet lang=c :
     * uint64_t nsw_context_store_id(struct nsw_context_t *ctx);
     * }
     */
    public static long nsw_context_store_id(MemorySegment ctx) {
        var mh$ = nsw_context_store_id$handle();
        try {
            return (long) mh$.invokeExact(ctx);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_store_limits_set {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(
                C_POINTER, C_POINTER, int64_t, int64_t, int64_t, int64_t, int64_t);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_store_limits_set");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_store_limits_set} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_store_limits_set$descriptor() {
        return nsw_store_limits_set.DESC;
    }

    /** The downcall handle of {@code nsw_store_limits_set}, resolved on first use. */
    public static MethodHandle nsw_store_limits_set$handle() {
        requireBound("nsw_store_limits_set");
        return nsw_store_limits_set.Bound.HANDLE;
    }

    /** The address of {@code nsw_store_limits_set} in the bound library. */
    public static MemorySegment nsw_store_limits_set$address() {
        requireBound("nsw_store_limits_set");
        return nsw_store_limits_set.Bound.ADDR;
    }

    /**
     * Caps what instances in this store may use. A negative value means no
     * limit. Growth past a cap fails ({@code memory.grow} returns -1); instantiation
     * past it fails with NSW_ERROR_RESOURCE_LIMIT.
     *
     * {@snippet lang=c :
     * struct nsw_error_t *nsw_store_limits_set(struct nsw_store_t *store,
     *                                          int64_t memory_bytes,
     *                                          int64_t table_elements,
     *                                          int64_t instances,
     *                                          int64_t tables,
     *                                          int64_t memories);
     * }
     */
    public static MemorySegment nsw_store_limits_set(
            MemorySegment store,
            long memory_bytes,
            long table_elements,
            long instances,
            long tables,
            long memories) {
        var mh$ = nsw_store_limits_set$handle();
        try {
            return (MemorySegment) mh$.invokeExact(
                    store,
                    memory_bytes,
                    table_elements,
                    instances,
                    tables,
                    memories);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_context_fuel_set {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_POINTER, C_POINTER, uint64_t);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_context_fuel_set");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_context_fuel_set} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_context_fuel_set$descriptor() {
        return nsw_context_fuel_set.DESC;
    }

    /** The downcall handle of {@code nsw_context_fuel_set}, resolved on first use. */
    public static MethodHandle nsw_context_fuel_set$handle() {
        requireBound("nsw_context_fuel_set");
        return nsw_context_fuel_set.Bound.HANDLE;
    }

    /** The address of {@code nsw_context_fuel_set} in the bound library. */
    public static MemorySegment nsw_context_fuel_set$address() {
        requireBound("nsw_context_fuel_set");
        return nsw_context_fuel_set.Bound.ADDR;
    }

    /**
     * Sets the fuel left (engines made with {@code fuel}).
     *
     * {@snippet lang=c :
     * struct nsw_error_t *nsw_context_fuel_set(struct nsw_context_t *ctx, uint64_t fuel);
     * }
     */
    public static MemorySegment nsw_context_fuel_set(MemorySegment ctx, long fuel) {
        var mh$ = nsw_context_fuel_set$handle();
        try {
            return (MemorySegment) mh$.invokeExact(ctx, fuel);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_context_fuel_get {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_POINTER, C_POINTER, C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_context_fuel_get");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_context_fuel_get} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_context_fuel_get$descriptor() {
        return nsw_context_fuel_get.DESC;
    }

    /** The downcall handle of {@code nsw_context_fuel_get}, resolved on first use. */
    public static MethodHandle nsw_context_fuel_get$handle() {
        requireBound("nsw_context_fuel_get");
        return nsw_context_fuel_get.Bound.HANDLE;
    }

    /** The address of {@code nsw_context_fuel_get} in the bound library. */
    public static MemorySegment nsw_context_fuel_get$address() {
        requireBound("nsw_context_fuel_get");
        return nsw_context_fuel_get.Bound.ADDR;
    }

    /**
     * Reads the fuel left (engines made with {@code fuel}).
     *
     * {@snippet lang=c :
     * struct nsw_error_t *nsw_context_fuel_get(struct nsw_context_t *ctx, uint64_t *out_fuel);
     * }
     */
    public static MemorySegment nsw_context_fuel_get(MemorySegment ctx, MemorySegment out_fuel) {
        var mh$ = nsw_context_fuel_get$handle();
        try {
            return (MemorySegment) mh$.invokeExact(ctx, out_fuel);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_context_epoch_deadline_set {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_POINTER, C_POINTER, uint64_t);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_context_epoch_deadline_set");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_context_epoch_deadline_set} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_context_epoch_deadline_set$descriptor() {
        return nsw_context_epoch_deadline_set.DESC;
    }

    /** The downcall handle of {@code nsw_context_epoch_deadline_set}, resolved on first use. */
    public static MethodHandle nsw_context_epoch_deadline_set$handle() {
        requireBound("nsw_context_epoch_deadline_set");
        return nsw_context_epoch_deadline_set.Bound.HANDLE;
    }

    /** The address of {@code nsw_context_epoch_deadline_set} in the bound library. */
    public static MemorySegment nsw_context_epoch_deadline_set$address() {
        requireBound("nsw_context_epoch_deadline_set");
        return nsw_context_epoch_deadline_set.Bound.ADDR;
    }

    /**
     * Sets the epoch deadline {@code ticks} increments of the engine's epoch from now
     * (engines made with {@code epoch}). Reaching it traps with {@code Interrupt}.
     *
     * {@snippet lang=c :
     * struct nsw_error_t *nsw_context_epoch_deadline_set(struct nsw_context_t *ctx, uint64_t ticks);
     * }
     */
    public static MemorySegment nsw_context_epoch_deadline_set(MemorySegment ctx, long ticks) {
        var mh$ = nsw_context_epoch_deadline_set$handle();
        try {
            return (MemorySegment) mh$.invokeExact(ctx, ticks);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_context_externref_new {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(
                C_POINTER, C_POINTER, uint64_t, C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_context_externref_new");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_context_externref_new} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_context_externref_new$descriptor() {
        return nsw_context_externref_new.DESC;
    }

    /** The downcall handle of {@code nsw_context_externref_new}, resolved on first use. */
    public static MethodHandle nsw_context_externref_new$handle() {
        requireBound("nsw_context_externref_new");
        return nsw_context_externref_new.Bound.HANDLE;
    }

    /** The address of {@code nsw_context_externref_new} in the bound library. */
    public static MemorySegment nsw_context_externref_new$address() {
        requireBound("nsw_context_externref_new");
        return nsw_context_externref_new.Bound.ADDR;
    }

    /**
     * Wraps a host value id in a new externref and returns its ref id.
     *
     * {@snippet lang=c :
     * struct nsw_error_t *nsw_context_externref_new(struct nsw_context_t *ctx,
     *                                               uint64_t host_id,
     *                                               uint64_t *out_ref_id);
     * }
     */
    public static MemorySegment nsw_context_externref_new(
            MemorySegment ctx,
            long host_id,
            MemorySegment out_ref_id) {
        var mh$ = nsw_context_externref_new$handle();
        try {
            return (MemorySegment) mh$.invokeExact(ctx, host_id, out_ref_id);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_context_externref_host_id {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(
                C_POINTER, C_POINTER, uint64_t, C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_context_externref_host_id");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_context_externref_host_id} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_context_externref_host_id$descriptor() {
        return nsw_context_externref_host_id.DESC;
    }

    /** The downcall handle of {@code nsw_context_externref_host_id}, resolved on first use. */
    public static MethodHandle nsw_context_externref_host_id$handle() {
        requireBound("nsw_context_externref_host_id");
        return nsw_context_externref_host_id.Bound.HANDLE;
    }

    /** The address of {@code nsw_context_externref_host_id} in the bound library. */
    public static MemorySegment nsw_context_externref_host_id$address() {
        requireBound("nsw_context_externref_host_id");
        return nsw_context_externref_host_id.Bound.ADDR;
    }

    /**
     * The host value id inside externref {@code ref_id} (one made by
     * {@code nsw_context_externref_new}; others are an error).
     *
     * {@snippet lang=c :
     * struct nsw_error_t *nsw_context_externref_host_id(struct nsw_context_t *ctx,
     *                                                   uint64_t ref_id,
     *                                                   uint64_t *out_host_id);
     * }
     */
    public static MemorySegment nsw_context_externref_host_id(
            MemorySegment ctx,
            long ref_id,
            MemorySegment out_host_id) {
        var mh$ = nsw_context_externref_host_id$handle();
        try {
            return (MemorySegment) mh$.invokeExact(ctx, ref_id, out_host_id);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_context_ref_release {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_BOOL, C_POINTER, uint64_t);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_context_ref_release");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_context_ref_release} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_context_ref_release$descriptor() {
        return nsw_context_ref_release.DESC;
    }

    /** The downcall handle of {@code nsw_context_ref_release}, resolved on first use. */
    public static MethodHandle nsw_context_ref_release$handle() {
        requireBound("nsw_context_ref_release");
        return nsw_context_ref_release.Bound.HANDLE;
    }

    /** The address of {@code nsw_context_ref_release} in the bound library. */
    public static MemorySegment nsw_context_ref_release$address() {
        requireBound("nsw_context_ref_release");
        return nsw_context_ref_release.Bound.ADDR;
    }

    /**
     * Releases a ref id; returns false when it was not live.
     *
     * {@snippet lang=c :
     * bool nsw_context_ref_release(struct nsw_context_t *ctx, uint64_t ref_id);
     * }
     */
    public static boolean nsw_context_ref_release(MemorySegment ctx, long ref_id) {
        var mh$ = nsw_context_ref_release$handle();
        try {
            return (boolean) mh$.invokeExact(ctx, ref_id);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_abi_version {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(uint32_t);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_abi_version");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_abi_version} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_abi_version$descriptor() {
        return nsw_abi_version.DESC;
    }

    /** The downcall handle of {@code nsw_abi_version}, resolved on first use. */
    public static MethodHandle nsw_abi_version$handle() {
        requireBound("nsw_abi_version");
        return nsw_abi_version.Bound.HANDLE;
    }

    /** The address of {@code nsw_abi_version} in the bound library. */
    public static MemorySegment nsw_abi_version$address() {
        requireBound("nsw_abi_version");
        return nsw_abi_version.Bound.ADDR;
    }

    /**
     * The C ABI version of this library ({@code NSW_ABI_VERSION} of its header).
     *
     * {@snippet lang=c :
     * uint32_t nsw_abi_version(void);
     * }
     */
    public static int nsw_abi_version() {
        var mh$ = nsw_abi_version$handle();
        try {
            return (int) mh$.invokeExact();
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nsw_wasmtime_version {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(C_POINTER, C_POINTER);

        private static final class Bound {
            static final MemorySegment ADDR = findOrThrow("nsw_wasmtime_version");
            static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        }
    }

    /** The descriptor of {@code nsw_wasmtime_version} (no symbol lookup, no handle). */
    public static FunctionDescriptor nsw_wasmtime_version$descriptor() {
        return nsw_wasmtime_version.DESC;
    }

    /** The downcall handle of {@code nsw_wasmtime_version}, resolved on first use. */
    public static MethodHandle nsw_wasmtime_version$handle() {
        requireBound("nsw_wasmtime_version");
        return nsw_wasmtime_version.Bound.HANDLE;
    }

    /** The address of {@code nsw_wasmtime_version} in the bound library. */
    public static MemorySegment nsw_wasmtime_version$address() {
        requireBound("nsw_wasmtime_version");
        return nsw_wasmtime_version.Bound.ADDR;
    }

    /**
     * The Wasmtime version this runtime embeds, as UTF-8 (not NUL-terminated).
     *
     * {@snippet lang=c :
     * void nsw_wasmtime_version(const uint8_t **out_ptr, size_t *out_len);
     * }
     */
    public static void nsw_wasmtime_version(MemorySegment out_ptr, MemorySegment out_len) {
        var mh$ = nsw_wasmtime_version$handle();
        try {
            mh$.invokeExact(out_ptr, out_len);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }
    // ---------------------------------------------------------------- index, for the provider and the drift test

    private static final List<String> FUNCTION_NAMES = List.of(
            "nsw_engine_new",
            "nsw_engine_delete",
            "nsw_engine_increment_epoch",
            "nsw_engine_settings",
            "nsw_error_new",
            "nsw_error_delete",
            "nsw_error_kind",
            "nsw_error_message",
            "nsw_error_trap_code",
            "nsw_error_frame_count",
            "nsw_error_frame",
            "nsw_extern_delete",
            "nsw_extern_type",
            "nsw_func_call",
            "nsw_memory_data",
            "nsw_memory_size",
            "nsw_memory_grow",
            "nsw_global_get",
            "nsw_global_set",
            "nsw_table_size",
            "nsw_table_get",
            "nsw_table_set",
            "nsw_table_grow",
            "nsw_global_new",
            "nsw_memory_new",
            "nsw_table_new",
            "nsw_context_funcref_new",
            "nsw_context_funcref_get",
            "nsw_linker_instantiate",
            "nsw_instance_delete",
            "nsw_instance_export_get",
            "nsw_context_caller_export",
            "nsw_linker_new",
            "nsw_linker_delete",
            "nsw_linker_allow_shadowing",
            "nsw_linker_define_func",
            "nsw_func_new",
            "nsw_linker_define",
            "nsw_linker_define_instance",
            "nsw_module_verify",
            "nsw_module_new",
            "nsw_module_new_unchecked_raw",
            "nsw_module_delete",
            "nsw_module_import_count",
            "nsw_module_export_count",
            "nsw_module_import",
            "nsw_module_export",
            "nsw_store_new",
            "nsw_store_delete",
            "nsw_store_context", "nsw_context_store_id",
            "nsw_store_limits_set",
            "nsw_context_fuel_set",
            "nsw_context_fuel_get",
            "nsw_context_epoch_deadline_set",
            "nsw_context_externref_new",
            "nsw_context_externref_host_id",
            "nsw_context_ref_release",
            "nsw_abi_version",
            "nsw_wasmtime_version"
    );

    /** The C names of every function bound here, in header order. */
    public static List<String> functionNames() {
        return FUNCTION_NAMES;
    }

    /**
     * The descriptor of function {@code name}, without resolving its symbol or making a handle.
     *
     * @throws IllegalArgumentException when no function of that name is bound
     */
    public static FunctionDescriptor descriptor(String name) {
        return switch (name) {
            case "nsw_engine_new" -> nsw_engine_new.DESC;
            case "nsw_engine_delete" -> nsw_engine_delete.DESC;
            case "nsw_engine_increment_epoch" -> nsw_engine_increment_epoch.DESC;
            case "nsw_engine_settings" -> nsw_engine_settings.DESC;
            case "nsw_error_new" -> nsw_error_new.DESC;
            case "nsw_error_delete" -> nsw_error_delete.DESC;
            case "nsw_error_kind" -> nsw_error_kind.DESC;
            case "nsw_error_message" -> nsw_error_message.DESC;
            case "nsw_error_trap_code" -> nsw_error_trap_code.DESC;
            case "nsw_error_frame_count" -> nsw_error_frame_count.DESC;
            case "nsw_error_frame" -> nsw_error_frame.DESC;
            case "nsw_extern_delete" -> nsw_extern_delete.DESC;
            case "nsw_extern_type" -> nsw_extern_type.DESC;
            case "nsw_func_call" -> nsw_func_call.DESC;
            case "nsw_memory_data" -> nsw_memory_data.DESC;
            case "nsw_memory_size" -> nsw_memory_size.DESC;
            case "nsw_memory_grow" -> nsw_memory_grow.DESC;
            case "nsw_global_get" -> nsw_global_get.DESC;
            case "nsw_global_set" -> nsw_global_set.DESC;
            case "nsw_table_size" -> nsw_table_size.DESC;
            case "nsw_table_get" -> nsw_table_get.DESC;
            case "nsw_table_set" -> nsw_table_set.DESC;
            case "nsw_table_grow" -> nsw_table_grow.DESC;
            case "nsw_global_new" -> nsw_global_new.DESC;
            case "nsw_memory_new" -> nsw_memory_new.DESC;
            case "nsw_table_new" -> nsw_table_new.DESC;
            case "nsw_context_funcref_new" -> nsw_context_funcref_new.DESC;
            case "nsw_context_funcref_get" -> nsw_context_funcref_get.DESC;
            case "nsw_linker_instantiate" -> nsw_linker_instantiate.DESC;
            case "nsw_instance_delete" -> nsw_instance_delete.DESC;
            case "nsw_instance_export_get" -> nsw_instance_export_get.DESC;
            case "nsw_context_caller_export" -> nsw_context_caller_export.DESC;
            case "nsw_linker_new" -> nsw_linker_new.DESC;
            case "nsw_linker_delete" -> nsw_linker_delete.DESC;
            case "nsw_linker_allow_shadowing" -> nsw_linker_allow_shadowing.DESC;
            case "nsw_linker_define_func" -> nsw_linker_define_func.DESC;
            case "nsw_func_new" -> nsw_func_new.DESC;
            case "nsw_linker_define" -> nsw_linker_define.DESC;
            case "nsw_linker_define_instance" -> nsw_linker_define_instance.DESC;
            case "nsw_module_verify" -> nsw_module_verify.DESC;
            case "nsw_module_new" -> nsw_module_new.DESC;
            case "nsw_module_new_unchecked_raw" -> nsw_module_new_unchecked_raw.DESC;
            case "nsw_module_delete" -> nsw_module_delete.DESC;
            case "nsw_module_import_count" -> nsw_module_import_count.DESC;
            case "nsw_module_export_count" -> nsw_module_export_count.DESC;
            case "nsw_module_import" -> nsw_module_import.DESC;
            case "nsw_module_export" -> nsw_module_export.DESC;
            case "nsw_store_new" -> nsw_store_new.DESC;
            case "nsw_store_delete" -> nsw_store_delete.DESC;
            case "nsw_store_context" -> nsw_store_context.DESC;
            case "nsw_context_store_id" -> nsw_context_store_id.DESC;
            case "nsw_store_limits_set" -> nsw_store_limits_set.DESC;
            case "nsw_context_fuel_set" -> nsw_context_fuel_set.DESC;
            case "nsw_context_fuel_get" -> nsw_context_fuel_get.DESC;
            case "nsw_context_epoch_deadline_set" -> nsw_context_epoch_deadline_set.DESC;
            case "nsw_context_externref_new" -> nsw_context_externref_new.DESC;
            case "nsw_context_externref_host_id" -> nsw_context_externref_host_id.DESC;
            case "nsw_context_ref_release" -> nsw_context_ref_release.DESC;
            case "nsw_abi_version" -> nsw_abi_version.DESC;
            case "nsw_wasmtime_version" -> nsw_wasmtime_version.DESC;
            default -> throw new IllegalArgumentException("nsw.h has no function " + name + " bound in nsw_h");
        };
    }
}
