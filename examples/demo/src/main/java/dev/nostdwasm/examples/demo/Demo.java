package dev.nostdwasm.examples.demo;

import dev.nostdwasm.api.Architecture;
import dev.nostdwasm.api.ArtifactName;
import dev.nostdwasm.api.Engine;
import dev.nostdwasm.api.EngineConfig;
import dev.nostdwasm.api.Instance;
import dev.nostdwasm.api.Linker;
import dev.nostdwasm.api.WasmModule;
import dev.nostdwasm.api.NoStdRuntime;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.Store;
import dev.nostdwasm.api.WasmException;
import dev.nostdwasm.api.spi.RuntimeProvider;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntBinaryOperator;

/**
 * Runs {@code demo.wat} and {@code wordcount.c} (precompiled by the build into one artifact per
 * profile) with every provider this JVM can use and every profile each of them supports: calls
 * {@code add(2, 3)} and {@code add_and_mul(2, 3, 4)}, whose multiplication is a Java lambda
 * called from wasm, then runs the WASI program {@link WordCount} on a text file of a directory it
 * may only read.
 *
 * <p>Usage: {@code java -cp ... dev.nostdwasm.examples.demo.Demo <artifact directory> <text
 * directory>}. Exits with 0 when at least one provider ran and every result was right, 1 otherwise.
 * {@code -Dnostdwasm.demo.stackTraces=true} prints the stack trace of every failed run.
 */
public final class Demo {
    /** The file of the text directory that the WASI program counts. */
    static final String TEXT_FILE = "poem.txt";

    private final Path artifacts;
    private final Path text;
    private final PrintStream out;
    private int passed;
    private int failed;

