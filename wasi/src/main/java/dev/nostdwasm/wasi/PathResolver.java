package dev.nostdwasm.wasi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The sandbox: turns a guest path relative to a directory descriptor into a host path inside the
 * same preopen, one component at a time, so that nothing the guest writes can name a host file
 * outside it.
 *
 * <ul>
 *   <li>An absolute path, and a {@code ..} at the preopen's root, are refused with {@code PERM}
 *       (what the standard Wasmtime answers to an escape).
 *   <li>Every component but the last (and the last when asked to follow it) is read with {@link
 *       LinkOption#NOFOLLOW_LINKS}. A symbolic link is read here ({@link Files#readSymbolicLink})
 *       and its target resolved by the same rules in place of the link: a relative target stays
 *       inside the preopen or is refused, an absolute one is refused, and more than {@value
 *       #MAX_SYMLINKS} links on one path is {@code LOOP}. The host file system is never asked to
 *       follow a link.
 *   <li>What comes back is a list of plain names below the root, each (but the last) a directory
 *       that was not a link when checked. Operations on the last component must use {@link
 *       LinkOption#NOFOLLOW_LINKS} themselves.
 * </ul>
 *
 * <p>Between this check and the operation that uses its result, another process could replace a
 * checked directory with a link; docs/WASI.md says what that means.
 */
final class PathResolver {
    /** Links followed on one path before {@code LOOP}: Linux's limit. */
    static final int MAX_SYMLINKS = 40;

    private PathResolver() {}

    /** A resolved guest path. */
    record Resolved(Preopen preopen, List<String> components, Path hostPath) {

        /** True when the path names the preopen's root itself. */
        boolean isRoot() {
            return components.isEmpty();
        }
    }

    /** The host path of {@code components} below {@code preopen}'s root. */
    static Path hostPath(Preopen preopen, List<String> components) {
        Path p = preopen.root();
        for (String c : components) {
            p = p.resolve(c);
        }
        return p;
    }

    /**
     * Resolves {@code path} from {@code dir}. The last component is followed when it is a link
     * only if {@code followLast} (or the path ends in {@code /}); it need not exist.
     */
    static Resolved resolve(DirectoryDescriptor dir, String path, boolean followLast) throws ErrnoException {
        if (path.isEmpty()) {
            throw new ErrnoException(Errno.NOENT);
        }
        if (path.startsWith("/")) {
            throw new ErrnoException(Errno.PERM);
        }
        Preopen preopen = dir.preopen();
        Deque<String> pending = new ArrayDeque<>();
        boolean mustBeDirectory = push(pending, path);
        List<String> stack = new ArrayList<>(dir.components());
        int links = 0;
        try {
            while (!pending.isEmpty()) {
                String name = pending.removeFirst();
                boolean last = pending.isEmpty();
                if (name.equals("..")) {
                    if (stack.isEmpty()) {
                        throw new ErrnoException(Errno.PERM);
                    }
                    stack.remove(stack.size() - 1);
                    continue;
                }
                if (!last || followLast || mustBeDirectory) {
                    Path candidate = hostPath(preopen, stack).resolve(name);
                    BasicFileAttributes attributes = attributesOrNull(candidate);
                    if (attributes == null) {
                        if (!last) {
                            throw new ErrnoException(Errno.NOENT);
                        }
                    } else if (attributes.isSymbolicLink()) {
                        if (++links > MAX_SYMLINKS) {
                            throw new ErrnoException(Errno.LOOP);
                        }
                        String target = Files.readSymbolicLink(candidate).toString();
                        if (target.isEmpty()) {
                            throw new ErrnoException(Errno.NOENT);
                        }
                        if (target.startsWith("/")) {
                            throw new ErrnoException(Errno.PERM);
                        }
                        mustBeDirectory |= push(pending, target) && last;
                        continue;
                    } else if (!last && !attributes.isDirectory()) {
                        throw new ErrnoException(Errno.NOTDIR);
                    }
                }
                stack.add(name);
            }
            Path host = hostPath(preopen, stack);
            if (mustBeDirectory) {
                BasicFileAttributes attributes = attributesOrNull(host);
                if (attributes != null && !attributes.isDirectory()) {
                    throw new ErrnoException(Errno.NOTDIR);
                }
            }
            return new Resolved(preopen, List.copyOf(stack), host);
        } catch (IOException | RuntimeException e) {
            throw new ErrnoException(Errno.of(e));
        }
    }

    /**
     * Puts the components of {@code path} in front of {@code pending}, leaving out empty ones and
     * {@code .}; returns true when the path ends in {@code /} or {@code .} (it names a directory).
     */
    private static boolean push(Deque<String> pending, String path) {
        String[] parts = path.split("/", -1);
        for (int i = parts.length - 1; i >= 0; i--) {
            if (!parts[i].isEmpty() && !parts[i].equals(".")) {
                pending.addFirst(parts[i]);
            }
        }
        String lastPart = parts[parts.length - 1];
        return lastPart.isEmpty() || lastPart.equals(".");
    }

    /** The attributes of {@code path} itself (a link is not followed), or null when it does not exist. */
    static BasicFileAttributes attributesOrNull(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
