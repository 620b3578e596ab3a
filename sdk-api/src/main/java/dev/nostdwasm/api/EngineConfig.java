package dev.nostdwasm.api;

import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * How an engine is made. Fuel and epoch interruption change the compiled code, so they must
 * match the precompiler's {@code --fuel} and {@code --epoch} for every artifact the engine loads.
 *
 * <p><b>Which artifacts load.</b> An artifact is native code that runs in this process, so by
 * default {@link Engine#load} refuses every file, stream or byte array: give the engine the public
 * keys of the artifacts' signers ({@link #withTrustedKeys}), or, for artifacts you built yourself,
 * opt in with {@link #allowUnsignedArtifacts}. {@link Engine#loadResource} also loads an unsigned
 * artifact from the same jar or classes directory as its anchor class, and {@link Engine#compile}
 * its own cache entries; with trusted keys, every artifact must be signed.
 *
 * <p><b>Wasm stack.</b> Wasm recursion is cut off with {@link TrapCode#STACK_OVERFLOW} once it uses
 * {@linkplain #withMaxWasmStack the wasm stack limit}, counted from where the Java thread entered
 * wasm. On the native profiles wasm runs on the calling Java thread's own stack, and the limit is
 * per engine, so every thread that calls wasm or instantiates (the start function is wasm) must
 * have the limit left plus room for the host functions wasm calls and the JVM's guard zones; a call
 * from a thread with less is refused with {@link TrapCode#STACK_OVERFLOW} before any wasm runs, and
 * so is a host function's call into another store once the chain of stores has used up the
 * thread's stack (docs/security-and-limits.md has the numbers). Wasmtime's own default (512 KiB)
 * is more than a thread made with {@code new Thread(group, task, name, 256 * 1024)} has, so this
 * SDK's default is {@link #DEFAULT_MAX_WASM_STACK} (128 KiB), which leaves room on any thread of
 * 256 KiB or more with a shallow Java stack (JVM threads get 1 MiB by default on Linux x86_64,
 * {@code -Xss}). To recurse deeper, raise the limit
 * (at most {@link #MAX_WASM_STACK_LIMIT}) and call wasm only from threads made with a stack
 * comfortably bigger than it, e.g. {@code new Thread(null, task, "wasm", 8 << 20)} with {@code
 * withMaxWasmStack(2 << 20)}. The {@code pulley} profile interprets wasm on a stack of its own,
 * which the limit sizes, and does not use the thread's for wasm frames.
 */
public final class EngineConfig {
    private final Profile profile;
    private final boolean fuel;
    private final boolean epochInterruption;
    /** The default {@linkplain #epochTick() epoch tick}: 10 ms. */
    public static final Duration DEFAULT_EPOCH_TICK = Duration.ofMillis(10);
    /** The default {@linkplain #maxWasmStack() wasm stack limit}: 128 KiB (see the class comment). */
    public static final long DEFAULT_MAX_WASM_STACK = 128 * 1024;
    /** The largest {@linkplain #withMaxWasmStack wasm stack limit}: 2 MiB (Wasmtime's async stack size in this build). */
    public static final long MAX_WASM_STACK_LIMIT = 2 * 1024 * 1024;
    /** The shortest {@linkplain #withEpochTick epoch tick}: 1 ms. */
    public static final Duration MIN_EPOCH_TICK = Duration.ofMillis(1);

    private final long maxWasmStack;
    private final List<PublicKey> trustedKeys;
    private final boolean unsignedArtifactsAllowed;
    private final Duration epochTick;

    private EngineConfig(Profile profile, boolean fuel, boolean epochInterruption, long maxWasmStack,
            List<PublicKey> trustedKeys, boolean unsignedArtifactsAllowed, Duration epochTick) {
        this.profile = profile;
        this.fuel = fuel;
        this.epochInterruption = epochInterruption;
        this.maxWasmStack = maxWasmStack;
        this.trustedKeys = trustedKeys;
        this.unsignedArtifactsAllowed = unsignedArtifactsAllowed;
        this.epochTick = epochTick;
    }

    /**
     * A configuration for {@code profile}, without fuel or epochs, with the default stack limit and
     * epoch tick, no trusted keys, and unsigned artifacts refused (see the class comment).
     *
     * @param profile how the engine runs code; artifacts must be compiled for it
     * @return the configuration
     */
    public static EngineConfig of(Profile profile) {
        return new EngineConfig(Objects.requireNonNull(profile, "profile"), false, false, DEFAULT_MAX_WASM_STACK, List.of(),
                false, DEFAULT_EPOCH_TICK);
    }

    /**
     * With fuel metering (artifacts compiled with {@code --fuel}).
     *
     * @param enabled whether the engine meters fuel; it must match how the artifacts were compiled
     * @return a copy of this configuration with that setting
     */
    public EngineConfig withFuel(boolean enabled) {
        return new EngineConfig(profile, enabled, epochInterruption, maxWasmStack, trustedKeys, unsignedArtifactsAllowed, epochTick);
    }

    /**
     * With epoch deadlines (artifacts compiled with {@code --epoch}).
     *
     * @param enabled whether the engine checks epoch deadlines; it must match how the artifacts
     *     were compiled
     * @return a copy of this configuration with that setting
     */
    public EngineConfig withEpochInterruption(boolean enabled) {
        return new EngineConfig(profile, fuel, enabled, maxWasmStack, trustedKeys, unsignedArtifactsAllowed, epochTick);
    }

    /**
     * With {@code tick} between two increments of the epoch by the engine's ticker thread, which
     * {@link Store#setDeadline} starts (default {@link #DEFAULT_EPOCH_TICK}). Deadlines are
     * counted in ticks, so a deadline fires within about one tick of the time asked; shorter ticks
     * are more precise and cost a wake-up each. Meaningful only with {@linkplain
     * #withEpochInterruption epoch interruption}.
     *
     * @param tick the time between two epoch increments
     * @return a copy of this configuration with that tick
     * @throws IllegalArgumentException for a tick shorter than {@link #MIN_EPOCH_TICK}
     */
    public EngineConfig withEpochTick(Duration tick) {
        Objects.requireNonNull(tick, "tick");
        if (tick.compareTo(MIN_EPOCH_TICK) < 0) {
            throw new IllegalArgumentException("an epoch tick is at least " + MIN_EPOCH_TICK.toMillis() + " ms, not " + tick);
        }
        return new EngineConfig(profile, fuel, epochInterruption, maxWasmStack, trustedKeys, unsignedArtifactsAllowed, tick);
    }

    /**
     * With a wasm stack limit of {@code bytes} (0: {@link #DEFAULT_MAX_WASM_STACK}). Every Java
     * thread that calls wasm needs that much stack left, and more for the host functions wasm
     * calls, or the JVM crashes instead of wasm trapping; see the class comment for running wasm
     * on a thread with a bigger stack.
     *
     * @param bytes the limit in bytes, or 0 for the default
     * @return a copy of this configuration with that limit
     * @throws IllegalArgumentException for a negative size or one above {@link #MAX_WASM_STACK_LIMIT}
     */
    public EngineConfig withMaxWasmStack(long bytes) {
        if (bytes < 0 || bytes > MAX_WASM_STACK_LIMIT) {
            throw new IllegalArgumentException("max wasm stack must be 0.." + MAX_WASM_STACK_LIMIT
                    + " bytes (Wasmtime's async stack size bounds it), not " + bytes);
        }
        return new EngineConfig(profile, fuel, epochInterruption, bytes == 0 ? DEFAULT_MAX_WASM_STACK : bytes,
                trustedKeys, unsignedArtifactsAllowed, epochTick);
    }

    /**
     * Trusting exactly {@code keys} (Ed25519 public keys, e.g. from {@link TrustedKeys#readPem}); an
     * empty collection trusts none again.
     *
     * <p>With at least one key, every artifact the engine loads ({@link Engine#load}, {@link
     * Engine#loadResource}) is checked in Java, before any native code sees a byte: it must be signed
     * ({@code nsw-precompile --sign-key}), its signature over the envelope header must verify with
     * one of these keys, and its payload must match the SHA-256 in that header; otherwise it throws
     * {@link ArtifactSignatureException}. {@link Engine#loadRawUnsafe} and {@link Engine#compile},
     * whose artifacts cannot be signed, are refused. docs/SECURITY.md says what a signature binds.
     *
     * @param keys the keys to trust (copied); they replace any trusted before
     * @return a copy of this configuration with those keys
     * @throws IllegalArgumentException when a key is not an Ed25519 public key
     */
    public EngineConfig withTrustedKeys(Collection<? extends PublicKey> keys) {
        Objects.requireNonNull(keys, "keys");
        List<PublicKey> checked = new ArrayList<>(keys.size());
        for (PublicKey key : keys) {
            checked.add(TrustedKeys.requireEd25519(key));
        }
        return new EngineConfig(profile, fuel, epochInterruption, maxWasmStack, List.copyOf(checked), unsignedArtifactsAllowed,
                epochTick);
    }

    /**
     * Letting {@link Engine#load} load unsigned artifacts from any file, stream or byte array, as long
     * as no {@linkplain #withTrustedKeys trusted keys} are set (with keys, signatures are still required).
     *
     * <p><strong>Risk:</strong> an artifact is machine code that runs in this process with all its
     * rights; its SHA-256 only detects damage, since whoever can change the file can change the
     * digest with it. Load only artifacts you built yourself and protect like your own code (your
     * build's output, your jar); for anything that travels or is stored where others can write,
     * sign it ({@code nsw-precompile --sign-key}, or the Maven plugin's {@code signingKey}) and
     * trust the public key instead.
     *
     * @return a copy of this configuration that allows unsigned artifacts
     */
    public EngineConfig allowUnsignedArtifacts() {
        return new EngineConfig(profile, fuel, epochInterruption, maxWasmStack, trustedKeys, true, epochTick);
    }

    /**
     * The profile the engine runs code with.
     *
     * @return the profile
     */
    public Profile profile() {
        return profile;
    }

    /**
     * Whether the engine meters fuel ({@link #withFuel}).
     *
     * @return true with fuel metering
     */
    public boolean fuel() {
        return fuel;
    }

    /**
     * Whether the engine checks epoch deadlines ({@link #withEpochInterruption}).
     *
     * @return true with epoch deadlines
     */
    public boolean epochInterruption() {
        return epochInterruption;
    }

    /**
     * The time between two epoch increments of the engine's deadline ticker.
     *
     * @return the tick ({@link #DEFAULT_EPOCH_TICK} unless set)
     */
    public Duration epochTick() {
        return epochTick;
    }

    /**
     * The wasm stack limit.
     *
     * @return the limit in bytes ({@link #DEFAULT_MAX_WASM_STACK} unless set)
     */
    public long maxWasmStack() {
        return maxWasmStack;
    }

    /**
     * Whether {@link #allowUnsignedArtifacts} was called: unsigned artifacts load when no key is trusted.
     *
     * @return true after {@link #allowUnsignedArtifacts}
     */
    public boolean unsignedArtifactsAllowed() {
        return unsignedArtifactsAllowed;
    }

    /**
     * The trusted signing keys.
     *
     * @return the keys (unmodifiable); empty when no signature can be checked
     */
    public List<PublicKey> trustedKeys() {
        return trustedKeys;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EngineConfig c && c.profile == profile && c.fuel == fuel
                && c.epochInterruption == epochInterruption && c.maxWasmStack == maxWasmStack
                && c.trustedKeys.equals(trustedKeys) && c.unsignedArtifactsAllowed == unsignedArtifactsAllowed
                && c.epochTick.equals(epochTick);
    }

    @Override
    public int hashCode() {
        return Objects.hash(profile, fuel, epochInterruption, maxWasmStack, trustedKeys, unsignedArtifactsAllowed, epochTick);
    }

    @Override
    public String toString() {
        return "EngineConfig[" + profile.cliName() + (fuel ? ", fuel" : "") + (epochInterruption ? ", epoch" : "")
                + (maxWasmStack != DEFAULT_MAX_WASM_STACK ? ", max wasm stack " + maxWasmStack : "")
                + (epochTick.equals(DEFAULT_EPOCH_TICK) ? "" : ", epoch tick " + epochTick.toMillis() + " ms")
                + (trustedKeys.isEmpty() ? "" : ", " + trustedKeys.size() + " trusted key" + (trustedKeys.size() == 1 ? "" : "s"))
                + (unsignedArtifactsAllowed ? ", unsigned artifacts allowed" : "")
                + "]";
    }
}
