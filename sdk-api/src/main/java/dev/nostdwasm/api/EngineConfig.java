package dev.nostdwasm.api;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * How an engine is made. Fuel and epoch interruption change the compiled code, so they must
 * match the precompiler's {@code --fuel} and {@code --epoch} for every artifact the engine loads.
 * With {@linkplain #withTrustedKeys trusted keys}, the engine loads only artifacts signed by one
 * of them.
 */
public final class EngineConfig {
    private final Profile profile;
    private final boolean fuel;
    private final boolean epochInterruption;
    private final long maxWasmStack;
    private final List<PublicKey> trustedKeys;

    private EngineConfig(Profile profile, boolean fuel, boolean epochInterruption, long maxWasmStack,
            List<PublicKey> trustedKeys) {
        this.profile = profile;
        this.fuel = fuel;
        this.epochInterruption = epochInterruption;
        this.maxWasmStack = maxWasmStack;
        this.trustedKeys = trustedKeys;
    }

    /** A configuration for {@code profile}, without fuel or epochs, with the default stack limit. */
    public static EngineConfig of(Profile profile) {
        return new EngineConfig(Objects.requireNonNull(profile, "profile"), false, false, 0, List.of());
    }

    /** With fuel metering (artifacts compiled with {@code --fuel}). */
    public EngineConfig withFuel(boolean enabled) {
        return new EngineConfig(profile, enabled, epochInterruption, maxWasmStack, trustedKeys);
    }

    /** With epoch deadlines (artifacts compiled with {@code --epoch}). */
    public EngineConfig withEpochInterruption(boolean enabled) {
        return new EngineConfig(profile, fuel, enabled, maxWasmStack, trustedKeys);
    }

    /**
     * With a wasm stack limit of {@code bytes} (0: Wasmtime's default of 512 KiB). Keep it well
     * below the stack of the Java threads that call wasm.
     *
     * @throws IllegalArgumentException for a negative size
     */
    public EngineConfig withMaxWasmStack(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("max wasm stack must be >= 0 bytes, not " + bytes);
        }
        return new EngineConfig(profile, fuel, epochInterruption, bytes, trustedKeys);
    }

    /**
     * Trusting exactly {@code keys} (Ed25519 public keys, e.g. from {@link TrustedKeys#readPem}); an
     * empty collection trusts none and turns signature checks off again.
     *
     * <p>With at least one key, {@link Engine#load} checks in Java, before any native code sees a
     * byte, that the artifact is signed ({@code nsw-precompile --sign-key}), that its signature
     * over the envelope header verifies with one of these keys, and that its payload matches the
     * SHA-256 in that header; otherwise it throws {@link ArtifactSignatureException}.
     * {@link Engine#loadRawUnsafe} is refused. Without keys the runtime still checks the payload's
     * SHA-256 (damage), but ignores signatures.
     *
     * @throws IllegalArgumentException when a key is not an Ed25519 public key
     */
    public EngineConfig withTrustedKeys(Collection<? extends PublicKey> keys) {
        Objects.requireNonNull(keys, "keys");
        List<PublicKey> checked = new ArrayList<>(keys.size());
        for (PublicKey key : keys) {
            checked.add(TrustedKeys.requireEd25519(key));
        }
        return new EngineConfig(profile, fuel, epochInterruption, maxWasmStack, List.copyOf(checked));
    }

    public Profile profile() {
        return profile;
    }

    public boolean fuel() {
        return fuel;
    }

    public boolean epochInterruption() {
        return epochInterruption;
    }

    /** The wasm stack limit in bytes; 0 means Wasmtime's default. */
    public long maxWasmStack() {
        return maxWasmStack;
    }

    /** The trusted signing keys (unmodifiable); empty when signatures are not checked. */
    public List<PublicKey> trustedKeys() {
        return trustedKeys;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EngineConfig c && c.profile == profile && c.fuel == fuel
                && c.epochInterruption == epochInterruption && c.maxWasmStack == maxWasmStack
                && c.trustedKeys.equals(trustedKeys);
    }

    @Override
    public int hashCode() {
        return Objects.hash(profile, fuel, epochInterruption, maxWasmStack, trustedKeys);
    }

    @Override
    public String toString() {
        return "EngineConfig[" + profile.cliName() + (fuel ? ", fuel" : "") + (epochInterruption ? ", epoch" : "")
                + (maxWasmStack > 0 ? ", max wasm stack " + maxWasmStack : "")
                + (trustedKeys.isEmpty() ? "" : ", " + trustedKeys.size() + " trusted key" + (trustedKeys.size() == 1 ? "" : "s"))
                + "]";
    }
}
