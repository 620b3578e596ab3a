package dev.nostdwasm.api.runtime;

import dev.nostdwasm.api.Engine;
import dev.nostdwasm.api.EngineConfig;
import dev.nostdwasm.api.NoStdRuntime;
import dev.nostdwasm.api.PlatformShim;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.abi.NativeAbi;
import java.lang.ref.Cleaner;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runtime over one provider's binding: what {@code NativeRuntimes.open} returns. Everything a
 * user touches is built here once, over {@link NativeAbi}, so both providers behave alike.
 */
public final class NativeRuntime implements NoStdRuntime {

    /** Frees what users forgot to close; a safety net, not the way to close. */
    static final Cleaner CLEANER = Cleaner.create();

    final NativeAbi abi;
    final HostCalls hostCalls;
    final long callbackStub;
    final long finalizerStub;
    private final String provider;
    private final PlatformShim shim;
    private final String wasmtimeVersion;
    private final Set<Profile> profiles;
    private final ThreadLocal<Scratch> scratch;
    // Host functions learn their store from the id behind the caller context wasm passes them.
    private final ConcurrentHashMap<Long, WeakReference<StoreImpl>> stores = new ConcurrentHashMap<>();

    private NativeRuntime(String provider, PlatformShim shim, NativeAbi abi) {
        this.provider = provider;
        this.shim = shim;
        this.abi = abi;
        this.scratch = Scratch.perThread(abi);
        this.hostCalls = new HostCalls(this);
        this.callbackStub = abi.hostCallbackStub(hostCalls);
        this.finalizerStub = abi.finalizerStub(hostCalls);
        try (Scratch s = scratch()) {
            abi.nsw_wasmtime_version(s.out(0), s.out(1));
            this.wasmtimeVersion = string(s.outLong(0), s.outLong(1));
        }
        EnumSet<Profile> supported = EnumSet.noneOf(Profile.class);
        for (Profile p : Profile.values()) {
            if (shim.supports(p)) {
                supported.add(p);
            }
        }
        this.profiles = Collections.unmodifiableSet(supported);
    }

    /** Called by {@code NativeRuntimes.open} once the ABI version was checked. */
    public static NoStdRuntime open(String provider, PlatformShim shim, NativeAbi abi) {
        return new NativeRuntime(provider, shim, abi);
    }

    @Override
    public String provider() {
        return provider;
    }

    @Override
    public PlatformShim platformShim() {
        return shim;
    }

    @Override
    public String wasmtimeVersion() {
        return wasmtimeVersion;
    }

    @Override
    public Set<Profile> profiles() {
        return profiles;
    }

    @Override
    public Engine newEngine(EngineConfig config) {
        Objects.requireNonNull(config, "config");
        shim.requireSupport(config.profile());
        try (Scratch s = scratch()) {
            check(abi.nsw_engine_new(config.profile().id(), config.fuel(), config.epochInterruption(),
                    config.maxWasmStack(), s.out(0)));
            return new EngineImpl(this, config, s.outLong(0));
        }
    }

    @Override
    public String toString() {
        return "NoStdRuntime[" + provider + ", Wasmtime " + wasmtimeVersion + ", " + shim.name() + "]";
    }

    // ------------------------------------------------------------------------------------------

    Scratch scratch() {
        return Scratch.acquire(scratch, abi);
    }

    /** Throws the typed exception for {@code error} (freeing it) unless it is 0. */
    void check(long error) {
        if (error != 0) {
            throw Errors.toException(this, error);
        }
    }

    /** Reads {@code length} UTF-8 bytes of native memory. */
    String string(long address, long length) {
        if (length == 0) {
            return "";
        }
        byte[] bytes = new byte[Math.toIntExact(length)];
        abi.view(address, length).get(0, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    void register(long storeId, StoreImpl store) {
        stores.put(storeId, new WeakReference<>(store));
    }

    void unregister(long storeId) {
        stores.remove(storeId);
    }

    /** The open store with this id ({@code nsw_context_store_id} of a context), or null. */
    StoreImpl storeById(long id) {
        WeakReference<StoreImpl> ref = stores.get(id);
        return ref == null ? null : ref.get();
    }
}
