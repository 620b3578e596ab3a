package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every snippet of README.md and docs/*.md is tested:
 *
 * <ul>
 *   <li>a {@code java}, {@code xml} or {@code wat} block appears verbatim (line by line, indentation
 *       and blank lines aside) in a file the build compiles and runs: the consumer projects
 *       ({@code consumer-tests/src/it}), {@code examples/} or the integration suites;
 *   <li>every command of a {@code sh} block names what exists: a script or build output of the
 *       clone, a Maven module, phase or plugin goal, a Makefile target, an {@code nsw-precompile}
 *       option;
 *   <li>any other block is {@code text} (output, file layouts), never code.
 * </ul>
 */
class DocsSnippetsTest {
    static final Path ROOT = Path.of(System.getProperty("nostdwasm.repo.root", "../../../..")).toAbsolutePath().normalize();
    static final String VERSION = System.getProperty("nostdwasm.version", "");

    /** Where quoted code must come from: directories whose sources the build compiles and runs. */
    static final List<String> TESTED = List.of("consumer-tests/src/it", "consumer-tests/src/shared", "examples", "it-tests/src/test");

    static final Map<String, String> EXTENSION = Map.of("java", ".java", "xml", ".xml", "wat", ".wat");
    static final Set<String> COMMAND_LANGS = Set.of("sh", "bash", "shell");
    static final Set<String> PHASES = Set.of("clean", "validate", "generate-sources", "generate-resources",
            "compile", "test-compile", "test", "package", "integration-test", "verify", "install");

    record Block(Path file, int line, String lang, List<String> lines) {
        String where() {
            return ROOT.relativize(file) + ":" + line;
        }
    }

