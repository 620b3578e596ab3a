package dev.nostdwasm.wasi;

import java.nio.file.Path;
import java.util.List;

/**
 * A directory inside {@code preopen}, named by {@code components} below its root. Each component
 * was checked to be a directory and not a symbolic link when the directory was opened ({@link
 * PathResolver}).
 *
 * @param preopenName the guest path when this is a preopen itself, else null
 */
record DirectoryDescriptor(Preopen preopen, List<String> components, String preopenName) implements Descriptor {

    DirectoryDescriptor {
        components = List.copyOf(components);
    }

    /** The directory on the host. */
    Path hostPath() {
        return PathResolver.hostPath(preopen, components);
    }

    /** This directory as a resolved path. */
    PathResolver.Resolved resolved() {
        return new PathResolver.Resolved(preopen, components, hostPath());
    }
}
