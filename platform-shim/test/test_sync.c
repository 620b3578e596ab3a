/* Tests for wasmtime_sync_lock_* and wasmtime_sync_rwlock_*. */
#include "test.h"

#include <pthread.h>
#include <time.h>

#define INCREMENTS 20000
#define RACE_ROUNDS 100

static const char *t_lock_lazy_init_and_free(void) {
    uintptr_t word = 0;
    wasmtime_sync_lock_acquire(&word);
    REQUIRE(word != 0, "lock word still zero after first acquire");
    uintptr_t first = word;
    wasmtime_sync_lock_release(&word);
    wasmtime_sync_lock_acquire(&word);
    REQUIRE(word == first, "lock re-created on second use");
    wasmtime_sync_lock_release(&word);
    wasmtime_sync_lock_free(&word);
    return NULL;
}

static const char *t_free_never_used(void) {
    uintptr_t lock = 0, rw = 0;
    wasmtime_sync_lock_free(&lock);
    wasmtime_sync_rwlock_free(&rw);
    REQUIRE(lock == 0 && rw == 0, "free of an unused lock changed the word");
    return NULL;
}

/* A moved lock (Rust moves the word by value) keeps working. */
static const char *t_lock_moved_word(void) {
    uintptr_t a = 0;
    wasmtime_sync_lock_acquire(&a);
    wasmtime_sync_lock_release(&a);
    uintptr_t b = a; /* move */
    wasmtime_sync_lock_acquire(&b);
    wasmtime_sync_lock_release(&b);
    wasmtime_sync_lock_free(&b);
    return NULL;
}

static uintptr_t counter_lock;
static long counter;

static void *lock_worker(void *unused) {
    (void)unused;
    for (int i = 0; i < INCREMENTS; i++) {
        wasmtime_sync_lock_acquire(&counter_lock);
        long v = counter; /* non-atomic read-modify-write */
        __asm__ volatile("" ::: "memory");
        counter = v + 1;
        wasmtime_sync_lock_release(&counter_lock);
    }
    return NULL;
}

static const char *t_lock_contended(void) {
    pthread_t th[NTHREADS];
    counter_lock = 0;
    counter = 0;
    for (int i = 0; i < NTHREADS; i++)
        REQUIRE(pthread_create(&th[i], NULL, lock_worker, NULL) == 0, "pthread_create");
    for (int i = 0; i < NTHREADS; i++)
        pthread_join(th[i], NULL);
    REQUIRE(counter == (long)NTHREADS * INCREMENTS, "counter %ld want %ld", counter,
            (long)NTHREADS * INCREMENTS);
    wasmtime_sync_lock_free(&counter_lock);
    return NULL;
}

/* All threads hit fresh zero words at the same time: exercises the
 * compare-and-swap race of lazy initialisation (losers free their copy). */
static uintptr_t race_mutex[RACE_ROUNDS], race_rw[RACE_ROUNDS];
static long race_count[RACE_ROUNDS], race_rw_count[RACE_ROUNDS];
static pthread_barrier_t race_barrier;

static void *race_worker(void *unused) {
    (void)unused;
    for (int r = 0; r < RACE_ROUNDS; r++) {
        pthread_barrier_wait(&race_barrier);
        for (int i = 0; i < 10; i++) {
            wasmtime_sync_lock_acquire(&race_mutex[r]);
            long v = race_count[r];
            __asm__ volatile("" ::: "memory");
            race_count[r] = v + 1;
            wasmtime_sync_lock_release(&race_mutex[r]);

            wasmtime_sync_rwlock_write(&race_rw[r]);
            v = race_rw_count[r];
            __asm__ volatile("" ::: "memory");
            race_rw_count[r] = v + 1;
            wasmtime_sync_rwlock_write_release(&race_rw[r]);
        }
    }
    return NULL;
}

static const char *t_lazy_init_race(void) {
    pthread_t th[NTHREADS];
    pthread_barrier_init(&race_barrier, NULL, NTHREADS);
    for (int i = 0; i < NTHREADS; i++)
        REQUIRE(pthread_create(&th[i], NULL, race_worker, NULL) == 0, "pthread_create");
    for (int i = 0; i < NTHREADS; i++)
        pthread_join(th[i], NULL);
    pthread_barrier_destroy(&race_barrier);
    for (int r = 0; r < RACE_ROUNDS; r++) {
        REQUIRE(race_count[r] == NTHREADS * 10, "round %d: mutex count %ld", r, race_count[r]);
        REQUIRE(race_rw_count[r] == NTHREADS * 10, "round %d: rwlock count %ld", r,
                race_rw_count[r]);
        wasmtime_sync_lock_free(&race_mutex[r]);
        wasmtime_sync_rwlock_free(&race_rw[r]);
    }
    return NULL;
}

/* Readers check an invariant (a == b) that writers break temporarily. */
static uintptr_t rw_lock;
static volatile long rw_a, rw_b;
static long rw_violations, rw_reads;

