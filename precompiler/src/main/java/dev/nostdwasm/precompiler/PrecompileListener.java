package dev.nostdwasm.precompiler;

import java.util.List;

/** Progress of a batch: called once per input, in completion order, from the calling thread. */
@FunctionalInterface
public interface PrecompileListener {

    /**
     * {@code input} is done ({@code done} of {@code total}); {@code artifacts} are what it gave.
     *
     * @param input the WebAssembly file compiled
     * @param artifacts the artifacts written for it
     * @param done how many inputs are done, this one included (1 to {@code total})
     * @param total how many inputs the batch has
     */
    void compiled(java.nio.file.Path input, List<CompiledArtifact> artifacts, int done, int total);

    /** Ignores progress. */
    PrecompileListener NONE = (input, artifacts, done, total) -> { };
}
