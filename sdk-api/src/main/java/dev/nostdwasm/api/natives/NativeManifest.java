package dev.nostdwasm.api.natives;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code META-INF/native/manifest.sha256}: one line per library, {@code <sha256>  linux-<arch>/
 * lib<name>-<version>.so}, as {@code sha256sum} (and {@code scripts/bundle-natives.sh}) writes.
 */
final class NativeManifest {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    /** A library named by the manifest: its path under {@code META-INF/native/} and digest. */
    record Entry(String path, String sha256) {
        String fileName() {
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    private final Map<String, String> digests; // path -> sha256, sorted by path

    private NativeManifest(Map<String, String> digests) {
        this.digests = digests;
    }

    /**
     * Parses the manifest text.
     *
     * @throws IllegalArgumentException on a malformed line, naming it
     */
    static NativeManifest parse(String text) {
        Map<String, String> digests = new TreeMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            // "<hex>  <path>" (text mode) or "<hex> *<path>" (binary mode)
            if (line.length() < 67 || line.charAt(64) != ' ' || (line.charAt(65) != ' ' && line.charAt(65) != '*')) {
                throw new IllegalArgumentException("line " + (i + 1) + " is not '<sha256>  <path>': '" + line + "'");
            }
            String hex = line.substring(0, 64).toLowerCase(Locale.ROOT);
            String path = line.substring(66);
            if (!HEX.matcher(hex).matches()) {
                throw new IllegalArgumentException("line " + (i + 1) + " has no SHA-256 digest: '" + line + "'");
            }
            if (path.startsWith("/") || path.contains("..") || path.contains("\\")) {
                throw new IllegalArgumentException("line " + (i + 1) + " names a path outside META-INF/native: '" + path + "'");
            }
            digests.put(path, hex);
        }
        return new NativeManifest(Collections.unmodifiableMap(digests));
    }

    /** Every path in the manifest, sorted. */
    List<String> paths() {
        return List.copyOf(digests.keySet());
    }

    /** The paths under {@code dir/} (e.g. {@code linux-x86_64}), sorted. */
    List<String> pathsIn(String dir) {
        List<String> paths = new ArrayList<>();
        for (String path : digests.keySet()) {
            if (path.startsWith(dir + "/")) {
                paths.add(path);
            }
        }
        return paths;
    }

    /**
     * Finds {@code dir/lib<name>-<version>.so} whatever the version. When a prefix matches several
     * libraries ({@code libfoo-1.0.so} and {@code libfoo-bar-1.0.so} for {@code foo}), the one
     * whose version every file in the manifest shares wins: the bundling script gives all files
     * one version.
     *
     * @return the entry, or null when there is none
     * @throws IllegalStateException when several versions of the library are bundled
     */
    Entry find(String dir, String name) {
        String prefix = dir + "/lib" + name + "-";
        List<String> candidates = new ArrayList<>();
        for (String path : digests.keySet()) {
            if (path.startsWith(prefix) && path.endsWith(".so") && path.length() > prefix.length() + 3
                    && path.indexOf('/', prefix.length()) < 0) {
                candidates.add(path);
            }
        }
        if (candidates.size() > 1) {
            List<String> consistent = new ArrayList<>();
            for (String candidate : candidates) {
                String suffix = "-" + candidate.substring(prefix.length());
                if (digests.keySet().stream().allMatch(p -> p.endsWith(suffix))) {
                    consistent.add(candidate);
                }
            }
            if (consistent.size() != 1) {
                throw new IllegalStateException("several versions of lib" + name + " are bundled: " + candidates);
            }
            candidates = consistent;
        }
        return candidates.isEmpty() ? null : new Entry(candidates.get(0), digests.get(candidates.get(0)));
    }
}
