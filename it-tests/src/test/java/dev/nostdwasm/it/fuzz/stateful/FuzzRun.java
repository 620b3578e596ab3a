package dev.nostdwasm.it.fuzz.stateful;

import dev.nostdwasm.api.Caller;
import dev.nostdwasm.api.NoStdRuntime;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.Store;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the threads of one run share: the runtime and its profiles, the module bytes, the counters,
 * the trail, the resident-size bound, and what a thread offers the others (stores marked shared,
 * {@code Caller}s kept past their call).
 */
final class FuzzRun {
    /** A {@code Caller} kept past its host call, with the store it was for. */
    record KeptCaller(Caller caller, long store) {}

    final String provider;
    final FuzzOptions options;
    final NoStdRuntime runtime;
    final List<Profile> profiles;
    /** Per profile: the artifacts of {@code fuzz_api} and {@code fuzz_start}. */
    final Map<Profile, byte[]> apiModules;
    final Map<Profile, byte[]> startModules;
    final Tally tally = new Tally();
    final Trail trail;
    final ResidentMemory memory;
    final List<Tenant> shared = new CopyOnWriteArrayList<>();
    final List<KeptCaller> sharedCallers = new CopyOnWriteArrayList<>();
    final AtomicLong storeIds = new AtomicLong();
    /** Stores dropped without close since the last phase end, whose collection finds them. */
    final List<Long> dropped = new CopyOnWriteArrayList<>();
    /** Stores the last phase end's collection found: the cleaner may still be freeing them. */
    final List<Long> collected = new CopyOnWriteArrayList<>();
    /** The stores {@link FuzzOptions#injectLeakMiB} leaks: kept here so that no collector frees them. */
    final List<Store> leakedOnPurpose = new CopyOnWriteArrayList<>();

    FuzzRun(String provider, FuzzOptions options, NoStdRuntime runtime, List<Profile> profiles,
            Map<Profile, byte[]> apiModules, Map<Profile, byte[]> startModules, Trail trail, ResidentMemory memory) {
        this.provider = provider;
        this.options = options;
        this.runtime = runtime;
        this.profiles = profiles;
        this.apiModules = apiModules;
        this.startModules = startModules;
        this.trail = trail;
        this.memory = memory;
    }
}
