package dev.nostdwasm.it.fuzz.stateful;

import java.util.Locale;

/**
 * One step of a fuzz thread, with its {@link Family} and how often it is drawn (weights are
 * relative; the expensive steps, such as collecting the heap or making an engine, are rare).
 * {@link Worker} says what each one does.
 */
enum Operation {
    ENGINE_NEW(Family.ENGINE, 4),
    ENGINE_CLOSE(Family.ENGINE, 3),
    MODULE_CLOSE(Family.MODULE, 3),
    MODULE_LOAD(Family.MODULE, 3),
    LINKER_NEW(Family.LINKER, 10),
    LINKER_CLOSE(Family.LINKER, 5),
    STORE_NEW(Family.STORE, 40),
    STORE_CLOSE(Family.STORE, 25),
    STORE_DROP(Family.STORE, 8),
    INSTANTIATE(Family.INSTANTIATE, 60),
    CALL_LEAF(Family.CALL, 100),
    CALL_HOST(Family.CALL, 100),
    MEMORY_ACCESS(Family.CALL, 50),
    WASM_ACCESS(Family.CALL, 40),
    VIEW_TAKE(Family.VIEW, 30),
    VIEW_READ(Family.VIEW, 30),
    VIEW_WRITE(Family.VIEW, 20),
    COLLECT_GARBAGE(Family.VIEW, 1),
    MEMORY_GROW(Family.GROW, 30),
    TABLE_GROW(Family.GROW, 20),
    NEW_MEMORIES(Family.GROW, 8),
    RECURSE(Family.RECURSION, 10),
    CHAIN(Family.CHAIN, 3),
    ECHO_REFS(Family.REFS, 40),
    TABLE_REFS(Family.REFS, 30),
    REF_LOOP(Family.BOOKKEEPING, 5),
    START(Family.START, 15),
    CALLER_USE(Family.CALLER, 20),
    SHARED_CALL(Family.SHARED, 30),
    SHARED_CLOSE(Family.SHARED, 3);

    final Family family;
    final int weight;

    Operation(Family family, int weight) {
        this.family = family;
        this.weight = weight;
    }

    String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
