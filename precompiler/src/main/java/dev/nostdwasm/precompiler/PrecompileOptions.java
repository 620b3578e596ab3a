package dev.nostdwasm.precompiler;

import dev.nostdwasm.api.Profile;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * What to compile each input into: every target × profile combination that fits (the
 * {@code pulley} profile goes with target {@code pulley64} only; native profiles with CPU
 * targets), with fuel and epoch checks compiled in or not, signed when a key is given.
 *
 * @param targets at least one
 * @param profiles at least one
 * @param fuel compiled code counts fuel (engines loading it must enable fuel)
 * @param epoch compiled code checks epoch deadlines (engines loading it must enable epochs)
 * @param signingKey an Ed25519 private key, PKCS#8 PEM ({@link SigningKeys#generate})
 */
public record PrecompileOptions(Set<Target> targets, Set<Profile> profiles, boolean fuel, boolean epoch,
        Optional<Path> signingKey) {

    /**
     * Checks and copies the components.
     *
     * @throws IllegalArgumentException when {@code targets} or {@code profiles} is empty
     */
    public PrecompileOptions {
        targets = Set.copyOf(targets);
        profiles = Set.copyOf(profiles);
        if (targets.isEmpty() || profiles.isEmpty()) {
            throw new IllegalArgumentException("name at least one target and one profile");
        }
        java.util.Objects.requireNonNull(signingKey, "signingKey");
    }

    /**
     * {@code targets} × {@code profiles}, no fuel, no epochs, unsigned.
     *
     * @param targets at least one
     * @param profiles at least one
     * @return the options
     * @throws IllegalArgumentException when {@code targets} or {@code profiles} is empty
     */
    public static PrecompileOptions of(Set<Target> targets, Set<Profile> profiles) {
        return new PrecompileOptions(targets, profiles, false, false, Optional.empty());
    }

    /**
     * With fuel metering compiled in or not.
     *
     * @param on whether compiled code counts fuel (engines loading it must enable fuel)
     * @return a copy of these options with that setting
     */
    public PrecompileOptions withFuel(boolean on) {
        return new PrecompileOptions(targets, profiles, on, epoch, signingKey);
    }

    /**
     * With epoch deadline checks compiled in or not.
     *
     * @param on whether compiled code checks epoch deadlines (engines loading it must enable epochs)
     * @return a copy of these options with that setting
     */
    public PrecompileOptions withEpoch(boolean on) {
        return new PrecompileOptions(targets, profiles, fuel, on, signingKey);
    }

    /**
     * Signing every artifact with {@code key}.
     *
     * @param key an Ed25519 private key file, PKCS#8 PEM ({@link SigningKeys#generate})
     * @return a copy of these options with that key
     */
    public PrecompileOptions withSigningKey(Path key) {
        return new PrecompileOptions(targets, profiles, fuel, epoch, Optional.of(key));
    }
}
