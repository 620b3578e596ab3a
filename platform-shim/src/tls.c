/*
 * Thread-local storage for Wasmtime: wasmtime_tls_get / wasmtime_tls_set.
 *
 * Wasmtime uses slot 0 for its per-thread runtime state (non-NULL while a
 * thread is executing inside Wasmtime) and slot 1 for component-model-async
 * state. Both default to NULL on every thread.
 *
 * The slots live in a static __thread array with the initial-exec TLS model:
 * access is a fixed offset from the thread pointer and never calls
 * __tls_get_addr, so it never allocates and is async-signal-safe (the trap
 * handler in traps.c reads slot 0). initial-exec in a dlopen()ed library uses
 * glibc's static TLS surplus, which easily fits these 16 bytes.
 */
#include "shim.h"

#include <stddef.h>

#define NSW_TLS_SLOTS 2

static __thread void *tls_slots[NSW_TLS_SLOTS]
    __attribute__((tls_model("initial-exec")));

NSW_EXPORT uint8_t *wasmtime_tls_get(uintptr_t slot) {
    if (slot >= NSW_TLS_SLOTS)
        return NULL; /* Wasmtime never asks for other slots */
    return (uint8_t *)tls_slots[slot];
}

NSW_EXPORT void wasmtime_tls_set(uintptr_t slot, uint8_t *ptr) {
    if (slot >= NSW_TLS_SLOTS)
        return; /* ignore rather than write out of bounds */
    tls_slots[slot] = ptr;
}

void *nsw_tls_slot0(void) {
    return tls_slots[0];
}
