package dev.nostdwasm.api;

import java.util.Objects;

/**
 * How an engine is made. Fuel and epoch interruption change the compiled code, so they must
 * match the precompiler's {@code --fuel} and {@code --epoch} for every artifact the engine loads.
 */
public final class EngineConfig {
    private final Profile profile;
    private final boolean fuel;
    private final boolean epochInterruption;
    private final long maxWasmStack;

    private EngineConfig(Profile profile, boolean fuel, boolean epochInterruption, long maxWasmStack) {
        this.profile = profile;
        this.fuel = fuel;
        this.epochInterruption = epochInterruption;
        this.maxWasmStack = maxWasmStack;
    }

    /** A configuration for {@code profile}, without fuel or epochs, with the default stack limit. */
    public static EngineConfig of(Profile profile) {
        return new EngineConfig(Objects.requireNonNull(profile, "profile"), false, false, 0);
    }

    /** With fuel metering (artifacts compiled with {@code --fuel}). */
    public EngineConfig withFuel(boolean enabled) {
        return new EngineConfig(profile, enabled, epochInterruption, maxWasmStack);
    }

    /** With epoch deadlines (artifacts compiled with {@code --epoch}). */
    public EngineConfig withEpochInterruption(boolean enabled) {
        return new EngineConfig(profile, fuel, enabled, maxWasmStack);
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
        return new EngineConfig(profile, fuel, epochInterruption, bytes);
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

    @Override
    public boolean equals(Object o) {
        return o instanceof EngineConfig c && c.profile == profile && c.fuel == fuel
                && c.epochInterruption == epochInterruption && c.maxWasmStack == maxWasmStack;
    }

    @Override
    public int hashCode() {
        return Objects.hash(profile, fuel, epochInterruption, maxWasmStack);
    }

    @Override
    public String toString() {
        return "EngineConfig[" + profile.cliName() + (fuel ? ", fuel" : "") + (epochInterruption ? ", epoch" : "")
                + (maxWasmStack > 0 ? ", max wasm stack " + maxWasmStack : "") + "]";
    }
}
