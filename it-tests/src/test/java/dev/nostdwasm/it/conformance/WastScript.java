package dev.nostdwasm.it.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nostdwasm.api.Engine;
import dev.nostdwasm.api.Func;
import dev.nostdwasm.api.Instance;
import dev.nostdwasm.api.LinkException;
import dev.nostdwasm.api.Linker;
import dev.nostdwasm.api.WasmModule;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.Store;
import dev.nostdwasm.api.TrapCode;
import dev.nostdwasm.api.UncaughtWasmException;
import dev.nostdwasm.api.Val;
import dev.nostdwasm.api.ValType;
import dev.nostdwasm.api.WasmException;
import dev.nostdwasm.api.WasmTrapException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One converted {@code .wast} file run on one engine: its own store and linker (with {@code
 * spectest}), its instances by name, its registrations. Commands run in file order; each
 * either returns (passed), throws {@link WastValues.Unobservable} (skipped) or throws an
 * {@link AssertionError} or runtime exception (failed).
 */
final class WastScript implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Engine engine;
    private final Path dir;
    private final String source;
    private final String artifactSuffix;
    private final String combination;
    private final Store store;
    private final Spectest spectest;
    private Linker linker;
    private final List<WasmModule> modules = new ArrayList<>();
    private final Map<String, Instance> instances = new HashMap<>();
    private final Map<String, WasmModule> definitions = new HashMap<>();
    private final Map<String, Instance> registered = new LinkedHashMap<>();
    // Why a named (or the current) module is missing: the failure its dependents report.
    private final Map<String, String> failedModules = new HashMap<>();
    private Instance current;
    private String lastDefinition;
    private String currentFailure = "no module has been defined yet";
    // (ref.extern N) is the same Java object every time: the store keys references by identity.
    private final Map<Long, Object> hostObjects = new HashMap<>();

    /** A {@code (ref.extern N)} of this script: equal for equal N, and shows N when printed. */
    record HostObject(long n) {
        @Override
        public String toString() {
            return "(ref.extern " + Long.toUnsignedString(n) + ")";
        }
    }

    WastScript(Engine engine, Path dir, String source, Profile profile, String target) {
        this.engine = engine;
        this.dir = dir;
        this.source = source;
        this.artifactSuffix = "." + profile.cliName() + "." + target + ".cwasm";
        this.combination = profile.cliName() + "/" + target;
        this.store = engine.newStore();
        try {
            this.spectest = new Spectest(store);
            this.linker = newLinker();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** The commands of {@code dir/commands.json}. */
    static List<JsonNode> commands(Path dir) {
        Path file = dir.resolve("commands.json");
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": rerun it-tests/scripts/convert-spec.sh", e);
        }
        JsonNode commands = root.get("commands");
        if (commands == null || !commands.isArray()) {
            throw new IllegalStateException(file + " has no \"commands\" array (see conformance/FORMAT.md)");
        }
        List<JsonNode> list = new ArrayList<>(commands.size());
        commands.forEach(list::add);
        return list;
    }

    private Linker newLinker() {
        Linker l = engine.newLinker();
        try {
            spectest.defineIn(l, store);
            registered.forEach((name, instance) -> l.defineInstance(store, name, instance));
        } catch (RuntimeException e) {
            l.close();
            throw e;
        }
        return l;
    }

    /** Runs one command; see the class comment for how it reports. */
    void run(JsonNode c) {
        String type = WastValues.text(c, "type");
        switch (type) {
            case "module" -> module(c);
            case "module_instance" -> moduleInstance(c);
            case "register" -> register(c);
            case "action" -> action(c);
            case "assert_return" -> assertReturn(c);
            case "assert_trap" -> assertTrap(c);
            case "assert_exhaustion" -> assertExhaustion(c);
            case "assert_exception" -> assertException(c);
            case "assert_unlinkable" -> assertUnlinkable(c);
            case "assert_uninstantiable" -> assertUninstantiable(c);
            case "assert_invalid", "assert_malformed" -> throw new IllegalArgumentException(type
                    + " is answered by the converter (SpecConversionTest), not run against an engine");
            case "skip" -> throw new WastValues.Unobservable(c.path("command").asText("?") + ": "
                    + c.path("reason").asText("(the converter gave no reason)"));
            default -> throw new IllegalArgumentException("unknown command type '" + type + "' (conformance/FORMAT.md)");
        }
    }

    private void module(JsonNode c) {
        String name = nullable(c, "name");
        int line = c.path("line").asInt();
        current = null;
        currentFailure = "the module at line " + line + " failed to load";
        if (name != null) {
            instances.remove(name);
            definitions.remove(name);
            failedModules.put(name, currentFailure);
        }
        WasmModule module = load(c);
        if (c.path("definition").asBoolean(false)) {
            // A definition is compiled, not instantiated: the current instance stays unset.
            currentFailure = "the module at line " + line + " is a definition, not an instance";
            lastDefinition = name != null ? name : "(unnamed definition at line " + line + ")";
            definitions.put(lastDefinition, module);
            if (name != null) {
                failedModules.remove(name);
            }
            return;
        }
        instantiateAsCurrent(module, name, "the module at line " + line + " failed to instantiate");
    }

    /**
     * Instantiates {@code module} as the current instance (and {@code name}'s, if any); until it
     * succeeds, commands that use it fail with {@code failure}.
     */
    private void instantiateAsCurrent(WasmModule module, String name, String failure) {
        current = null;
        currentFailure = failure;
        if (name != null) {
            instances.remove(name);
            failedModules.put(name, failure);
        }
        Instance instance = linker.instantiate(store, module);
        current = instance;
        currentFailure = null;
        if (name != null) {
            instances.put(name, instance);
            failedModules.remove(name);
        }
    }

    private void moduleInstance(JsonNode c) {
        // Without a name, the most recent definition (the wast text's "(module instance)").
        String definition = c.hasNonNull("module") ? c.get("module").asText() : lastDefinition;
        String name = nullable(c, "instance");
        String failure = "the module instance at line " + c.path("line").asInt() + " failed";
        WasmModule module = definition == null ? null : definitions.get(definition);
        if (module == null) {
            current = null;
            currentFailure = failure;
            if (name != null) {
                instances.remove(name);
                failedModules.put(name, failure);
            }
            throw new AssertionError("no module definition " + definition + ": "
                    + failedModules.getOrDefault(definition, "none was defined before"));
        }
        instantiateAsCurrent(module, name, failure);
    }

    private void register(JsonNode c) {
        String as = WastValues.text(c, "as");
        Instance instance = instance(nullable(c, "name"));
        if (registered.containsKey(as)) {
            // Re-registering a name replaces it. The SDK's Linker cannot allow shadowing, so the
            // linker is rebuilt with the new set of registrations.
            registered.put(as, instance);
            Linker old = linker;
            linker = newLinker();
            old.close();
        } else {
            linker.defineInstance(store, as, instance);
            registered.put(as, instance);
        }
    }

    private void action(JsonNode c) {
        perform(c.get("action"));
    }

    private void assertReturn(JsonNode c) {
        Val[] results = perform(c.get("action"));
        JsonNode either = c.get("either");
        if (either != null && !either.isNull()) {
            List<String> whys = new ArrayList<>();
            for (JsonNode alternative : either) {
                String why = WastValues.mismatch(list(alternative), results, this::hostObject);
                if (why == null) {
                    return;
                }
                whys.add(why);
            }
            throw new AssertionError("no alternative matches: " + String.join("; ", whys));
        }
        String why = WastValues.mismatch(list(c.get("expected")), results, this::hostObject);
        if (why != null) {
            throw new AssertionError(why);
        }
    }

    private void assertTrap(JsonNode c) {
        WasmTrapException trap = c.hasNonNull("action")
                ? expectActionFailure(c, WasmTrapException.class)
                : expectInstantiationFailure(c, WasmTrapException.class);
        checkTrapCode(c, trap);
    }

    private static void checkTrapCode(JsonNode c, WasmTrapException trap) {
        String text = WastValues.text(c, "text");
        if (!TrapTexts.matches(text, trap.trapCode())) {
            throw new AssertionError("expected the trap '" + text + "', got " + trap.trapCode() + ": "
                    + trap.getMessage(), trap);
        }
    }

    private void assertExhaustion(JsonNode c) {
        WasmTrapException trap = expectActionFailure(c, WasmTrapException.class);
        if (trap.trapCode() != TrapCode.STACK_OVERFLOW) {
            throw new AssertionError("expected STACK_OVERFLOW ('" + c.path("text").asText() + "'), got "
                    + trap.trapCode() + ": " + trap.getMessage(), trap);
        }
    }

    private void assertException(JsonNode c) {
        if (c.hasNonNull("action")) {
            expectActionFailure(c, UncaughtWasmException.class);
        } else {
            expectInstantiationFailure(c, UncaughtWasmException.class);
        }
    }

    private void assertUnlinkable(JsonNode c) {
        expectInstantiationFailure(c, LinkException.class);
    }

    private void assertUninstantiable(JsonNode c) {
        checkTrapCode(c, expectInstantiationFailure(c, WasmTrapException.class));
    }

    private <T extends Throwable> T expectActionFailure(JsonNode c, Class<T> wanted) {
        Val[] results;
        try {
            results = perform(c.get("action"));
        } catch (WastValues.Unobservable e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            if (wanted.isInstance(e)) {
                return wanted.cast(e);
            }
            throw new AssertionError("expected " + expectation(c, wanted) + ", got " + e, e);
        }
        throw new AssertionError("expected " + expectation(c, wanted) + ", got the results "
                + WastValues.describe(results));
    }

    private <T extends Throwable> T expectInstantiationFailure(JsonNode c, Class<T> wanted) {
        WasmModule module = load(c);
        try {
            linker.instantiate(store, module);
        } catch (RuntimeException e) {
            if (wanted.isInstance(e)) {
                return wanted.cast(e);
            }
            throw new AssertionError("expected instantiation to fail with " + expectation(c, wanted) + ", got " + e, e);
        }
        throw new AssertionError("expected instantiation to fail with " + expectation(c, wanted)
                + ", but it succeeded");
    }

    private static String expectation(JsonNode c, Class<?> wanted) {
        return wanted.getSimpleName() + (c.hasNonNull("text") ? " ('" + c.get("text").asText() + "')" : "");
    }

    /** The results of an invoke or get action. */
    private Val[] perform(JsonNode action) {
        if (action == null || action.isNull()) {
            throw new IllegalArgumentException("the command has no \"action\" (conformance/FORMAT.md)");
        }
        Instance instance = instance(nullable(action, "module"));
        String field = WastValues.text(action, "field");
        String type = WastValues.text(action, "type");
        if ("get".equals(type)) {
            var global = instance.global(field);
            if (global.type().content() == ValType.OTHER_REF) {
                throw new WastValues.Unobservable("global " + field + " holds a typed function or GC reference "
                        + "(OTHER_REF), which cannot cross the C ABI");
            }
            return new Val[] {global.get()};
        }
        if (!"invoke".equals(type)) {
            throw new IllegalArgumentException("unknown action type '" + type + "' (conformance/FORMAT.md)");
        }
        Func func = instance.func(field);
        List<ValType> params = func.type().params();
        JsonNode args = action.path("args");
        if (args.size() != params.size()) {
            throw new AssertionError(field + " takes " + params.size() + " arguments, the command passes "
                    + args.size());
        }
        Val[] values = new Val[params.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = WastValues.argument(args.get(i), params.get(i), this::hostObject);
        }
        if (func.type().results().contains(ValType.OTHER_REF)) {
            // The SDK refuses to call a function whose results cannot cross the C ABI, before it
            // runs: neither its results nor its trap can be observed, and its effects do not happen.
            throw new ResultsUnobservable(field);
        }
        return func.call(values);
    }

    /** The function's results are typed function or GC references: the SDK does not call it. */
    static final class ResultsUnobservable extends WastValues.Unobservable {
        private static final long serialVersionUID = 1L;

        ResultsUnobservable(String field) {
            super("the results of " + field + " include a typed function or GC reference (OTHER_REF), "
                    + "which cannot cross the C ABI: the SDK refuses the call before it runs");
        }
    }

    private Instance instance(String name) {
        if (name == null) {
            if (current == null) {
                throw new AssertionError("no current instance: " + currentFailure);
            }
            return current;
        }
        Instance instance = instances.get(name);
        if (instance == null) {
            throw new AssertionError("no instance " + name + ": "
                    + failedModules.getOrDefault(name, "no module of that name was instantiated"));
        }
        return instance;
    }

    private WasmModule load(JsonNode c) {
        // compile_error names each combination that failed ("<profile>/<target>: ..."); the
        // artifacts of the others are written and usable.
        String compileError = c.hasNonNull("compile_error") ? c.get("compile_error").asText() : null;
        if (compileError != null && compileError.contains(combination + ":")) {
            throw new AssertionError("the converter could not compile the module for " + combination + ": " + compileError);
        }
        int index = c.path("module").asInt(-1);
        if (index < 0) {
            throw new IllegalArgumentException("the command has no module index: " + c);
        }
        Path file = dir.resolve(index + artifactSuffix);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new AssertionError(compileError != null
                    ? "the converter could not compile the module: " + compileError
                    : "the artifact " + file + " is missing: rerun it-tests/scripts/convert-spec.sh");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        WasmModule module = engine.load(bytes);
        modules.add(module);
        return module;
    }

    private Object hostObject(long n) {
        return hostObjects.computeIfAbsent(n, HostObject::new);
    }

    private static String nullable(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<JsonNode> list(JsonNode array) {
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("expected a list of patterns, got " + array);
        }
        List<JsonNode> list = new ArrayList<>(array.size());
        array.forEach(list::add);
        return list;
    }

    @Override
    public String toString() {
        return source;
    }

    @Override
    public void close() {
        RuntimeException first = null;
        List<AutoCloseable> all = new ArrayList<>();
        all.add(store);
        all.add(linker);
        all.addAll(modules);
        for (AutoCloseable c : all) {
            try {
                c.close();
            } catch (Exception e) {
                if (first == null) {
                    first = new IllegalStateException("closing " + source + "'s objects failed", e);
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
