package dev.nostdwasm.wasi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The guest's file descriptors. A new descriptor takes the highest number freed so far, else one
 * past the highest in use: the numbering the standard Wasmtime CLI gives, so that programs that
 * print descriptor numbers print the same.
 */
final class FdTable {
    private final TreeMap<Integer, Descriptor> used = new TreeMap<>();
    private final TreeSet<Integer> free = new TreeSet<>();

    /** Adds {@code descriptor} and returns its number. */
    int add(Descriptor descriptor) throws ErrnoException {
        Integer fd = free.pollLast();
        if (fd == null) {
            fd = used.isEmpty() ? 0 : used.lastKey() + 1;
            if (fd < 0) {
                throw new ErrnoException(Errno.NOSPC); // 2^31 descriptors: not reachable in practice
            }
        }
        used.put(fd, descriptor);
        return fd;
    }

    /** The descriptor {@code fd}. */
    Descriptor get(int fd) throws ErrnoException {
        Descriptor d = used.get(fd);
        if (d == null) {
            throw new ErrnoException(Errno.BADF);
        }
        return d;
    }

    /** The open file {@code fd}; {@code BADF} for anything else. */
    FileDescriptor file(int fd) throws ErrnoException {
        if (get(fd) instanceof FileDescriptor f) {
            return f;
        }
        throw new ErrnoException(Errno.BADF);
    }

    /** The directory {@code fd}; {@code BADF} for anything else. */
    DirectoryDescriptor directory(int fd) throws ErrnoException {
        if (get(fd) instanceof DirectoryDescriptor d) {
            return d;
        }
        throw new ErrnoException(Errno.BADF);
    }

    /** Closes and removes {@code fd}. */
    void close(int fd) throws ErrnoException, IOException {
        Descriptor d = get(fd);
        used.remove(fd);
        free.add(fd);
        d.close();
    }

    /** Moves {@code from} to number {@code to}, closing what {@code to} was. */
    void renumber(int from, int to) throws ErrnoException, IOException {
        Descriptor d = get(from);
        if (from == to) {
            return;
        }
        used.remove(from);
        free.add(from);
        free.remove(to);
        Descriptor replaced = used.put(to, d);
        if (replaced != null) {
            replaced.close();
        }
    }

    /**
     * Follows a rename the guest made: descriptors open at or below {@code move.from()} now name
     * the same file or directory at {@code move.to()}, as a host descriptor would. (A rename by
     * someone else is not seen: a descriptor then still names the old place.)
     */
    void moved(PathOperations.Move move) {
        Path from = move.from().hostPath();
        Path to = move.to().hostPath();
        for (Map.Entry<Integer, Descriptor> entry : used.entrySet()) {
            if (entry.getValue() instanceof DirectoryDescriptor d) {
                PathResolver.Resolved moved = rebase(d.resolved(), from, to);
                if (moved != null) {
                    entry.setValue(new DirectoryDescriptor(d.preopen(), moved.components(), d.preopenName()));
                }
            } else if (entry.getValue() instanceof FileDescriptor f) {
                PathResolver.Resolved moved = rebase(f.resolved, from, to);
                if (moved != null) {
                    f.resolved = moved;
                }
            }
        }
    }

    /** {@code resolved} moved from {@code from} to {@code to}, or null when it is not below {@code from} or not in its preopen after. */
    private static PathResolver.Resolved rebase(PathResolver.Resolved resolved, Path from, Path to) {
        Path host = resolved.hostPath();
        if (resolved.isRoot() || !host.startsWith(from)) {
            return null; // a preopen itself never moves
        }
        Path now = to.resolve(from.relativize(host));
        Path root = resolved.preopen().root();
        if (!now.startsWith(root)) {
            return null;
        }
        List<String> components = new ArrayList<>();
        for (Path name : root.relativize(now)) {
            components.add(name.toString());
        }
        return new PathResolver.Resolved(resolved.preopen(), components, now);
    }

    /** Closes and removes every open file (at the end of a run); streams and directories stay. */
    void closeFiles() {
        Iterator<Map.Entry<Integer, Descriptor>> it = used.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Integer, Descriptor> entry = it.next();
            if (entry.getValue() instanceof FileDescriptor f) {
                it.remove();
                free.add(entry.getKey());
                try {
                    f.close();
                } catch (IOException ignored) {
                    // Nothing is left to tell the guest; its run is over.
                }
            }
        }
    }
}