static void *rw_writer(void *unused) {
    (void)unused;
    for (int i = 0; i < INCREMENTS / 4; i++) {
        wasmtime_sync_rwlock_write(&rw_lock);
        rw_a = rw_a + 1;
        for (volatile int spin = 0; spin < 20; spin++) {
        }
        rw_b = rw_b + 1;
        wasmtime_sync_rwlock_write_release(&rw_lock);
    }
    return NULL;
}

static void *rw_reader(void *unused) {
    (void)unused;
    long bad = 0;
    for (int i = 0; i < INCREMENTS / 2; i++) {
        wasmtime_sync_rwlock_read(&rw_lock);
        long a = rw_a;
        for (volatile int spin = 0; spin < 5; spin++) {
        }
        long b = rw_b;
        wasmtime_sync_rwlock_read_release(&rw_lock);
        if (a != b)
            bad++;
    }
    __atomic_fetch_add(&rw_violations, bad, __ATOMIC_RELAXED);
    __atomic_fetch_add(&rw_reads, INCREMENTS / 2, __ATOMIC_RELAXED);
    return NULL;
}

static const char *t_rwlock_readers_writers(void) {
    pthread_t th[NTHREADS];
    const int writers = 2;
    rw_lock = 0;
    rw_a = rw_b = 0;
    for (int i = 0; i < NTHREADS; i++)
        REQUIRE(pthread_create(&th[i], NULL, i < writers ? rw_writer : rw_reader, NULL) == 0,
                "pthread_create");
    for (int i = 0; i < NTHREADS; i++)
        pthread_join(th[i], NULL);
    REQUIRE(rw_violations == 0, "%ld of %ld reads saw a half-done write", rw_violations,
            rw_reads);
    REQUIRE(rw_a == (long)writers * (INCREMENTS / 4) && rw_b == rw_a, "lost writes: a=%ld b=%ld",
            rw_a, rw_b);
    wasmtime_sync_rwlock_free(&rw_lock);
    return NULL;
}

/* Two readers must be able to hold the lock at the same time. */
static uintptr_t shared_lock;
static int readers_in, reader_timeout;

static bool wait_for(int *var, int value) {
    struct timespec start, now;
    clock_gettime(CLOCK_MONOTONIC, &start);
    while (__atomic_load_n(var, __ATOMIC_ACQUIRE) < value) {
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (now.tv_sec - start.tv_sec > 10)
            return false;
        sched_yield();
    }
    return true;
}

static void *shared_reader(void *unused) {
    (void)unused;
    wasmtime_sync_rwlock_read(&shared_lock);
    __atomic_fetch_add(&readers_in, 1, __ATOMIC_ACQ_REL);
    if (!wait_for(&readers_in, 2))
        __atomic_store_n(&reader_timeout, 1, __ATOMIC_RELEASE);
    wasmtime_sync_rwlock_read_release(&shared_lock);
    return NULL;
}

static const char *t_rwlock_shared_readers(void) {
    pthread_t a, b;
    shared_lock = 0;
    readers_in = reader_timeout = 0;
    REQUIRE(pthread_create(&a, NULL, shared_reader, NULL) == 0, "pthread_create");
    REQUIRE(pthread_create(&b, NULL, shared_reader, NULL) == 0, "pthread_create");
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    REQUIRE(!reader_timeout, "readers did not hold the lock concurrently");
    /* A writer gets in after the readers left. */
    wasmtime_sync_rwlock_write(&shared_lock);
    wasmtime_sync_rwlock_write_release(&shared_lock);
    wasmtime_sync_rwlock_free(&shared_lock);
    return NULL;
}

static const char *t_rwlock_lazy_init(void) {
    uintptr_t r = 0, w = 0;
    wasmtime_sync_rwlock_read(&r);
    REQUIRE(r != 0, "rwlock word zero after first read");
    wasmtime_sync_rwlock_read(&r); /* recursive read is fine (reader-preferring) */
    wasmtime_sync_rwlock_read_release(&r);
    wasmtime_sync_rwlock_read_release(&r);
    wasmtime_sync_rwlock_write(&w);
    REQUIRE(w != 0, "rwlock word zero after first write");
    wasmtime_sync_rwlock_write_release(&w);
    wasmtime_sync_rwlock_free(&r);
    wasmtime_sync_rwlock_free(&w);
    return NULL;
}

void sync_tests(void) {
    run_test("lock_lazy_init_and_free", t_lock_lazy_init_and_free);
    run_test("lock_free_never_used", t_free_never_used);
    run_test("lock_moved_word", t_lock_moved_word);
    run_test("lock_8_threads_counter", t_lock_contended);
    run_test("lock_lazy_init_race_8_threads", t_lazy_init_race);
    run_test("rwlock_lazy_init", t_rwlock_lazy_init);
    run_test("rwlock_8_threads_readers_writers", t_rwlock_readers_writers);
    run_test("rwlock_shared_readers", t_rwlock_shared_readers);
}
