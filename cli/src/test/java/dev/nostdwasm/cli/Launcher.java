package dev.nostdwasm.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs commands against the distribution (target/nsw-cli) in a child process. */
final class Launcher {

    record Result(int exit, String output) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- output\n" + output;
        }
    }

    private Launcher() {
    }

    static Path dist() {
        Path dist = Path.of(System.getProperty("nostdwasm.dist", "target/nsw-cli"));
        if (!Files.isExecutable(dist.resolve("bin/nsw"))) {
            throw new IllegalStateException("no " + dist.resolve("bin/nsw") + ": run mvn verify (after package)");
        }
        return dist.toAbsolutePath();
    }

    /**
     * Runs {@code command} with bash in {@code dir}, bin/ first on PATH, JAVA_HOME = {@code javaHome},
     * the bundled precompiler (unless -Dnostdwasm.it.precompiler names one), the compile cache in
     * {@code dir/.nsw-cache}; stdout and stderr together.
     */
    static Result shell(Path dir, Path javaHome, String command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of("bash", "-c", command)).directory(dir.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.remove("NSW_PRECOMPILER");
        String precompiler = System.getProperty("nostdwasm.it.precompiler", "");
        if (!precompiler.isBlank()) { // only to try the ITs while there is no bundled precompiler
            env.put("NSW_PRECOMPILER", precompiler);
        }
        // Engine.compile's cache of nsw run: one per directory, so that what the first run of a module says is known.
        env.put("NSW_JAVA_OPTS", "-Dnostdwasm.cache=" + dir.toAbsolutePath().resolve(".nsw-cache"));
        env.put("JAVA_HOME", javaHome.toString());
        env.put("PATH", dist().resolve("bin") + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("COLUMNS", "100");
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    static Path currentJavaHome() {
        return Path.of(System.getProperty("java.home"));
    }
}
