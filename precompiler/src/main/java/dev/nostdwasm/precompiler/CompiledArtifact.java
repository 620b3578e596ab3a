package dev.nostdwasm.precompiler;

import dev.nostdwasm.api.Profile;
import java.nio.file.Path;

/** One artifact written: {@code <input stem>.<profile>.<target>.cwasm} in the output directory. */
public record CompiledArtifact(Path input, Target target, Profile profile, Path file) {
}
