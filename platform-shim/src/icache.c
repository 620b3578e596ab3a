/*
 * Instruction-cache coherence after code is made executable
 * (called from wasmtime_mprotect when PROT_EXEC is granted).
 *
 * x86_64 keeps instruction caches coherent with data writes in hardware;
 * nothing to do.
 *
 * aarch64 does not. Two steps are needed before another thread may run code
 * that was just written through a data mapping:
 *
 *  1. __builtin___clear_cache(start, end): cleans the data cache to the point
 *     of unification (DC CVAU) and invalidates the instruction cache (IC IVAU)
 *     for the range, with the required DSB/ISB barriers. The IC IVAU is
 *     broadcast to the inner-shareable domain, so every core's i-cache drops
 *     stale lines - but only the calling core executes an ISB.
 *
 *  2. membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE): makes every
 *     other thread of the process execute a context-synchronising event, so
 *     no core keeps already-fetched stale instructions in its pipeline. The
 *     process must register for it once
 *     (MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE); we do that lazily
 *     with pthread_once on the first executable mprotect.
 *
 * If the SYNC_CORE command is not available (Linux < 4.16, seccomp filters,
 * some emulators) we fall back, like Wasmtime's own std build does, to
 * MEMBARRIER_CMD_GLOBAL: slower (it waits for an RCU grace period), but every
 * running thread passes through the kernel, and the return to user space
 * (ERET) is context-synchronising on arm64.
 *
 * If membarrier is not available at all, that is recorded once and only
 * step 1 remains. That is still correct in practice: the i-cache
 * invalidation reaches all cores, the pages are freshly made executable (no
 * thread had a reason to fetch from them before), and Wasmtime publishes new
 * code to other threads through locks/atomics, whose barriers order the
 * hand-off. What is lost is only the architectural guarantee against a core
 * that speculatively fetched stale instructions from the range. Nothing here
 * ever aborts or fails the mprotect.
 */
#include "shim.h"

#if defined(__aarch64__)

#include <linux/membarrier.h>
#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

enum {
    MB_NONE = -1,     /* no usable membarrier: clear_cache only */
    MB_SYNC_CORE = 1, /* registered for PRIVATE_EXPEDITED_SYNC_CORE */
    MB_GLOBAL = 2,    /* fallback: MEMBARRIER_CMD_GLOBAL */
};
static int membarrier_state;
static pthread_once_t membarrier_once = PTHREAD_ONCE_INIT;

static long sys_membarrier(int cmd) {
    return syscall(__NR_membarrier, cmd, 0, 0);
}

static void membarrier_register(void) {
    int state = MB_NONE;
    long cmds = sys_membarrier(MEMBARRIER_CMD_QUERY);
    if (cmds > 0) {
        if ((cmds & MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE) &&
            sys_membarrier(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE) == 0)
            state = MB_SYNC_CORE;
        else if (cmds & MEMBARRIER_CMD_GLOBAL)
            state = MB_GLOBAL;
    }
    __atomic_store_n(&membarrier_state, state, __ATOMIC_RELEASE);
}

void nsw_icache_sync(void *ptr, uintptr_t len) {
    char *start = (char *)ptr;
    __builtin___clear_cache(start, start + len);

    pthread_once(&membarrier_once, membarrier_register);
    switch (__atomic_load_n(&membarrier_state, __ATOMIC_ACQUIRE)) {
    case MB_SYNC_CORE:
        if (sys_membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE) == 0)
            return;
        /* Should not fail once registered; try the global barrier. */
        __atomic_store_n(&membarrier_state, MB_GLOBAL, __ATOMIC_RELEASE);
        __attribute__((fallthrough));
    case MB_GLOBAL:
        if (sys_membarrier(MEMBARRIER_CMD_GLOBAL) != 0)
            __atomic_store_n(&membarrier_state, MB_NONE, __ATOMIC_RELEASE);
        return;
    default:
        return; /* clear_cache only, see above */
    }
}

#else /* x86_64 and other coherent architectures */

void nsw_icache_sync(void *ptr, uintptr_t len) {
    (void)ptr;
    (void)len;
}

#endif
