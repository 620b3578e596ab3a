package dev.nostdwasm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code $ nsw ...} line in README.md's examples, run with bin/nsw in one directory holding the
 * test modules, in order; its output must be the lines under it ({@code ...} stands for any text).
 */
class ReadmeExamplesIT {

    record Example(String command, List<String> expected) {}

    static List<Example> examples(Path readme) throws Exception {
        List<Example> examples = new ArrayList<>();
        boolean inBlock = false;
        Example current = null;
        for (String line : Files.readAllLines(readme)) {
            if (line.startsWith("```")) {
                inBlock = !inBlock;
                current = null;
                continue;
            }
            if (!inBlock) {
                continue;
            }
            if (line.startsWith("$ ")) {
                current = new Example(line.substring(2), new ArrayList<>());
                examples.add(current);
            } else if (current != null) {
                current.expected().add(line);
            }
        }
        return examples;
    }

    static boolean matches(String expected, String actual) {
        String regex = Pattern.compile(Pattern.quote("...")).splitAsStream(expected + "\0")
                .map(part -> Pattern.quote(part.replace("\0", ""))).collect(Collectors.joining(".*"));
        return actual.matches(regex);
    }

    @Test
    void everyExampleDoesWhatTheReadmeSays(@TempDir Path dir) throws Exception {
        for (String wat : List.of("add.wat", "host_fn.wat", "traps.wat", "values.wat")) {
            Nsw.copyWat(wat, dir);
        }
        Files.copy(Nsw.wasiTool(), dir.resolve("wasi_tool.wasm"));
        List<Example> examples = examples(Path.of("README.md"));
        assertTrue(examples.size() >= 8, "examples found: " + examples.size());
        for (Example e : examples) {
            Launcher.Result r = Launcher.shell(dir, Launcher.currentJavaHome(), e.command());
            List<String> actual = r.output().lines().toList();
            String report = "$ " + e.command() + "\nexpected:\n" + String.join("\n", e.expected()) + "\nactual:\n" + r;
            assertEquals(e.expected().size(), actual.size(), report);
            for (int i = 0; i < actual.size(); i++) {
                assertTrue(matches(e.expected().get(i), actual.get(i)), report);
            }
        }
    }
}
