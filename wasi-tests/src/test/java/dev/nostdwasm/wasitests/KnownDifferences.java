package dev.nostdwasm.wasitests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The differences from the reference that our SDK keeps on purpose, each with its reason: the file
 * known-differences.txt, whose header says its format. A difference of a case under a runner is
 * explained when an entry names that case, matches that runner and lists that part of the outcome.
 */
final class KnownDifferences {

    /** The parts of an outcome an entry can name, in the words of the file. */
    private static final Set<String> PARTS = Set.of("error", "exit", "stdout", "stderr", "tree");

    /** How the reason of a difference that is a fault of ours (not a choice) starts. */
    static final String TO_FIX = "to fix:";

    private record Entry(String caseName, List<String> runners, Set<String> parts, String reason) {

        boolean matches(String caseName, String runner) {
            return this.caseName.equals(caseName) && runners.stream().anyMatch(pattern -> matchesRunner(pattern, runner));
        }

        private static boolean matchesRunner(String pattern, String runner) {
            if (pattern.equals("*")) {
                return true;
            }
            String[] want = pattern.split("/", 2), have = runner.split("/", 2);
            return (want[0].equals("*") || want[0].equals(have[0])) && (want[1].equals("*") || want[1].equals(have[1]));
        }
    }

    private final List<Entry> entries;

    private KnownDifferences(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    static KnownDifferences read(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int hash = line.indexOf('#');
            String reason = hash < 0 ? "" : line.substring(hash + 1).strip();
            String[] words = (hash < 0 ? line : line.substring(0, hash)).strip().split("\\s+");
            String where = file + ":" + (i + 1);
            if (words.length != 3 || reason.isEmpty()) {
                throw new IllegalArgumentException(where + ": expected 'CASE RUNNERS PARTS  # REASON' (see the file's"
                        + " header), got: " + line);
            }
            List<String> runners = List.of(words[1].split(","));
            for (String runner : runners) {
                if (!runner.equals("*") && !runner.matches("[a-z*]+/[a-z*-]+")) {
                    throw new IllegalArgumentException(where + ": runner '" + runner + "' is neither * nor"
                            + " PROVIDER/PROFILE (either may be *), e.g. jni/pulley or */native");
                }
            }
            Set<String> parts = Set.of(words[2].split(","));
            if (!PARTS.containsAll(parts)) {
                throw new IllegalArgumentException(where + ": parts '" + words[2] + "' must be a comma-separated"
                        + " list of " + PARTS);
            }
            entries.add(new Entry(words[0], runners, parts, reason));
        }
        return new KnownDifferences(entries);
    }

    /**
     * The differences ({@link Outcome#differencesFrom} lines) of {@code caseName} under {@code runner}
     * that no entry explains.
     */
    List<String> unexplained(String caseName, String runner, List<String> differences) {
        List<String> left = new ArrayList<>();
        for (String difference : differences) {
            String part = partOf(difference);
            if (entries.stream().noneMatch(e -> e.matches(caseName, runner) && e.parts().contains(part))) {
                left.add(difference);
            }
        }
        return left;
    }

    /**
     * Whether an entry names {@code caseName} under {@code runner} with a reason starting with {@value
     * #TO_FIX}: a difference that is a fault of ours, listed so that the suite runs while it is open.
     */
    boolean toFix(String caseName, String runner) {
        return entries.stream().anyMatch(e -> e.matches(caseName, runner) && e.reason().startsWith(TO_FIX));
    }

    /** Whether an entry names {@code caseName} under {@code runner}: then it must differ, or the entry is stale. */
    boolean lists(String caseName, String runner) {
        return entries.stream().anyMatch(e -> e.matches(caseName, runner));
    }

    /** The part of the outcome a line of {@link Outcome#differencesFrom} is about. */
    private static String partOf(String difference) {
        if (difference.startsWith("ended in an error")) {
            return "error";
        } else if (difference.startsWith("exit code")) {
            return "exit";
        } else if (difference.startsWith("tree:")) {
            return "tree";
        }
        return difference.substring(0, difference.indexOf(':'));
    }
}
