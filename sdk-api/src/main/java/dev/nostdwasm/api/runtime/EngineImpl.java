package dev.nostdwasm.api.runtime;

import dev.nostdwasm.api.ArtifactName;
import dev.nostdwasm.api.Engine;
import dev.nostdwasm.api.EngineConfig;
import dev.nostdwasm.api.Linker;
import dev.nostdwasm.api.WasmModule;
import dev.nostdwasm.api.Store;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** An engine; shared across threads. Modules, linkers and stores made from it keep it alive natively. */
final class EngineImpl implements Engine {

    private final NativeRuntime rt;
    private final EngineConfig config;
    private final long handle;
    private final Lifetime lifetime;
    // Only with epoch interruption; its thread starts with the first Store.setDeadline.
    private final EpochTicker ticker;

    EngineImpl(NativeRuntime rt, EngineConfig config, long handle) {
        this.rt = rt;
        this.config = config;
        this.handle = handle;
        var abi = rt.abi;
        Lifetime life = new Lifetime("engine", () -> abi.nsw_engine_delete(handle));
        this.lifetime = life;
        // Neither the ticker nor the cleaning action may refer to this object (it would never be cleaned).
        EpochTicker t = config.epochInterruption()
                ? new EpochTicker(life, () -> abi.nsw_engine_increment_epoch(handle), config.epochTick().toNanos())
                : null;
        this.ticker = t;
        NativeRuntime.CLEANER.register(this, () -> {
            if (t != null) {
                t.stop();
            }
            life.close();
        });
    }

    /** Starts the epoch ticker if it is not running (engines with epoch interruption only). */
    void startTicker() {
        if (ticker == null) {
            throw new IllegalStateException("this engine was made without epoch interruption");
        }
        ticker.start();
    }

    @Override
    public EngineConfig config() {
        return config;
    }

    @Override
    public WasmModule load(byte[] artifact) {
        Objects.requireNonNull(artifact, "artifact");
        // With keys, verify a private copy, so that the caller cannot change the bytes between the
        // check and the native copy.
        return loadChecked(config.trustedKeys().isEmpty() ? artifact : artifact.clone(), "", false);
    }

    @Override
    public WasmModule load(Path artifact) throws IOException {
        Objects.requireNonNull(artifact, "artifact");
        return loadChecked(Files.readAllBytes(artifact), " " + artifact, false);
    }

    @Override
    public WasmModule load(InputStream artifact) throws IOException {
        Objects.requireNonNull(artifact, "artifact");
        return loadChecked(artifact.readAllBytes(), "", false);
    }

    @Override
    public WasmModule loadResource(Class<?> anchor, String stem) {
        ClassPathArtifact found = ClassPathArtifact.find(anchor, stem, config);
        String where = " " + found.url() + (found.fromAnchorCodeSource() ? ""
                : " (not from " + anchor.getName() + "'s own jar or directory, " + ClassPathArtifact.codeSourceOf(anchor) + ")");
        return loadChecked(found.bytes(), where, found.fromAnchorCodeSource());
    }

    @Override
    public WasmModule compile(byte[] wasmOrWat) {
        Objects.requireNonNull(wasmOrWat, "wasmOrWat");
        if (!config.trustedKeys().isEmpty()) {
            throw ArtifactVerifier.compileRefused(config.trustedKeys().size());
        }
        byte[] artifact = CompileCache.artifact(wasmOrWat.clone(), ArtifactName.forEngine("compiled", config),
                rt.wasmtimeVersion());
        // Made in this process, kept in an owner-only directory (CompileCache): the application's own code.
        return loadChecked(artifact, "", true);
    }

    /**
     * Loads {@code bytes}, which no caller can change any more, if this engine may: signed by a
     * trusted key when it has keys; otherwise only when it allows unsigned artifacts or they are
     * {@code partOfApplication} (from the anchor class's own code source, or compiled in-process).
     * {@code where} names their origin for messages ("" when the caller handed them over).
     */
    private WasmModule loadChecked(byte[] bytes, String where, boolean partOfApplication) {
        if (!config.trustedKeys().isEmpty()) {
            ArtifactVerifier.verify(bytes, config.trustedKeys());
        } else if (!config.unsignedArtifactsAllowed() && !partOfApplication) {
            throw ArtifactVerifier.unverifiable(bytes, where);
        }
        return newModule(bytes, false);
    }

    @Override
    public WasmModule loadRawUnsafe(byte[] cwasm) {
        Objects.requireNonNull(cwasm, "cwasm");
        if (!config.trustedKeys().isEmpty()) {
            throw ArtifactVerifier.rawRefused(config.trustedKeys().size());
        }
        return newModule(cwasm, true);
    }

    private WasmModule newModule(byte[] bytes, boolean raw) {
        lifetime.enter();
        try (Scratch s = rt.scratch()) {
            long address = s.bytes(bytes);
            rt.check(raw ? rt.abi.nsw_module_new_unchecked_raw(handle, address, bytes.length, s.out(0))
                    : rt.abi.nsw_module_new(handle, address, bytes.length, s.out(0)));
            return new ModuleImpl(rt, this, s.outLong(0));
        } finally {
            lifetime.exit();
        }
    }

    @Override
    public Linker newLinker() {
        lifetime.enter();
        try (Scratch s = rt.scratch()) {
            rt.check(rt.abi.nsw_linker_new(handle, s.out(0)));
            return new LinkerImpl(rt, this, s.outLong(0));
        } finally {
            lifetime.exit();
        }
    }

    @Override
    public Store newStore() {
        lifetime.enter();
        try (Scratch s = rt.scratch()) {
            rt.check(rt.abi.nsw_store_new(handle, s.out(0)));
            return new StoreImpl(rt, this, s.outLong(0));
        } finally {
            lifetime.exit();
        }
    }

    @Override
    public void incrementEpoch() {
        lifetime.enter();
        try {
            rt.abi.nsw_engine_increment_epoch(handle);
        } finally {
            lifetime.exit();
        }
    }

    @Override
    public void close() {
        // Stop the ticker first: it then holds no use, and frees nothing itself.
        if (ticker != null) {
            ticker.stop();
        }
        lifetime.close();
    }

    @Override
    public String toString() {
        return "Engine[" + config + (lifetime.isClosed() ? ", closed" : "") + "]";
    }

    @Override
    public Store newStore(Object data) {
        Objects.requireNonNull(data, "data (a store without data is Engine.newStore())");
        lifetime.enter();
        try (Scratch s = rt.scratch()) {
            rt.check(rt.abi.nsw_store_new(handle, s.out(0)));
            return new StoreImpl(rt, this, s.outLong(0), data);
        } finally {
            lifetime.exit();
        }
    }
}
