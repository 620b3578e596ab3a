package dev.nostdwasm.precompiler;

import java.util.List;

/** Progress of a batch: called once per input, in completion order, from the calling thread. */
@FunctionalInterface
public interface PrecompileListener {

    /** {@code input} is done ({@code done} of {@code total}); {@code artifacts} are what it gave. */
    void compiled(java.nio.file.Path input, List<CompiledArtifact> artifacts, int done, int total);

    /** Ignores progress. */
    PrecompileListener NONE = (input, artifacts, done, total) -> { };
}
