package dev.nostdwasm.api.natives;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** Which mount holds a directory, from the text of {@code /proc/self/mountinfo}. */
final class MountInfo {
    private MountInfo() {}

    /** A mount: where it is, its per-mount options (field 6) and its file-system type. */
    record Mount(String mountPoint, Set<String> options, String fsType) {
        boolean noexec() {
            return options.contains("noexec");
        }
    }

    /**
     * The mount that contains {@code dir}: the longest mount point that is a prefix of it, path
     * element by element; of several mounts on one point, the last listed (it is on top).
     *
     * @param mountinfo the text of {@code /proc/self/mountinfo} (see proc(5))
     * @param dir an absolute path, with symbolic links resolved
     */
    static Optional<Mount> mountOf(String mountinfo, Path dir) {
        Mount best = null;
        int bestDepth = -1;
        for (String line : mountinfo.split("\n")) {
            Mount mount = parseLine(line);
            if (mount == null) {
                continue;
            }
            Path point;
            try {
                point = Path.of(mount.mountPoint());
            } catch (RuntimeException e) {
                continue;
            }
            if (point.isAbsolute() && dir.startsWith(point) && point.getNameCount() >= bestDepth) {
                best = mount;
                bestDepth = point.getNameCount();
            }
        }
        return Optional.ofNullable(best);
    }

    // 36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue
    // (1)(2)(3)   (4)   (5)      (6)      (7)   (8) (9)   (10)        (11)
    static Mount parseLine(String line) {
        String[] fields = line.trim().split(" ");
        if (fields.length < 6) {
            return null;
        }
        String fsType = "";
        for (int i = 6; i < fields.length - 1; i++) {
            if (fields[i].equals("-")) {
                fsType = unescape(fields[i + 1]);
                break;
            }
        }
        return new Mount(unescape(fields[4]), Set.copyOf(Arrays.asList(fields[5].split(","))), fsType);
    }

    /** Undoes the kernel's octal escapes of space, tab, newline and backslash ({@code \040}). */
    static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && isOctal(field, i + 1)) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isOctal(String s, int from) {
        if (from + 3 > s.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '7') {
                return false;
            }
        }
        return true;
    }
}
