package dev.nostdwasm.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs {@link Main} in this JVM with captured output. */
final class Nsw {

    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static {
        // Until (and besides) the bundled precompiler: the one the native build made, through
        // -Dnostdwasm.precompiler like a user would. NswLauncherIT and BundledPrecompilerTest use the bundled one.
        String built = System.getProperty("nostdwasm.test.precompiler");
        if (built != null && Files.isExecutable(Path.of(built))) {
            System.setProperty(Host.PRECOMPILER_PROPERTY, built);
        }
    }

    private Nsw() {
    }

    /**
     * Runs nsw; stderr without the note that {@code nsw run} compiled a module into the cache
     * (which depends on what ran before: {@link #runWithCompileNote} keeps it).
     */
    static Result run(String... args) {
        Result r = runWithCompileNote(args);
        return new Result(r.exit(), r.out(), r.err().replaceAll(
                "(?m)^nsw run: compiled .* \\(later runs load it from there\\)\n", ""));
    }

    /** Runs nsw; stdout and stderr as they are. */
    static Result runWithCompileNote(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.commandLine(InputStream.nullInputStream(), out, err).execute(args);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The WASI command built from src/test/c/wasi_tool.c. */
    static Path wasiTool() {
        return Path.of(System.getProperty("nostdwasm.test.wasi.tool", "target/test-wasm/wasi_tool.wasm"));
    }

    /** A test module in src/test/resources/wat. */
    static Path wat(String name) {
        try {
            return Path.of(Nsw.class.getResource("/wat/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies the test module {@code name} into {@code dir}. */
    static Path copyWat(String name, Path dir) {
        try {
            return Files.copy(wat(name), dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
