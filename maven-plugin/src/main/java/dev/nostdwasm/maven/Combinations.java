package dev.nostdwasm.maven;

import dev.nostdwasm.api.ArtifactName;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.precompiler.Target;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Which artifacts the precompiler writes for one input: every target × profile pair that fits
 * (the {@code pulley} profile with target {@code pulley64} only, the native profiles with CPU
 * targets), named {@code <input stem>.<profile>[.fuel][.epoch].<target>.cwasm} ({@link ArtifactName}),
 * as the precompiler names them.
 */
final class Combinations {

    private Combinations() {
    }

    static boolean fits(Target target, Profile profile) {
        return (profile == Profile.PULLEY) == (target == Target.PULLEY64);
    }

    /** The fitting pairs, in a stable order (profile, then target). */
    static List<Pair> pairs(Set<Target> targets, Set<Profile> profiles) {
        List<Pair> pairs = new ArrayList<>();
        for (Profile p : profiles) {
            for (Target t : targets) {
                if (fits(t, p)) {
                    pairs.add(new Pair(t, p));
                }
            }
        }
        pairs.sort(Comparator.comparing((Pair x) -> x.profile().ordinal()).thenComparing(x -> x.target().ordinal()));
        return pairs;
    }

    /** {@code a.wat} → {@code a}; like Rust's {@code Path::file_stem}. */
    static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** The file names written for the input named {@code inputFileName}, compiled with or without fuel and epochs. */
    static List<String> artifactNames(String inputFileName, List<Pair> pairs, boolean fuel, boolean epoch) {
        String stem = stem(inputFileName);
        return pairs.stream()
                .map(p -> new ArtifactName(stem, p.profile(), p.target().cliName(), fuel, epoch).fileName())
                .toList();
    }

    record Pair(Target target, Profile profile) {
    }
}
