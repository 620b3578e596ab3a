package dev.nostdwasm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
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

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(exit, out.toString(), err.toString());
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
