package dev.nostdwasm.it.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A JVM a test forks to run a main class of the test class path: the one place that builds its
 * command line (the launcher, {@code --enable-native-access} on Java 22+, JVM options, system
 * properties, the class path), runs it with a timeout, captures its output and collects the
 * hs_err crash reports it wrote.
 *
 * <pre>{@code
 * ForkedJvm.Result result = ForkedJvm.current()
 *         .option("-Xcheck:jni")
 *         .property(NoStdRuntime.PROVIDER_PROPERTY, "jni")
 *         .run(Main.class, List.of("arg"), Duration.ofMinutes(5));
 * if (!result.exitedWith(0)) fail(result.report());
 * }</pre>
 *
 * <p>The child's environment is this JVM's without {@code JAVA_TOOL_OPTIONS}, {@code _JAVA_OPTIONS}
 * and {@code LD_PRELOAD} (they would change what the child runs), plus what {@link #environment}
 * sets.
 */
public final class ForkedJvm {
    private final Path java;
    private final int feature;
    private final List<String> options = new ArrayList<>();
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Path outputFile;

    private ForkedJvm(Path java, int feature) {
        this.java = java;
        this.feature = feature;
    }

    /** A JVM of the same Java as this one. */
    public static ForkedJvm current() {
        return new ForkedJvm(Paths.get(System.getProperty("java.home"), "bin", "java"), Runtime.version().feature());
    }

    /**
     * A JVM started by the launcher {@code java} ({@code <java home>/bin/java}); its Java version
     * comes from the {@code release} file of its home.
     *
     * @throws IllegalArgumentException if {@code java} is not an executable launcher of a JDK with
     *     a {@code release} file
     */
    public static ForkedJvm launcher(Path java) {
        if (!Files.isExecutable(java)) {
            throw new IllegalArgumentException("no Java launcher at " + java);
        }
        return new ForkedJvm(java, featureVersion(java.toAbsolutePath().getParent().getParent()));
    }

    /** The feature version of this JVM's Java (17, 22, 25, ...). */
    public int feature() {
        return feature;
    }

    /** The home directory of this JVM's Java. */
    public Path home() {
        return java.toAbsolutePath().getParent().getParent();
    }

    /** Adds JVM options ({@code -Xmx1g}, {@code -XX:...}), in order. */
    public ForkedJvm option(String... jvmOptions) {
        options.addAll(List.of(jvmOptions));
        return this;
    }

    /** Sets the system property {@code name} of the child. */
    public ForkedJvm property(String name, String value) {
        properties.put(name, value);
        return this;
    }

    /** Sets the environment variable {@code name} of the child. */
    public ForkedJvm environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Keeps the child's output (stdout and stderr together) in {@code file}; by default it goes to a temporary file. */
    public ForkedJvm outputTo(Path file) {
        this.outputFile = file;
        return this;
    }

    /** The command line that runs {@code main} with {@code args}, crash reports going to {@code errorDir}. */
    private List<String> command(Class<?> main, List<String> args, Path errorDir) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        if (feature >= 22) {
            // Both providers load native code: the FFM one through restricted methods.
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        command.addAll(options);
        command.add("-XX:ErrorFile=" + errorDir.resolve("hs_err_pid%p.log"));
        properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add("-cp");
        command.add(classPath());
        command.add(main.getName());
        command.addAll(args);
        return command;
    }

    /**
     * Runs {@code main} with {@code args} and waits at most {@code timeout} (only against hangs:
     * a child still running then is killed and the result says so).
     */
    public Result run(Class<?> main, List<String> args, Duration timeout) throws IOException, InterruptedException {
        Path errorDir = Files.createTempDirectory("nsw-forked-jvm-");
        List<String> command = command(main, args, errorDir);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("_JAVA_OPTIONS");
        builder.environment().remove("LD_PRELOAD");
        builder.environment().putAll(environment);
        Path log = outputFile != null ? outputFile : Files.createTempFile("nsw-forked-jvm-", ".log");
        // A file, not a pipe: a child that writes more than a pipe holds cannot block on us.
        builder.redirectOutput(log.toFile());

        long started = System.nanoTime();
        Process process = builder.start();
        boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!exited) {
            process.destroyForcibly().waitFor();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        String output = Files.readString(log, StandardCharsets.ISO_8859_1);
        if (outputFile == null) {
            Files.delete(log);
        }
        StringBuilder commandLine = new StringBuilder();
        environment.forEach((name, value) -> commandLine.append(name).append('=').append(value).append(' '));
        commandLine.append(String.join(" ", command));
        return new Result(commandLine.toString(), exited ? process.exitValue() : -1, exited ? null : timeout, output,
                collectCrashReports(errorDir), elapsed);
    }

    /**
     * What a forked JVM did.
     *
     * @param commandLine the environment it was given and its command line, to rerun it in a shell
     * @param exitCode its exit status (-1 when it was killed after {@code timedOutAfter})
     * @param timedOutAfter the timeout it exceeded, or null when it exited by itself
     * @param output its stdout and stderr
     * @param crashReports the hs_err files it wrote, each under a {@code --- name ---} line (empty: none)
     * @param elapsed its wall time
     */
    public record Result(String commandLine, int exitCode, Duration timedOutAfter, String output, String crashReports,
            Duration elapsed) {

        /** Whether it exited by itself with {@code status} and left no crash report. */
        public boolean exitedWith(int status) {
            return timedOutAfter == null && exitCode == status && !crashed();
        }

        /** Whether the JVM crashed: killed by a signal, or a crash report (file or fatal error banner). */
        public boolean crashed() {
            return exitCode > 128 || !crashReports.isEmpty() || output.contains("A fatal error has been detected");
        }

        /** How it ended, its command line, the tail of its output and the head of its crash reports. */
        public String report() {
            String how;
            if (timedOutAfter != null) {
                how = "did not finish in " + timedOutAfter.toMinutes() + " minutes (hang?) and was killed";
            } else if (exitCode == 134) {
                how = "exited with 134 (SIGABRT: a JVM crash)";
            } else if (exitCode > 128) {
                how = "exited with " + exitCode + " (killed by signal " + (exitCode - 128) + ")";
            } else {
                how = "exited with " + exitCode + (crashed() ? " after a JVM crash" : "");
            }
            return "the forked JVM " + how + ":\n" + commandLine + "\n--- output (tail) ---\n" + tail(output, 80)
                    + (crashReports.isEmpty() ? "" : "\n--- hs_err (head) ---\n" + head(crashReports, 120));
        }
    }

    /**
     * This JVM's class path (surefire sets {@code java.class.path} to the test class path); for a
     * JVM older than 22 without sdk-ffm, whose classes it cannot load.
     */
    private String classPath() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> feature >= 22 || !isSdkFfm(entry))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static boolean isSdkFfm(String entry) {
        Path p = Paths.get(entry).normalize();
        String name = p.getFileName() == null ? "" : p.getFileName().toString();
        return name.startsWith("sdk-ffm") || p.toString().contains(File.separator + "sdk-ffm" + File.separator);
    }

    /** The feature version of the JDK at {@code home}, from its {@code release} file. */
    private static int featureVersion(Path home) {
        Path release = home.resolve("release");
        try {
            for (String line : Files.readAllLines(release)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    String first = v.startsWith("1.") ? v.substring(2) : v;
                    return Integer.parseInt(first.split("[.+-]")[0]);
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot tell the Java version of " + home + ": cannot read " + release, e);
        }
        throw new IllegalArgumentException("cannot tell the Java version of " + home + ": no JAVA_VERSION in " + release);
    }

    /** Every report in {@code dir}, each under a {@code --- name ---} line; deletes them and {@code dir}. */
    private static String collectCrashReports(Path dir) throws IOException {
        StringBuilder reports = new StringBuilder();
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.sorted().toList();
        }
        for (Path f : files) {
            reports.append("\n--- ").append(f.getFileName()).append(" ---\n")
                    .append(Files.readString(f, StandardCharsets.ISO_8859_1));
            Files.delete(f);
        }
        Files.delete(dir);
        return reports.toString();
    }

    static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    static String head(String text, int lines) {
        return text.lines().limit(lines).collect(Collectors.joining("\n"));
    }
}
