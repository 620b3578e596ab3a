package dev.nostdwasm.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The file name of an artifact: {@code <stem>.<profile>[.fuel][.epoch].<target>.cwasm}, e.g.
 * {@code add.native.x86_64.cwasm} or {@code add.pulley.fuel.epoch.pulley64.cwasm}. The precompiler,
 * the Maven plugin and the {@code nsw} command line write artifacts under this name, and
 * {@link Engine#loadResource} looks for it, so artifacts built with different settings never
 * overwrite each other and an engine finds the one made for it.
 *
 * @param stem the module's name: its source file's name without the extension ({@code add} for
 *     {@code add.wat}); not empty, no {@code /}
 * @param profile the profile the code was compiled for
 * @param target what the code is for: {@code x86_64}, {@code aarch64} or {@code pulley64}
 * @param fuel compiled with fuel metering
 * @param epoch compiled with epoch interruption
 */
public record ArtifactName(String stem, Profile profile, String target, boolean fuel, boolean epoch) {

    /** The targets an artifact can be compiled for, as the precompiler's {@code --target} names them. */
    public static final List<String> TARGETS = List.of("x86_64", "aarch64", "pulley64");

    /** The file name extension of artifacts. */
    public static final String EXTENSION = ".cwasm";

    /**
     * Checks the components (see the class comment).
     *
     * @throws IllegalArgumentException for an empty stem or one with a {@code /}, an unknown
     *     target, or a profile that cannot run on the target (only {@code pulley} runs on {@code pulley64})
     */
    public ArtifactName {
        Objects.requireNonNull(stem, "stem");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(target, "target");
        if (stem.isEmpty() || stem.contains("/")) {
            throw new IllegalArgumentException("an artifact's stem is its module's file name without the extension"
                    + " (add for add.wat), not '" + stem + "'");
        }
        if (!TARGETS.contains(target)) {
            throw new IllegalArgumentException("unknown target '" + target + "': use one of " + TARGETS);
        }
        if ((profile == Profile.PULLEY) != target.equals("pulley64")) {
            throw new IllegalArgumentException("profile " + profile.cliName() + " does not go with target " + target
                    + ": the pulley profile holds code for pulley64 only, native and native-signals for x86_64 or aarch64");
        }
    }

    /**
     * The name of module {@code stem}'s artifact for engines of {@code config} on this machine.
     *
     * @param stem the module's name (see the class comment)
     * @param config the engine's configuration: its profile, fuel and epoch settings count
     * @return the artifact's name
     */
    public static ArtifactName forEngine(String stem, EngineConfig config) {
        Profile profile = config.profile();
        return new ArtifactName(stem, profile, targetOf(profile), config.fuel(), config.epochInterruption());
    }

    /**
     * The target an engine of {@code profile} runs on this machine.
     *
     * @param profile the engine's profile
     * @return {@code pulley64} for the pulley profile, else this CPU's architecture ({@code x86_64}
     *     or {@code aarch64})
     */
    public static String targetOf(Profile profile) {
        return profile == Profile.PULLEY ? "pulley64" : Architecture.current().id();
    }

    /**
     * Every name an artifact of module {@code stem} can have: each fitting profile and target,
     * with and without fuel and epoch.
     *
     * @param stem the module's name (see the class comment)
     * @return the names, a new modifiable list
     */
    public static List<ArtifactName> every(String stem) {
        List<ArtifactName> names = new ArrayList<>();
        for (Profile profile : Profile.values()) {
            for (String target : TARGETS) {
                if ((profile == Profile.PULLEY) == target.equals("pulley64")) {
                    for (int switches = 0; switches < 4; switches++) {
                        names.add(new ArtifactName(stem, profile, target, (switches & 1) != 0, (switches & 2) != 0));
                    }
                }
            }
        }
        return names;
    }

    /** {@return the file name, e.g. {@code add.native.fuel.x86_64.cwasm}} */
    public String fileName() {
        return stem + "." + profile.cliName() + (fuel ? ".fuel" : "") + (epoch ? ".epoch" : "") + "." + target + EXTENSION;
    }

    /**
     * The precompiler options that write this artifact, as {@code nsw-precompile} and {@code nsw
     * compile} take them (the Maven plugin's configuration has the same names).
     *
     * @return the options, separated by spaces, e.g. {@code --profile native --target x86_64 --fuel}
     */
    public String precompilerOptions() {
        return "--profile " + profile.cliName() + " --target " + target + (fuel ? " --fuel" : "") + (epoch ? " --epoch" : "");
    }

    @Override
    public String toString() {
        return fileName();
    }
}
