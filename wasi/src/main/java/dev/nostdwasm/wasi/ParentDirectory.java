package dev.nostdwasm.wasi;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The directory holding the last component of a {@link PathResolver.Resolved} path, opened from
 * the preopen's root one component at a time without following links, so that the operation acts
 * on what the resolver checked even if the tree changed since: a directory swapped for a link in
 * between makes the walk fail ({@code LOOP} or {@code NOTDIR}) instead of leading out.
 *
 * <p>This is done on the default file system, where other processes can change the tree, when it
 * has a {@link SecureDirectoryStream} ({@code openat} and friends: Linux and macOS do). Other file
 * systems (a zip file, an in-memory one that only this JVM can change) go by path after the
 * check; not every one that offers secure streams implements them fully (Jimfs cannot move a
 * link through one).
 */
final class ParentDirectory implements AutoCloseable {
    /** Null when the file system has no secure directory streams. */
    private final SecureDirectoryStream<Path> handle;
    private final PathResolver.Resolved resolved;

    private ParentDirectory(SecureDirectoryStream<Path> handle, PathResolver.Resolved resolved) {
        this.handle = handle;
        this.resolved = resolved;
    }

    /**
     * Opens the parent of {@code resolved} (of the root itself: the root). Every directory on the
     * way is opened with {@link LinkOption#NOFOLLOW_LINKS}.
     */
    static ParentDirectory open(PathResolver.Resolved resolved) throws IOException {
        if (resolved.preopen().root().getFileSystem() != FileSystems.getDefault()) {
            return new ParentDirectory(null, resolved);
        }
        DirectoryStream<Path> root = Files.newDirectoryStream(resolved.preopen().root());
        if (!(root instanceof SecureDirectoryStream<Path> current)) {
            root.close();
            return new ParentDirectory(null, resolved);
        }
        List<String> components = resolved.components();
        try {
            for (int i = 0; i < components.size() - 1; i++) {
                SecureDirectoryStream<Path> next = current.newDirectoryStream(relative(resolved, components.get(i)), LinkOption.NOFOLLOW_LINKS);
                current.close();
                current = next;
            }
        } catch (IOException | RuntimeException e) {
            current.close();
            throw e;
        }
        return new ParentDirectory(current, resolved);
    }

    /** True when operations here are immune to changes of the tree since the check. */
    boolean isSecure() {
        return handle != null;
    }

    /** Opens the last component as a file ({@code options} must hold {@link LinkOption#NOFOLLOW_LINKS}). */
    SeekableByteChannel newByteChannel(Set<OpenOption> options) throws IOException {
        if (handle != null) {
            return handle.newByteChannel(name(), options);
        }
        try {
            return Files.newByteChannel(resolved.hostPath(), options);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // A file system without links (a zip file) refuses NOFOLLOW_LINKS: there is nothing to follow.
            Set<OpenOption> withoutNofollow = new HashSet<>(options);
            withoutNofollow.remove(LinkOption.NOFOLLOW_LINKS);
            return Files.newByteChannel(resolved.hostPath(), withoutNofollow);
        }
    }

    /** Removes the last component, a file or a link. */
    void deleteFile() throws IOException {
        if (handle != null) {
            handle.deleteFile(name());
        } else {
            Files.delete(resolved.hostPath());
        }
    }

    /** Removes the last component, an empty directory. */
    void deleteDirectory() throws IOException {
        if (handle != null) {
            handle.deleteDirectory(name());
        } else {
            Files.delete(resolved.hostPath());
        }
    }

    /** Renames the last component to the last component of {@code target} (replacing what POSIX's rename replaces). */
    void moveTo(ParentDirectory target) throws IOException {
        if (handle != null && target.handle != null) {
            handle.move(name(), target.handle, target.name());
        } else {
            try {
                Files.move(resolved.hostPath(), target.resolved.hostPath(), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(resolved.hostPath(), target.resolved.hostPath(), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Sets the access and modification times (null: unchanged) of the last component itself. */
    void setTimes(FileTime[] times) throws IOException {
        if (times[0] == null && times[1] == null) {
            return;
        }
        BasicFileAttributeView view;
        if (handle == null) {
            view = Files.getFileAttributeView(resolved.hostPath(), BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        } else if (resolved.isRoot()) {
            view = handle.getFileAttributeView(BasicFileAttributeView.class);
        } else {
            view = handle.getFileAttributeView(name(), BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        }
        view.setTimes(times[1], times[0], null);
    }

    /** The names in the last component, a directory. */
    List<String> list() throws IOException {
        List<String> names = new ArrayList<>();
        DirectoryStream<Path> stream = handle == null
                ? Files.newDirectoryStream(resolved.hostPath())
                : resolved.isRoot() ? handle : handle.newDirectoryStream(name(), LinkOption.NOFOLLOW_LINKS);
        try {
            for (Path p : stream) {
                names.add(p.getFileName().toString());
            }
        } finally {
            if (stream != handle) {
                stream.close();
            }
        }
        return names;
    }

    private Path name() {
        List<String> components = resolved.components();
        return relative(resolved, components.get(components.size() - 1));
    }

    private static Path relative(PathResolver.Resolved resolved, String name) {
        return resolved.preopen().root().getFileSystem().getPath(name);
    }

    @Override
    public void close() throws IOException {
        if (handle != null) {
            handle.close();
        }
    }
}
