/*
 * nsw_platform_thread_stack: the calling thread's stack bounds, which the
 * embedding compares with the stack pointer before it lets wasm run (every
 * entry into wasm starts a fresh wasm stack budget, so wasm calling the host
 * calling wasm of another store could otherwise run off the thread's stack).
 *
 * pthread_getattr_np costs a few microseconds (for the main thread it reads
 * /proc/self/maps), so the bounds are read once per thread and kept in
 * initial-exec TLS, like the slots of tls.c: later calls are two loads.
 */
#include "shim.h"
#include "nsw-platform.h"

#include <errno.h>
#include <pthread.h>

static __thread uintptr_t stack_low __attribute__((tls_model("initial-exec")));
static __thread uintptr_t stack_high __attribute__((tls_model("initial-exec")));

static int read_bounds(void) {
    pthread_attr_t attr;
    int rc = pthread_getattr_np(pthread_self(), &attr);
    if (rc != 0)
        return rc;
    void *addr;
    size_t size;
    rc = pthread_attr_getstack(&attr, &addr, &size);
    pthread_attr_destroy(&attr);
    if (rc != 0)
        return rc;
    if (size == 0)
        return EINVAL;
    stack_low = (uintptr_t)addr;
    stack_high = (uintptr_t)addr + size;
    return 0;
}

NSW_EXPORT int32_t nsw_platform_thread_stack(uintptr_t *low, uintptr_t *high) {
    if (low == NULL || high == NULL)
        return EINVAL;
    if (stack_high == 0) {
        int rc = read_bounds();
        if (rc != 0)
            return rc; /* not cached: a later call tries again */
    }
    *low = stack_low;
    *high = stack_high;
    return 0;
}