    static List<Path> docs() {
        List<Path> docs = new ArrayList<>();
        docs.add(ROOT.resolve("README.md"));
        try (Stream<Path> s = Files.list(ROOT.resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    static List<Block> blocks(Path md) {
        List<String> lines = read(md);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String fence = lines.get(i).strip();
            if (!fence.startsWith("```")) {
                continue;
            }
            String lang = fence.substring(3).strip();
            int start = i + 1;
            int end = start;
            while (end < lines.size() && !lines.get(end).strip().startsWith("```")) {
                end++;
            }
            assertTrue(end < lines.size(), md + ":" + (i + 1) + ": code block never closed");
            blocks.add(new Block(md, i + 1, lang, List.copyOf(lines.subList(start, end))));
            i = end;
        }
        return blocks;
    }

    static List<Block> allBlocks() {
        return docs().stream().flatMap(d -> blocks(d).stream()).collect(Collectors.toList());
    }

    @Test
    void theDocsExistAndHaveBlocks() {
        for (String page : List.of("README.md", "docs/profiles.md", "docs/providers.md", "docs/platform-shims.md",
                "docs/security-and-limits.md")) {
            assertTrue(Files.isRegularFile(ROOT.resolve(page)), page + " is missing");
        }
        assertFalse(blocks(ROOT.resolve("README.md")).isEmpty(), "README.md shows no code");
    }

    @Test
    void everyBlockHasAKnownLanguage() {
        for (Block b : allBlocks()) {
            assertTrue(EXTENSION.containsKey(b.lang()) || COMMAND_LANGS.contains(b.lang()) || b.lang().equals("text"),
                    b.where() + ": a code block needs a language (java, xml, wat, sh, or text for output), not '"
                            + b.lang() + "'");
        }
    }

    // ---- code blocks: quoted from tested files ----

    @TestFactory
    Stream<DynamicTest> codeBlocksAreQuotedFromTestedFiles() {
        return allBlocks().stream().filter(b -> EXTENSION.containsKey(b.lang()))
                .map(b -> DynamicTest.dynamicTest(b.where() + " " + b.lang(), () -> assertQuoted(b)));
    }

    static void assertQuoted(Block b) {
        List<String> snippet = normalize(b.lines());
        assertFalse(snippet.isEmpty(), b.where() + ": empty block");
        List<Path> candidates = testedFiles(EXTENSION.get(b.lang()));
        for (Path f : candidates) {
            if (containsRun(normalize(read(f)), snippet)) {
                return;
            }
        }
        // Say how far it matched, to make the drift easy to find.
        int best = 0;
        Path bestFile = null;
        for (Path f : candidates) {
            List<String> text = normalize(read(f));
            for (int n = snippet.size(); n > best; n--) {
                if (containsRun(text, snippet.subList(0, n))) {
                    best = n;
                    bestFile = f;
                    break;
                }
            }
        }
        fail(b.where() + ": this " + b.lang() + " block is not in any tested file under " + TESTED
                + (bestFile == null ? "; not even its first line is"
                        : "; the longest match is its first " + best + " lines, in " + ROOT.relativize(bestFile)
                                + ", then the file differs at: " + snippet.get(best)));
    }

    /** Lines stripped of surrounding whitespace, blank ones dropped, the SDK's version filled in. */
    static List<String> normalize(List<String> lines) {
        return lines.stream().map(l -> l.replace("@project.version@", VERSION).strip())
                .filter(l -> !l.isEmpty()).collect(Collectors.toList());
    }

    static boolean containsRun(List<String> text, List<String> run) {
        outer:
        for (int i = 0; i + run.size() <= text.size(); i++) {
            for (int j = 0; j < run.size(); j++) {
                if (!text.get(i + j).equals(run.get(j))) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    static List<Path> testedFiles(String extension) {
        List<Path> files = new ArrayList<>();
        for (String dir : TESTED) {
            Path d = ROOT.resolve(dir);
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(d)) {
                s.filter(Files::isRegularFile)
                        .filter(p -> p.toString().endsWith(extension))
                        .filter(p -> !ROOT.relativize(p).toString().contains("/target/"))
                        .filter(p -> !p.toString().contains("/docs-snippets/"))
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    // ---- commands: name what exists ----

    @TestFactory
    Stream<DynamicTest> commandsNameWhatExists() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Block b : allBlocks()) {
            if (!COMMAND_LANGS.contains(b.lang())) {
                continue;
            }
            for (String command : commands(b.lines())) {
                tests.add(DynamicTest.dynamicTest(b.where() + ": " + command, () -> {
                    List<String> problems = new ArrayList<>();
                    checkCommandLine(command, problems);
                    assertEquals(List.of(), problems, b.where() + ": " + command);
                }));
            }
        }
        return tests.stream();
    }

    /** The block's commands: continuation lines joined, comments and blank lines dropped. */
    static List<String> commands(List<String> lines) {
        List<String> commands = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : lines) {
            String line = raw.strip();
            if (current.length() == 0 && (line.isEmpty() || line.startsWith("#"))) {
                continue;
            }
            line = line.replaceAll("\\s+#\\s.*$", "");
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            current.append(line);
            commands.add(current.toString().strip().replaceAll("\\s+", " "));
            current.setLength(0);
        }
        if (current.length() > 0) {
            commands.add(current.toString().strip());
        }
        return commands;
    }

    static final Pattern SUBSTITUTION = Pattern.compile("\\$\\(([^()]*)\\)");

    static void checkCommandLine(String line, List<String> problems) {
        // $(inner) is a command too; what it prints stands for one word.
        Matcher m = SUBSTITUTION.matcher(line);
        StringBuilder outer = new StringBuilder();
        while (m.find()) {
            checkCommandLine(m.group(1), problems);
            m.appendReplacement(outer, "SUBSTITUTED");
        }
        m.appendTail(outer);
        Path cwd = ROOT;
        for (String part : outer.toString().split("&&|;")) {
            List<String> words = new ArrayList<>();
            for (String w : part.strip().split(" ")) {
                if (!w.isEmpty()) {
                    words.add(w.replaceAll("^['\"]|['\"]$", ""));
                }
            }
            while (!words.isEmpty() && words.get(0).matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                words.remove(0); // VAR=value before a command
            }
            if (words.isEmpty()) {
                continue;
            }
            cwd = checkCommand(cwd, words, problems);
        }
    }

    /** Checks one simple command run in {@code cwd}; returns the directory the next one runs in. */
    static Path checkCommand(Path cwd, List<String> words, List<String> problems) {
        String cmd = words.get(0);
        List<String> args = words.subList(1, words.size());
        switch (cmd) {
            case "cd" -> {
                Path dir = cwd.resolve(args.get(0)).normalize();
                if (!Files.isDirectory(dir)) {
                    problems.add("cd: no directory " + ROOT.relativize(dir));
                }
                return dir;
            }
            case "./mvnw", "mvn" -> checkMaven(cwd, args, problems);
            case "make" -> checkMake(cwd, args, problems);
            case "nsw-precompile" -> checkPrecompiler(args, problems);
            case "java" -> { } // any JDK's launcher
            default -> {
                if (!cmd.contains("/")) {
                    problems.add("unknown command '" + cmd + "': the check knows ./mvnw, mvn, make, nsw-precompile,"
                            + " java, cd and paths of files in the clone");
                } else {
                    Path file = cwd.resolve(cmd).normalize();
                    if (!Files.isRegularFile(file) || !Files.isExecutable(file)) {
                        problems.add("no executable " + ROOT.relativize(file) + " (in the clone after the build)");
                    }
                }
            }
        }
        return cwd;
    }

    static void checkMaven(Path cwd, List<String> args, List<String> problems) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-pl") || a.equals("--projects")) {
                for (String module : args.get(++i).split(",")) {
                    if (!Files.isRegularFile(cwd.resolve(module).resolve("pom.xml"))) {
                        problems.add("-pl " + module + ": no such module");
                    }
                }
            } else if (a.equals("-f") || a.equals("--file")) {
                if (!Files.exists(cwd.resolve(args.get(++i)))) {
                    problems.add("-f " + args.get(i) + ": no such file");
                }
            } else if (a.startsWith("-")) {
                continue; // -B, -ntp, -o, -Dname=value, -DskipTests, ...
            } else if (a.contains(":")) {
                checkGoal(a, problems);
            } else if (!PHASES.contains(a)) {
                problems.add("'" + a + "' is not a lifecycle phase or a plugin goal");
            }
        }
    }

    /** {@code prefix:goal}: our plugin's mojo, or a plugin the parent pom manages. */
    static void checkGoal(String goal, List<String> problems) {
        String[] pg = goal.split(":");
        String prefix = pg[0];
        String name = pg[pg.length - 1];
        if (prefix.equals("nostdwasm")) {
            if (!sourcesContain(ROOT.resolve("maven-plugin/src/main/java"), "@Mojo(name = \"" + name + "\"")) {
                problems.add(goal + ": maven-plugin has no mojo named " + name);
            }
            return;
        }
        String parent = String.join("\n", read(ROOT.resolve("pom.xml")));
        if (!parent.contains("<artifactId>maven-" + prefix + "-plugin</artifactId>")
                && !parent.contains("<artifactId>" + prefix + "-maven-plugin</artifactId>")) {
            problems.add(goal + ": no plugin with prefix '" + prefix + "' in the parent pom's pluginManagement");
        }
    }

    static void checkMake(Path cwd, List<String> args, List<String> problems) {
        Path dir = cwd;
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-C")) {
                dir = cwd.resolve(args.get(++i)).normalize();
            } else if (!a.startsWith("-") && !a.contains("=")) {
                targets.add(a);
            }
        }
        Path makefile = dir.resolve("Makefile");
        if (!Files.isRegularFile(makefile)) {
            problems.add("no Makefile in " + ROOT.relativize(dir));
            return;
        }
        List<String> lines = read(makefile);
        for (String t : targets) {
            if (lines.stream().noneMatch(l -> l.startsWith(t + ":"))) {
                problems.add("make: no target '" + t + "' in " + ROOT.relativize(makefile));
            }
        }
    }

    /** Asks the nsw-precompile the build made: every option and subcommand must be in its help. */
    static void checkPrecompiler(List<String> args, List<String> problems) {
        String arch = System.getProperty("os.arch").equals("amd64") ? "x86_64" : System.getProperty("os.arch");
        Path exe = ROOT.resolve("rust-nostd/target/native/linux-" + arch + "/nsw-precompile");
        if (!Files.isExecutable(exe)) {
            problems.add("no " + ROOT.relativize(exe) + ": build rust-nostd first");
            return;
        }
        String help = run(exe.toString(), "--help");
        for (String a : args) {
            if (a.startsWith("--")) {
                String option = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
                if (!help.contains(option + " ") && !help.contains(option + "\n")) {
                    problems.add("nsw-precompile has no option " + option);
                }
            } else if (a.equals(args.get(0)) && !a.startsWith("-") && !a.contains(".") && !a.contains("/")) {
                if (!help.contains("  " + a + " ")) {
                    problems.add("nsw-precompile has no command " + a);
                }
            }
        }
    }

    static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static boolean sourcesContain(Path dir, String text) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java"))
                    .anyMatch(p -> String.join("\n", read(p)).contains(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- the checker checks itself ----

    @Test
    void theCheckerCatchesDrift() {
        List<String> problems = new ArrayList<>();
        checkCommandLine("./scripts/no-such-script.sh", problems);
        checkCommandLine("./mvnw -pl no-such-module verify", problems);
        checkCommandLine("make -C platform-shim no-such-target", problems);
        checkCommandLine("frobnicate --now", problems);
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(containsRun(List.of("a", "b", "c"), List.of("b", "c")));
        assertFalse(containsRun(List.of("a", "b", "c"), List.of("a", "c")));
        assertEquals(List.of("./mvnw -B verify", "make test"),
                commands(List.of("# a comment", "./mvnw -B \\", "  verify   # runs all", "", "make test")));
    }
}
