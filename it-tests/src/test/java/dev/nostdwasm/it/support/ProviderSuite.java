package dev.nostdwasm.it.support;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nostdwasm.api.Engine;
import dev.nostdwasm.api.EngineConfig;
import dev.nostdwasm.api.Instance;
import dev.nostdwasm.api.Linker;
import dev.nostdwasm.api.WasmModule;
import dev.nostdwasm.api.NoStdRuntime;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.Store;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Base of every suite: the runtime of {@link #provider()}, loaded once per test class, and the
 * profiles it supports as the source of every {@link ProfileTest}. Engines, modules, linkers and
 * stores made through the helpers here are closed after each test, newest first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ProviderSuite {

    /** The provider under test: {@code ffm} or {@code jni}. */
    protected abstract String provider();

    /** The runtime of {@link #provider()}, loaded in {@link #loadRuntime()}. */
    protected NoStdRuntime runtime;

    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();

    @BeforeAll
    protected void loadRuntime() {
        // The Java 17 executions include only Jni*Test (it-tests/pom.xml); an Ffm*Test reaches them
        // only through -Dtest, which overrides their includes, and runs in the Java 22+ ones.
        assumeTrue(!"ffm".equals(provider()) || Runtime.version().feature() >= 22,
                () -> "the ffm provider needs Java 22 or newer; this JVM is " + Runtime.version());
        runtime = NoStdRuntime.load(provider());
    }

    /** One argument set per profile the runtime can run here, named {@code <provider> · <profile>}. */
    protected Stream<Arguments> profiles() {
        if (runtime == null) {
            loadRuntime();
        }
        assertFalse(runtime.profiles().isEmpty(), provider() + " supports no profile here");
        return runtime.profiles().stream()
                .sorted(Comparator.comparingInt(Profile::id))
                .map(p -> Arguments.argumentSet(provider() + " · " + p.cliName(), p));
    }

    @AfterEach
    protected void closeEverything() throws Exception {
        Exception first = null;
        while (!toClose.isEmpty()) {
            try {
                toClose.pop().close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Closes {@code resource} after the test (before everything made earlier). */
    protected <T extends AutoCloseable> T track(T resource) {
        toClose.push(resource);
        return resource;
    }

    /**
     * A new engine of {@code profile} with the default settings, except that it loads unsigned
     * artifacts (the suites' own, which the build compiles), closed after the test.
     */
    protected Engine engine(Profile profile) {
        return engine(EngineConfig.of(profile).allowUnsignedArtifacts());
    }

    /** A new engine of {@code config}, closed after the test. */
    protected Engine engine(EngineConfig config) {
        return track(runtime.newEngine(config));
    }

    /** WasmModule {@code stem} precompiled for the engine's profile, closed after the test. */
    protected WasmModule module(Engine engine, String stem) {
        return track(engine.load(Artifacts.bytes(stem, engine.config().profile())));
    }

    /** A new store of {@code engine}, closed after the test. */
    protected Store store(Engine engine) {
        return track(engine.newStore());
    }

    /** A new linker of {@code engine}, closed after the test. */
    protected Linker linker(Engine engine) {
        return track(engine.newLinker());
    }

    /** An engine of {@code profile} with one store and one linker: what most tests start from. */
    protected Session session(Profile profile) {
        return new Session(engine(profile));
    }

    /** An engine, a store and a linker; everything is closed after the test. */
    protected final class Session {
        public final Engine engine;
        public final Store store;
        public final Linker linker;

        Session(Engine engine) {
            this.engine = engine;
            this.store = store(engine);
            this.linker = linker(engine);
        }

        public Profile profile() {
            return engine.config().profile();
        }

        /** WasmModule {@code stem} for this engine's profile. */
        public WasmModule module(String stem) {
            return ProviderSuite.this.module(engine, stem);
        }

        /** WasmModule {@code stem} instantiated in the store with the linker (as defined so far). */
        public Instance instantiate(String stem) {
            return linker.instantiate(store, module(stem));
        }
    }
}
