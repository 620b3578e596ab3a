package dev.nostdwasm.wasi;

import java.io.IOException;
import java.util.Iterator;
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
