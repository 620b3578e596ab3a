package dev.nostdwasm.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The files under a directory that match the includes and none of the excludes. */
final class SourceScanner {

    private SourceScanner() {
    }

    /** Paths relative to {@code root}, sorted; regular files only. */
    static List<Path> scan(Path root, List<String> includes, List<String> excludes) throws IOException {
        List<AntPattern> in = includes.stream().map(AntPattern::of).toList();
        List<AntPattern> ex = excludes.stream().map(AntPattern::of).toList();
        List<Path> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(file -> {
                Path rel = root.relativize(file);
                String name = slashed(rel);
                if (in.stream().anyMatch(p -> p.matches(name)) && ex.stream().noneMatch(p -> p.matches(name))) {
                    found.add(rel);
                }
            });
        }
        found.sort((a, b) -> slashed(a).compareTo(slashed(b)));
        return found;
    }

    static String slashed(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }
}
