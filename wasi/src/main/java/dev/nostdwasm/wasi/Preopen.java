package dev.nostdwasm.wasi;

import java.nio.file.Path;

/**
 * A host directory the guest sees as {@code guestPath}: the root of everything a path through its
 * descriptor can reach.
 */
record Preopen(Path root, String guestPath, boolean readOnly) {}
