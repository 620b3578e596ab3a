package dev.nostdwasm.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The inputs of one build, the artifacts each is expected to give, and which of them are up to
 * date. Keeps the subdirectory of each input: {@code src/main/wasm/x/a.wat} gives
 * {@code <outputDirectory>/x/a.<profile>[.fuel][.epoch].<target>.cwasm}.
 */
final class Plan {

    /**
     * One input.
     *
     * @param source the file
     * @param relative {@code source} relative to the source directory
     * @param outputs the artifacts it gives, relative to the output directory, {@code /} separated
     */
    record Input(Path source, Path relative, List<String> outputs) {

        /** The subdirectory (of the output directory) its artifacts go to; "" for the top. */
        String subdirectory() {
            Path parent = relative.getParent();
            return parent == null ? "" : SourceScanner.slashed(parent);
        }
    }

    private final Path outputDirectory;
    private final List<Input> inputs;

    private Plan(Path outputDirectory, List<Input> inputs) {
        this.outputDirectory = outputDirectory;
        this.inputs = inputs;
    }

    /**
     * The plan for {@code relativeInputs} (relative to {@code sourceDirectory}).
     *
     * @throws IllegalArgumentException when two inputs would write the same artifact
     *         ({@code a.wat} and {@code a.wasm} in one directory), naming both
     */
    static Plan of(Path sourceDirectory, List<Path> relativeInputs, List<Combinations.Pair> pairs, boolean fuel,
            boolean epoch, Path outputDirectory) {
        List<Input> inputs = new ArrayList<>();
        Map<String, Path> writers = new HashMap<>();
        for (Path rel : relativeInputs) {
            Path parent = rel.getParent();
            String prefix = parent == null ? "" : SourceScanner.slashed(parent) + "/";
            List<String> outputs = Combinations.artifactNames(rel.getFileName().toString(), pairs, fuel, epoch).stream()
                    .map(name -> prefix + name).toList();
            for (String out : outputs) {
                Path other = writers.putIfAbsent(out, rel);
                if (other != null) {
                    throw new IllegalArgumentException(SourceScanner.slashed(other) + " and " + SourceScanner.slashed(rel)
                            + " would both be compiled to " + out + ": rename one of them or exclude it");
                }
            }
            inputs.add(new Input(sourceDirectory.resolve(rel), rel, outputs));
        }
        return new Plan(outputDirectory, List.copyOf(inputs));
    }

    List<Input> inputs() {
        return inputs;
    }

    Path outputDirectory() {
        return outputDirectory;
    }

    /** Every artifact this build should leave in the output directory. */
    Set<String> expectedOutputs() {
        Set<String> all = new LinkedHashSet<>();
        inputs.forEach(i -> all.addAll(i.outputs()));
        return all;
    }

    /**
     * The inputs to compile: all of them when {@code configurationUnchanged} is false, else
     * those with an artifact that is missing or older than the input.
     */
    List<Input> stale(boolean configurationUnchanged) throws IOException {
        if (!configurationUnchanged) {
            return inputs;
        }
        List<Input> stale = new ArrayList<>();
        for (Input input : inputs) {
            if (!outputsCurrent(input.source(), input.outputs().stream().map(outputDirectory::resolve).toList())) {
                stale.add(input);
            }
        }
        return stale;
    }

    /** Whether every output exists and was modified no earlier than {@code input}. */
    static boolean outputsCurrent(Path input, List<Path> outputs) throws IOException {
        FileTime in = Files.getLastModifiedTime(input);
        for (Path out : outputs) {
            if (!Files.isRegularFile(out) || Files.getLastModifiedTime(out).compareTo(in) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Deletes the artifacts {@code previous} names that this build does not expect (their input
     * was removed, or the configuration dropped a target or profile).
     *
     * @return how many files were deleted
     */
    int deleteOrphans(Set<String> previous) throws IOException {
        Set<String> expected = expectedOutputs();
        Path root = outputDirectory.toAbsolutePath().normalize();
        int deleted = 0;
        for (String old : previous) {
            if (expected.contains(old) || !old.endsWith(".cwasm")) {
                continue;
            }
            Path file = root.resolve(old).normalize();
            if (file.startsWith(root) && Files.deleteIfExists(file)) {
                deleted++;
            }
        }
        return deleted;
    }
}