    private Demo(Path artifacts, Path text, PrintStream out) {
        this.artifacts = artifacts;
        this.text = text;
        this.out = out;
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: Demo <directory with {demo,wordcount}.<profile>.<target>.cwasm> <directory with "
                    + TEXT_FILE + ">");
            System.exit(2);
        }
        System.exit(new Demo(Path.of(args[0]), Path.of(args[1]), System.out).run());
    }

    private int run() {
        // Every provider on the class path, available or not: the unavailable ones say why.
        Map<String, NoStdRuntime> runtimes = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (RuntimeProvider provider : providers(notes)) {
            String name = provider.name();
            if (!provider.isAvailable()) {
                notes.add(name + ": not available here: "
                        + provider.unavailabilityCause().map(Demo::describe).orElse("(no reason given)"));
                continue;
            }
            try {
                runtimes.put(name, NoStdRuntime.load(name));
            } catch (RuntimeException | LinkageError e) {
                notes.add(name + ": available, but failed to load: " + describe(e));
                failed++;
            }
        }

        TreeSet<String> versions = new TreeSet<>();
        runtimes.values().forEach(r -> versions.add(r.wasmtimeVersion()));
        out.printf("nostd-wasm-java demo: Wasmtime %s, %s, Java %s (%s)%n",
                versions.isEmpty() ? "(none loaded)" : String.join(" / ", versions), Architecture.current().id(),
                System.getProperty("java.version"), System.getProperty("java.vendor"));
        out.println("artifacts: " + artifacts.toAbsolutePath().normalize());
        out.println("text: " + text.toAbsolutePath().normalize() + " (the WASI program's " + WordCount.GUEST_DIR
                + ", read-only)");
        out.println("providers: " + (runtimes.isEmpty() ? "none available" : String.join(", ", runtimes.keySet())));
        notes.forEach(n -> out.println("  " + n));

        for (Map.Entry<String, NoStdRuntime> e : runtimes.entrySet()) {
            for (Profile profile : Profile.values()) {
                if (e.getValue().profiles().contains(profile)) {
                    runOne(e.getKey(), e.getValue(), profile);
                    runWordCount(e.getKey(), e.getValue(), profile);
                } else {
                    out.printf("%-4s %-15s (not supported by this runtime, skipped)%n", e.getKey(), profile.cliName());
                }
            }
        }
        if (runtimes.isEmpty() && notes.isEmpty()) {
            out.println("no provider on the class path: add dev.nostdwasm:sdk-ffm (Java 22+) or dev.nostdwasm:sdk-jni");
            failed++;
        } else if (runtimes.isEmpty() && failed == 0) {
            out.println("no provider can run here (see above)");
            failed++;
        }
        // The same summary shape as the native suites, so scripts/test.sh counts the demo too.
        out.printf("demo: %d passed, %d failed%n", passed, failed);
        return failed == 0 && passed > 0 ? 0 : 1;
    }

    /** One provider and profile: load the artifact, link the Java host function, call both exports. */
    private void runOne(String provider, NoStdRuntime runtime, Profile profile) {
        EngineConfig config = EngineConfig.of(profile)
                .allowUnsignedArtifacts();   // the artifacts this build just made, not ones from elsewhere
        Path artifact = artifacts.resolve(ArtifactName.forEngine("demo", config).fileName());
        String prefix = String.format("%-4s %-15s", provider, profile.cliName());

        AtomicInteger hostCalls = new AtomicInteger();
        IntBinaryOperator multiply = (a, b) -> {
            hostCalls.incrementAndGet();
            return a * b;
        };

        try (Engine engine = runtime.newEngine(config);
                WasmModule module = engine.load(artifact);
                Linker linker = engine.newLinker();
                Store store = engine.newStore()) {
            linker.define("host", "multiply", IntBinaryOperator.class, multiply);   // (i32, i32) -> i32
            Instance instance = linker.instantiate(store, module);

            int sum = instance.func("add").callI32(2, 3);
            int mixed = instance.func("add_and_mul").callI32(2, 3, 4);

            boolean right = sum == 5 && mixed == 10 && hostCalls.get() == 1;
            String host = hostCalls.get() == 1
                    ? "host multiply called from wasm"
                    : "host multiply called " + hostCalls.get() + " times, expected once";
            out.printf("%s add(2, 3) = %d   add_and_mul(2, 3, 4) = %d (%s)%s%n",
                    prefix, sum, mixed, host, right ? "" : "   WRONG: expected 5 and 10");
            if (right) {
                passed++;
            } else {
                failed++;
            }
        } catch (NoSuchFileException e) {
            out.printf("%s FAILED: no artifact %s (precompile demo.wat for this profile and target)%n", prefix, artifact);
            failed++;
        } catch (IOException | RuntimeException e) {
            out.printf("%s FAILED: %s%n", prefix, describe(e));
            if (Boolean.getBoolean("nostdwasm.demo.stackTraces")) {
                e.printStackTrace(out);
            }
            failed++;
        }
    }

    /** One provider and profile: the WASI program counts the words of the text file; Java checks its line. */
    private void runWordCount(String provider, NoStdRuntime runtime, Profile profile) {
        EngineConfig config = EngineConfig.of(profile).allowUnsignedArtifacts();   // made by this build
        Path artifact = artifacts.resolve(ArtifactName.forEngine("wordcount", config).fileName());
        String prefix = String.format("%-4s %-15s wordcount %s/%s:", provider, profile.cliName(), WordCount.GUEST_DIR,
                TEXT_FILE);
        try {
            WordCount.Result r = WordCount.run(runtime, config, artifact, text, TEXT_FILE);
            String expected = WordCount.expected(text.resolve(TEXT_FILE));
            boolean right = r.exitCode() == 0 && r.stdout().equals(expected);
            out.printf("%s %s%s%n", prefix, r.stdout().strip(), right ? ""
                    : "   WRONG: exit code " + r.exitCode() + ", expected 0 and " + expected.strip()
                            + (r.stderr().isEmpty() ? "" : "; stderr: " + r.stderr().strip()));
            if (right) {
                passed++;
            } else {
                failed++;
            }
        } catch (NoSuchFileException e) {
            out.printf("%s FAILED: no such file %s (precompile wordcount.wasm for this profile and target)%n", prefix,
                    e.getFile());
            failed++;
        } catch (IOException | RuntimeException e) {
            out.printf("%s FAILED: %s%n", prefix, describe(e));
            if (Boolean.getBoolean("nostdwasm.demo.stackTraces")) {
                e.printStackTrace(out);
            }
            failed++;
        }
    }

    /**
     * The providers ServiceLoader finds, highest priority first. A provider whose class cannot
     * even be loaded here (sdk-ffm's classes need Java 22) is noted, not fatal.
     */
    private static List<RuntimeProvider> providers(List<String> notes) {
        List<RuntimeProvider> found = new ArrayList<>();
        Iterator<RuntimeProvider> it = ServiceLoader.load(RuntimeProvider.class).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError e) {
                notes.add("a provider cannot be loaded on this JVM: " + describe(e));
            }
        }
        found.sort(Comparator.comparingInt(RuntimeProvider::priority).reversed()
                .thenComparing(RuntimeProvider::name));
        return found;
    }

    /** The message of a throwable and of its innermost cause, on one line. */
    private static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = t instanceof WasmException && t.getMessage() != null ? t.getMessage() : t.toString();
        return root == t ? message : message + " (cause: " + root + ")";
    }
}
