package dev.nostdwasm.precompiler;

import dev.nostdwasm.api.Profile;
import java.nio.file.Path;

/**
 * One artifact written: {@code <input stem>.<profile>[.fuel][.epoch].<target>.cwasm} ({@link
 * dev.nostdwasm.api.ArtifactName}) in the output directory.
 */
public record CompiledArtifact(Path input, Target target, Profile profile, Path file) {
}
