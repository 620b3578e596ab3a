package dev.nostdwasm.precompiler;

import dev.nostdwasm.api.Profile;
import java.nio.file.Path;

/**
 * One artifact written: {@code <input stem>.<profile>[.fuel][.epoch].<target>.cwasm} ({@link
 * dev.nostdwasm.api.ArtifactName}) in the output directory.
 *
 * @param input the WebAssembly file it was compiled from
 * @param target what its code is for
 * @param profile the profile it was compiled for
 * @param file the artifact file written
 */
public record CompiledArtifact(Path input, Target target, Profile profile, Path file) {
}
