package dev.nostdwasm.it.fuzz.stateful;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The operation families of the stateful API fuzzer, each switched on or off as a whole: {@code
 * -Dnostdwasm.fuzz.families=view,chain} runs only those, {@code -Dnostdwasm.fuzz.exclude=view}
 * runs all but those (names are the constants in lower case, {@code _} written {@code -}).
 * Families named {@code host-*} are what a host function does when wasm calls it.
 */
enum Family {
    /** Create and close engines (profiles {@code native}, {@code native-signals}, {@code pulley}). */
    ENGINE,
    /** Close an engine's modules and load them again. */
    MODULE,
    /** Create and close linkers. */
    LINKER,
    /** Create stores with limits, close them, or drop them for the garbage collector to free. */
    STORE,
    /** Instantiate the fuzz module in a store, through a linker of any engine. */
    INSTANTIATE,
    /** Call exports (generic and typed paths), read and write memory through the API and through wasm. */
    CALL,
    /** Keep {@code Memory.view()} buffers across garbage collection, growth and close; use them later. */
    VIEW,
    /** Grow memories and tables up to and past the store's limits; make memories until refused. */
    GROW,
    /** Recurse deep in one store, past the wasm stack limit. */
    RECURSION,
    /** Chains of nested stores: a host function at the bottom of one store's recursion calls the next store. */
    CHAIN,
    /** funcref and externref arguments, results and table elements, also another store's funcs. */
    REFS,
    /** A wasm loop calling a host function with a funcref and an externref many times in one call. */
    BOOKKEEPING,
    /** Instantiate a module whose start function calls the host, which uses the instantiating linker. */
    START,
    /** Use a {@code Caller} kept past its host call, on this thread or another. */
    CALLER,
    /** Call into, or close, a store another thread made. */
    SHARED,
    /** A host function calls back into wasm of its own store. */
    HOST_REENTER,
    /** A host function defines a new name on a linker of its thread. */
    HOST_DEFINE,
    /** A host function closes its own store. */
    HOST_CLOSE_STORE,
    /** A host function keeps its {@code Caller} for later. */
    HOST_KEEP_CALLER,
    /** A host function throws. */
    HOST_THROW,
    /** A host function calls into another store. */
    HOST_NESTED,
    /** A host function reads its store's memory through {@code Caller.memory}, and grows it. */
    HOST_MEMORY;

    /** The name used in system properties and reports: {@code host-reenter}. */
    String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The families {@code families} (comma separated keys, or {@code all}) minus {@code exclude}.
     *
     * @throws IllegalArgumentException naming an unknown key and the known ones
     */
    static Set<Family> select(String families, String exclude) {
        Set<Family> selected = families.isBlank() || families.strip().equals("all")
                ? EnumSet.allOf(Family.class) : parse(families);
        selected.removeAll(parse(exclude));
        return selected;
    }

    private static Set<Family> parse(String keys) {
        Set<Family> set = EnumSet.noneOf(Family.class);
        for (String key : keys.split(",")) {
            String k = key.strip();
            if (k.isEmpty()) {
                continue;
            }
            Family found = null;
            for (Family f : values()) {
                if (f.key().equals(k)) {
                    found = f;
                }
            }
            if (found == null) {
                StringBuilder known = new StringBuilder();
                for (Family f : values()) {
                    known.append(known.length() == 0 ? "" : ", ").append(f.key());
                }
                throw new IllegalArgumentException("unknown fuzz operation family '" + k + "'; the families are: "
                        + known);
            }
            set.add(found);
        }
        return set;
    }
}
