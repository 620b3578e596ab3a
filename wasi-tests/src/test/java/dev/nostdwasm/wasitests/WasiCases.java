package dev.nostdwasm.wasitests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.nostdwasm.wasitests.WasiCase.Expectation.ENDS_IN_ERROR;
import static dev.nostdwasm.wasitests.WasiCase.Expectation.STABLE;

/**
 * The table of cases every runner runs: each C program of src/main/c with the inputs it hunts edge
 * cases with, and each Go package of go-packages.txt. Paths come from the build (pom.xml).
 */
final class WasiCases {

    /** Where the C programs find their preopened directory (their argv[1]). */
    static final String SANDBOX = "/sandbox";
    /** Where a Go test binary finds its copy of GOROOT (scripts/build-wasi-programs.sh). */
    static final String GOROOT = "/go";
    /** Go's own WASI launcher gives its test binaries this much stack (GOROOT/lib/wasm/go_wasip1_wasm_exec). */
    static final long GO_STACK_BYTES = 8L << 20;

    private final Path programs;
    private final Path fixtures;
    private final Path goPackages;

    WasiCases(Path programs, Path fixtures, Path goPackages) {
        this.programs = programs;
        this.fixtures = fixtures;
        this.goPackages = goPackages;
    }

    /** The cases as the build laid them out (system properties set in pom.xml). */
    static WasiCases fromBuild() {
        return new WasiCases(Path.of(property("nostdwasm.wasi.programs")), Path.of(property("nostdwasm.wasi.fixtures")),
                Path.of(property("nostdwasm.wasi.goPackages")));
    }

    static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set: run the tests through Maven"
                    + " (wasi-tests/pom.xml sets it), or pass -D" + name + "=...");
        }
        return value;
    }

    List<WasiCase> c() {
        List<WasiCase> cases = new ArrayList<>();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", SANDBOX);
        env.put("EMPTY", "");
        env.put("WITH_EQUALS", "a=b=c");
        env.put("UNICODE", "gr\u00fc\u00df \u20ac");
        cases.add(c("args_env", List.of("first", "with space", "", "\u00fcn\u00efc\u00f6d\u00e9", "--flag=x"), env,
                new byte[0], false, STABLE));
        cases.add(c("clocks", List.of(), Map.of(), new byte[0], false, STABLE));
        cases.add(c("random", List.of(), Map.of(), new byte[0], false, STABLE));
        cases.add(named("exit_code-0", c("exit_code", List.of("0"), Map.of(), new byte[0], false, STABLE)));
        cases.add(named("exit_code-42", c("exit_code", List.of("42"), Map.of(), new byte[0], false, STABLE)));
        cases.add(named("stdin_read-empty", c("stdin_read", List.of(), Map.of(), new byte[0], false, STABLE)));
        byte[] input = "hello\nworld\n\u0000 and bytes that are not UTF-8: ".getBytes(StandardCharsets.UTF_8);
        byte[] withBadBytes = new byte[input.length + 2];
        System.arraycopy(input, 0, withBadBytes, 0, input.length);
        withBadBytes[input.length] = (byte) 0xff;
        withBadBytes[input.length + 1] = (byte) 0xfe;
        cases.add(c("stdin_read", List.of(), Map.of(), withBadBytes, false, STABLE));
        for (String program : List.of("fd_io", "open_flags", "readdir", "rename_unlink", "links", "names", "filestat",
                "fdstat", "poll", "escapes")) {
            cases.add(c(program, List.of(SANDBOX), Map.of(), new byte[0], true, STABLE));
        }
        for (String bad : List.of("whence", "advice", "clockid", "fstflags", "fdflags", "oflags")) {
            cases.add(named("bad_values-" + bad,
                    c("bad_values", List.of(SANDBOX, bad), Map.of(), new byte[0], true, ENDS_IN_ERROR)));
        }
        return cases;
    }

    /** One case per package in go-packages.txt, with its skipped tests. */
    List<WasiCase> go() throws IOException {
        Map<String, List<String>> skips = new LinkedHashMap<>();
        for (String line : Files.readAllLines(goPackages)) {
            String content = line.replaceFirst("#.*", "").trim();
            if (content.isEmpty()) {
                continue;
            }
            String[] words = content.split("\\s+");
            List<String> tests = skips.computeIfAbsent(words[0], p -> new ArrayList<>());
            if (words.length > 1) {
                tests.add(words[1]);
            }
        }
        List<WasiCase> cases = new ArrayList<>();
        skips.forEach((pkg, tests) -> {
            List<String> args = new ArrayList<>(List.of("-test.short"));
            if (!tests.isEmpty()) {
                args.add("-test.skip=^(" + String.join("|", tests) + ")$");
            }
            Map<String, String> env = Map.of("GOROOT", GOROOT, "PWD", GOROOT + "/src/" + pkg, "TMPDIR", GOROOT + "/tmp");
            String file = pkg.replace('/', '_');
            cases.add(new WasiCase("go/" + pkg, programs.resolve("go/" + file + ".wasm"), args, env, new byte[0],
                    programs.resolve("go/goroot"), GOROOT, List.of("tmp"), GO_STACK_BYTES, WasiCase.Expectation.GO_PASS));
        });
        return cases;
    }

    private WasiCase c(String program, List<String> args, Map<String, String> env, byte[] stdin, boolean sandbox,
                       WasiCase.Expectation expected) {
        return new WasiCase("c/" + program, programs.resolve("c/" + program + ".wasm"), args, env, stdin,
                sandbox ? fixtures.resolve("basic") : null, SANDBOX, List.of(), 0,
                expected);
    }

    private static WasiCase named(String name, WasiCase c) {
        return new WasiCase("c/" + name, c.program(), c.args(), c.env(), c.stdin(), c.fixture(), c.guestDir(),
                c.emptyDirs(), c.maxWasmStack(), c.expectation());
    }
}
