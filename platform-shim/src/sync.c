/*
 * Locks for Wasmtime's no_std `custom-sync-primitives`: wasmtime_sync_lock_*
 * and wasmtime_sync_rwlock_*.
 *
 * Wasmtime gives us one `uintptr_t` word per lock, zero-initialised by a
 * `const fn` constructor and possibly moved (by value) before first use. So
 * the word cannot hold the lock itself; it holds a pointer to a heap-allocated
 * pthread_mutex_t / pthread_rwlock_t, created on first use:
 *
 *   - load the word (acquire); non-zero means the lock already exists;
 *   - otherwise allocate + initialise one and try to install it with a
 *     compare-and-swap from 0; the thread that loses the race destroys and
 *     frees its copy and uses the winner's.
 *
 * *_free is called exactly once, with exclusive access (from Rust's Drop),
 * and may see a word that was never used (still 0).
 *
 * Failures Wasmtime cannot be told about (out of memory while creating a
 * lock, or pthread reporting an error while locking, which would mean the
 * caller continues without holding the lock) abort with a message.
 *
 * The rwlock uses glibc's default (reader-preferring) kind, which tolerates a
 * thread taking a read lock recursively.
 */
#include "shim.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>

static void check(int rc, const char *what) {
    if (rc != 0)
        nsw_fatal(what);
}

/* ---- mutex ------------------------------------------------------------ */

static pthread_mutex_t *mutex_get(uintptr_t *word) {
    uintptr_t cur = __atomic_load_n(word, __ATOMIC_ACQUIRE);
    if (cur != 0)
        return (pthread_mutex_t *)cur;

    pthread_mutex_t *m = malloc(sizeof *m);
    if (m == NULL)
        nsw_fatal("out of memory allocating a wasmtime_sync_lock");
    check(pthread_mutex_init(m, NULL), "pthread_mutex_init failed");

    uintptr_t expected = 0;
    if (__atomic_compare_exchange_n(word, &expected, (uintptr_t)m, false,
                                    __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
        return m;

    /* Another thread installed its lock first: use that one. */
    pthread_mutex_destroy(m);
    free(m);
    return (pthread_mutex_t *)expected;
}

NSW_EXPORT void wasmtime_sync_lock_acquire(uintptr_t *lock) {
    check(pthread_mutex_lock(mutex_get(lock)), "pthread_mutex_lock failed");
}

NSW_EXPORT void wasmtime_sync_lock_release(uintptr_t *lock) {
    uintptr_t cur = __atomic_load_n(lock, __ATOMIC_ACQUIRE);
    if (cur == 0)
        nsw_fatal("wasmtime_sync_lock_release on a lock that was never acquired");
    check(pthread_mutex_unlock((pthread_mutex_t *)cur), "pthread_mutex_unlock failed");
}

NSW_EXPORT void wasmtime_sync_lock_free(uintptr_t *lock) {
    uintptr_t cur = __atomic_exchange_n(lock, (uintptr_t)0, __ATOMIC_ACQ_REL);
    if (cur == 0)
        return; /* never used */
    pthread_mutex_destroy((pthread_mutex_t *)cur);
    free((void *)cur);
}

/* ---- rwlock ----------------------------------------------------------- */

static pthread_rwlock_t *rwlock_get(uintptr_t *word) {
    uintptr_t cur = __atomic_load_n(word, __ATOMIC_ACQUIRE);
    if (cur != 0)
        return (pthread_rwlock_t *)cur;

    pthread_rwlock_t *l = malloc(sizeof *l);
    if (l == NULL)
        nsw_fatal("out of memory allocating a wasmtime_sync_rwlock");
    check(pthread_rwlock_init(l, NULL), "pthread_rwlock_init failed");

    uintptr_t expected = 0;
    if (__atomic_compare_exchange_n(word, &expected, (uintptr_t)l, false,
                                    __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
        return l;

    pthread_rwlock_destroy(l);
    free(l);
    return (pthread_rwlock_t *)expected;
}

static pthread_rwlock_t *rwlock_existing(uintptr_t *word) {
    uintptr_t cur = __atomic_load_n(word, __ATOMIC_ACQUIRE);
    if (cur == 0)
        nsw_fatal("wasmtime_sync_rwlock release on a lock that was never acquired");
    return (pthread_rwlock_t *)cur;
}

NSW_EXPORT void wasmtime_sync_rwlock_read(uintptr_t *lock) {
    check(pthread_rwlock_rdlock(rwlock_get(lock)), "pthread_rwlock_rdlock failed");
}

NSW_EXPORT void wasmtime_sync_rwlock_read_release(uintptr_t *lock) {
    check(pthread_rwlock_unlock(rwlock_existing(lock)), "pthread_rwlock_unlock failed");
}

NSW_EXPORT void wasmtime_sync_rwlock_write(uintptr_t *lock) {
    check(pthread_rwlock_wrlock(rwlock_get(lock)), "pthread_rwlock_wrlock failed");
}

NSW_EXPORT void wasmtime_sync_rwlock_write_release(uintptr_t *lock) {
    check(pthread_rwlock_unlock(rwlock_existing(lock)), "pthread_rwlock_unlock failed");
}

NSW_EXPORT void wasmtime_sync_rwlock_free(uintptr_t *lock) {
    uintptr_t cur = __atomic_exchange_n(lock, (uintptr_t)0, __ATOMIC_ACQ_REL);
    if (cur == 0)
        return; /* never used */
    pthread_rwlock_destroy((pthread_rwlock_t *)cur);
    free((void *)cur);
}
