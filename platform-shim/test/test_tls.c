/* Tests for wasmtime_tls_get / wasmtime_tls_set. */
#include "test.h"

#include <pthread.h>

static void *read_slots(void *out) {
    void **o = out;
    o[0] = wasmtime_tls_get(0);
    o[1] = wasmtime_tls_get(1);
    return NULL;
}

static const char *t_defaults_null(void) {
    REQUIRE(wasmtime_tls_get(0) == NULL, "slot 0 not NULL initially");
    REQUIRE(wasmtime_tls_get(1) == NULL, "slot 1 not NULL initially");
    return NULL;
}

static const char *t_set_get_both_slots(void) {
    uint8_t a, b;
    wasmtime_tls_set(0, &a);
    wasmtime_tls_set(1, &b);
    REQUIRE(wasmtime_tls_get(0) == &a, "slot 0 lost its value");
    REQUIRE(wasmtime_tls_get(1) == &b, "slot 1 lost its value");
    wasmtime_tls_set(1, NULL);
    REQUIRE(wasmtime_tls_get(0) == &a, "clearing slot 1 changed slot 0");
    REQUIRE(wasmtime_tls_get(1) == NULL, "slot 1 not cleared");

    /* Another thread does not see this thread's values. */
    void *seen[2] = {&a, &a};
    pthread_t t;
    REQUIRE(pthread_create(&t, NULL, read_slots, seen) == 0, "pthread_create");
    pthread_join(t, NULL);
    REQUIRE(seen[0] == NULL && seen[1] == NULL, "new thread saw %p/%p", seen[0], seen[1]);
    wasmtime_tls_set(0, NULL);
    REQUIRE(wasmtime_tls_get(0) == NULL, "slot 0 not cleared");
    return NULL;
}

static const char *t_bad_slot(void) {
    uint8_t a, b, c;
    wasmtime_tls_set(0, &a);
    wasmtime_tls_set(1, &b);
    wasmtime_tls_set(2, &c);
    wasmtime_tls_set(1000, &c);
    wasmtime_tls_set(UINTPTR_MAX, &c);
    REQUIRE(wasmtime_tls_get(2) == NULL, "slot 2 returned a value");
    REQUIRE(wasmtime_tls_get(UINTPTR_MAX) == NULL, "slot UINTPTR_MAX returned a value");
    REQUIRE(wasmtime_tls_get(0) == &a && wasmtime_tls_get(1) == &b,
            "bad-slot set disturbed slots 0/1");
    wasmtime_tls_set(0, NULL);
    wasmtime_tls_set(1, NULL);
    return NULL;
}

static pthread_barrier_t tls_barrier;

struct tls_thread {
    int index;
    uint8_t mine;
    int errors;
};

static void *tls_thread_main(void *p) {
    struct tls_thread *t = p;
    if (wasmtime_tls_get(0) != NULL || wasmtime_tls_get(1) != NULL)
        t->errors++;
    wasmtime_tls_set(0, &t->mine);
    wasmtime_tls_set(1, (uint8_t *)(uintptr_t)(t->index + 1));
    pthread_barrier_wait(&tls_barrier); /* all threads have written */
    for (int i = 0; i < 10000; i++) {
        if (wasmtime_tls_get(0) != &t->mine ||
            wasmtime_tls_get(1) != (uint8_t *)(uintptr_t)(t->index + 1)) {
            t->errors++;
            break;
        }
    }
    pthread_barrier_wait(&tls_barrier);
    return NULL;
}

static const char *t_threads(void) {
    pthread_t th[NTHREADS];
    struct tls_thread ts[NTHREADS];
    pthread_barrier_init(&tls_barrier, NULL, NTHREADS);
    for (int i = 0; i < NTHREADS; i++) {
        ts[i] = (struct tls_thread){.index = i};
        REQUIRE(pthread_create(&th[i], NULL, tls_thread_main, &ts[i]) == 0, "pthread_create");
    }
    for (int i = 0; i < NTHREADS; i++)
        pthread_join(th[i], NULL);
    pthread_barrier_destroy(&tls_barrier);
    for (int i = 0; i < NTHREADS; i++)
        REQUIRE(ts[i].errors == 0, "thread %d saw a wrong value", i);
    REQUIRE(wasmtime_tls_get(0) == NULL, "main thread's slot 0 changed");
    return NULL;
}

void tls_tests(void) {
    run_test("tls_defaults_null", t_defaults_null);
    run_test("tls_set_get_both_slots", t_set_get_both_slots);
    run_test("tls_bad_slot", t_bad_slot);
    run_test("tls_8_threads", t_threads);
}
