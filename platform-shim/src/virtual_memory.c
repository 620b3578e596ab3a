/*
 * Virtual memory for Wasmtime: wasmtime_mmap_new, wasmtime_mmap_remap,
 * wasmtime_munmap, wasmtime_mprotect and wasmtime_page_size.
 *
 * Thin wrappers over mmap(2)/munmap(2)/mprotect(2). Every function returns 0
 * on success and the errno value (always non-zero) on failure; Wasmtime turns
 * a non-zero result into an "os error N" Rust error.
 *
 * Mappings are anonymous and private with MAP_NORESERVE: Wasmtime reserves
 * large PROT_NONE regions (linear memories with guard pages) and commits
 * pages lazily, so no swap should be accounted up front.
 *
 * Granting PROT_EXEC also synchronises the instruction caches of all threads
 * with the new code (see icache.c); this matters on aarch64.
 */
#include "shim.h"

#include <errno.h>
#include <stddef.h>
#include <sys/mman.h>
#include <unistd.h>

#define NSW_PROT_ALL (WASMTIME_PROT_READ | WASMTIME_PROT_WRITE | WASMTIME_PROT_EXEC)

static int failure(void) {
    return errno != 0 ? errno : EINVAL;
}

/* Translate WASMTIME_PROT_* bits to PROT_*; -1 for unknown bits. */
static int to_prot(uint32_t flags) {
    if ((flags & ~(uint32_t)NSW_PROT_ALL) != 0)
        return -1;
    int prot = PROT_NONE;
    if (flags & WASMTIME_PROT_READ)
        prot |= PROT_READ;
    if (flags & WASMTIME_PROT_WRITE)
        prot |= PROT_WRITE;
    if (flags & WASMTIME_PROT_EXEC)
        prot |= PROT_EXEC;
    return prot;
}

NSW_EXPORT int32_t wasmtime_mmap_new(uintptr_t size, uint32_t prot_flags, uint8_t **ret) {
    int prot = to_prot(prot_flags);
    if (prot < 0 || ret == NULL)
        return EINVAL;
    void *p = mmap(NULL, size, prot, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED)
        return failure();
    *ret = (uint8_t *)p;
    return 0;
}

NSW_EXPORT int32_t wasmtime_mmap_remap(uint8_t *addr, uintptr_t size, uint32_t prot_flags) {
    int prot = to_prot(prot_flags);
    if (prot < 0)
        return EINVAL;
    /* MAP_FIXED atomically replaces whatever was mapped there with fresh,
     * zero-filled pages, releasing the old pages' memory. */
    void *p = mmap(addr, size, prot, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED,
                   -1, 0);
    if (p == MAP_FAILED)
        return failure();
    if (p != (void *)addr) { /* cannot happen with MAP_FIXED; be defensive */
        munmap(p, size);
        return EINVAL;
    }
    return 0;
}

NSW_EXPORT int32_t wasmtime_munmap(uint8_t *ptr, uintptr_t size) {
    if (munmap(ptr, size) != 0)
        return failure();
    return 0;
}

NSW_EXPORT int32_t wasmtime_mprotect(uint8_t *ptr, uintptr_t size, uint32_t prot_flags) {
    int prot = to_prot(prot_flags);
    if (prot < 0)
        return EINVAL;

    if ((prot & PROT_EXEC) && !(prot & PROT_READ)) {
        /* Cache maintenance by address needs a readable mapping on aarch64,
         * so sync while the range is still readable, then drop PROT_READ. */
        if (mprotect(ptr, size, prot | PROT_READ) != 0)
            return failure();
        nsw_icache_sync(ptr, size);
        if (mprotect(ptr, size, prot) != 0)
            return failure();
        return 0;
    }

    if (mprotect(ptr, size, prot) != 0)
        return failure();
    if (prot & PROT_EXEC)
        nsw_icache_sync(ptr, size);
    return 0;
}

NSW_EXPORT uintptr_t wasmtime_page_size(void) {
    static uintptr_t cached; /* 0 until first call; benign race */
    uintptr_t size = __atomic_load_n(&cached, __ATOMIC_RELAXED);
    if (size == 0) {
        long s = sysconf(_SC_PAGESIZE);
        size = s > 0 ? (uintptr_t)s : 4096;
        __atomic_store_n(&cached, size, __ATOMIC_RELAXED);
    }
    return size;
}
