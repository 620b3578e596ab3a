package dev.nostdwasm.cli;

import dev.nostdwasm.api.NoStdRuntime;
import dev.nostdwasm.api.WasmTrapException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code nsw}: compile WebAssembly into artifacts, run an export, inspect an artifact.
 *
 * <p>Exit codes: 0 success, 1 error, 2 bad usage, 3 the WebAssembly trapped.
 */
@Command(name = "nsw",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Compiles, runs and inspects WebAssembly for nostd-wasm-java.",
        subcommands = {CompileCommand.class, RunCommand.class, InspectCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:error", "2:bad usage", "3:the WebAssembly trapped"})
public final class Main implements Runnable {

    /** The WebAssembly trapped. */
    public static final int EXIT_TRAP = 3;

    @Spec
    CommandSpec spec;

    /** The top-level command, without a subcommand; {@link #commandLine()} makes the one that runs. */
    public Main() {
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "name a command: compile, run or inspect (nsw help <command> tells more)");
    }

    /**
     * Runs {@code nsw} and exits the JVM with the command's exit code (see the exit codes above).
     *
     * @param args the command line: a command and its options
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** {@return the command line, writing to System.out and System.err} */
    public static CommandLine commandLine() {
        return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    /**
     * The command line, writing to {@code out} and {@code err}.
     *
     * @param out where results and help go
     * @param err where error messages go
     * @return the command line, ready to {@code execute}
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new Errors());
        return cl;
    }

    /** Traps: exit 3 with {@code trap: <code>: <message>}; other failures: exit 1 with the message. */
    static final class Errors implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine cl, ParseResult parsed) {
            PrintWriter err = cl.getErr();
            if (e instanceof WasmTrapException trap) {
                err.print(trapReport(trap));
                if (trap.getCause() != null) {
                    err.println("caused by: " + trap.getCause());
                }
                err.flush();
                return EXIT_TRAP;
            }
            err.println("nsw " + cl.getCommandName() + ": " + describe(e));
            if (Boolean.getBoolean("nostdwasm.debug")) {
                e.printStackTrace(err);
            }
            err.flush();
            return 1;
        }
    }

    /**
     * {@code trap: <code>: <reason>}, then the wasm backtrace if there is one. Wasmtime's message
     * is "error while executing at wasm backtrace: ... Caused by: <reason>"; the reason goes first.
     */
    static String trapReport(WasmTrapException trap) {
        String message = String.valueOf(trap.getMessage());
        java.util.List<String> lines = message.lines().toList();
        int causedBy = lines.indexOf("Caused by:");
        int backtrace = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).endsWith("wasm backtrace:")) {
                backtrace = i;
                break;
            }
        }
        if (causedBy < 0) {
            return "trap: " + trap.trapCode() + ": " + message + "\n";
        }
        String reason = lines.subList(causedBy + 1, lines.size()).stream().map(String::strip)
                .filter(l -> !l.isEmpty()).collect(java.util.stream.Collectors.joining(": "));
        StringBuilder sb = new StringBuilder("trap: " + trap.trapCode() + ": " + reason + "\n");
        if (backtrace >= 0) {
            sb.append("wasm backtrace:\n");
            for (String l : lines.subList(backtrace + 1, causedBy)) {
                if (!l.isBlank()) {
                    sb.append(l).append('\n');
                }
            }
        }
        return sb.toString();
    }

    /** The message, with the causes' messages when they add something. */
    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(message(e));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            String m = message(c);
            if (!sb.toString().contains(m)) {
                sb.append(": ").append(m);
            }
        }
        return sb.toString();
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        if (e instanceof UncheckedIOException || e instanceof IOException) {
            return m == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + m;
        }
        return m == null || m.isBlank() ? e.toString() : m;
    }

    /** This tool's version. */
    static String version() {
        Properties p = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("/nsw-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // unknown then
        }
        return p.getProperty("version", "unknown");
    }

    /** {@code --version}: this tool, and the runtime it found here. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String java = "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")";
            try {
                NoStdRuntime runtime = NoStdRuntime.load();
                return new String[] {
                    "nsw " + version(),
                    "Wasmtime " + runtime.wasmtimeVersion(),
                    "provider " + runtime.provider(),
                    java,
                };
            } catch (RuntimeException | LinkageError e) {
                return new String[] {
                    "nsw " + version(),
                    "Wasmtime: unknown (no runtime: " + describe(e) + ")",
                    "provider: none",
                    java,
                };
            }
        }
    }
}
