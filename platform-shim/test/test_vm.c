/* Tests for wasmtime_mmap_new / _remap, wasmtime_munmap, wasmtime_mprotect,
 * wasmtime_page_size. Faults are caught through the shim's trap path (TLS
 * slot 0 NULL -> chained to the JVM-like handler). */
#include "test.h"

#include <errno.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#if defined(__aarch64__)
#include <linux/membarrier.h>
#endif

static void fault_read(void *p) { touch_read(p); }
static void fault_write(void *p) { touch_write(p); }

static const char *t_page_size(void) {
    uintptr_t ps = wasmtime_page_size();
    REQUIRE(ps == (uintptr_t)sysconf(_SC_PAGESIZE), "page size %lu != sysconf %ld",
            (unsigned long)ps, sysconf(_SC_PAGESIZE));
    REQUIRE(ps >= 4096 && (ps & (ps - 1)) == 0, "page size %lu not a power of two >= 4096",
            (unsigned long)ps);
    return NULL;
}

static const char *t_mmap_new_rw(void) {
    uintptr_t ps = wasmtime_page_size();
    uint8_t *p = NULL;
    int rc = wasmtime_mmap_new(4 * ps, WASMTIME_PROT_READ | WASMTIME_PROT_WRITE, &p);
    REQUIRE(rc == 0 && p != NULL, "mmap_new failed: %d", rc);
    REQUIRE((uintptr_t)p % ps == 0, "mapping %p not page aligned", (void *)p);
    for (uintptr_t i = 0; i < 4 * ps; i++)
        REQUIRE(p[i] == 0, "byte %lu not zero", (unsigned long)i);
    for (uintptr_t i = 0; i < 4 * ps; i++)
        p[i] = (uint8_t)(i * 7);
    for (uintptr_t i = 0; i < 4 * ps; i++)
        REQUIRE(p[i] == (uint8_t)(i * 7), "byte %lu lost", (unsigned long)i);
    REQUIRE(wasmtime_munmap(p, 4 * ps) == 0, "munmap failed");
    return NULL;
}

static const char *t_mmap_new_none_and_mprotect(void) {
    uintptr_t ps = wasmtime_page_size();
    uint8_t *p = NULL;
    REQUIRE(wasmtime_mmap_new(2 * ps, 0, &p) == 0, "PROT_NONE reservation failed");
    int sig = catch_jvm_fault(fault_read, p + ps + 3);
    REQUIRE(sig == SIGSEGV && jvm_faults.addr == (uintptr_t)(p + ps + 3),
            "read of PROT_NONE did not fault at the address (sig %d)", sig);

    REQUIRE(wasmtime_mprotect(p, ps, WASMTIME_PROT_READ | WASMTIME_PROT_WRITE) == 0,
            "mprotect RW failed");
    p[10] = 42;
    REQUIRE(p[10] == 42, "write to RW page lost");
    sig = catch_jvm_fault(fault_read, p + ps);
    REQUIRE(sig == SIGSEGV, "second page became accessible too");

    REQUIRE(wasmtime_mprotect(p, ps, WASMTIME_PROT_READ) == 0, "mprotect R failed");
    REQUIRE(catch_jvm_fault(fault_read, p + 10) == 0, "read after PROT_READ faulted");
    REQUIRE(p[10] == 42, "read after PROT_READ gave %d", p[10]);
    sig = catch_jvm_fault(fault_write, p + 10);
    REQUIRE(sig == SIGSEGV && jvm_faults.addr == (uintptr_t)(p + 10),
            "write to read-only page did not fault (sig %d)", sig);
    REQUIRE(p[10] == 42, "read-only byte changed");

    REQUIRE(wasmtime_mprotect(p, ps, 0) == 0, "mprotect NONE failed");
    REQUIRE(catch_jvm_fault(fault_read, p) == SIGSEGV, "PROT_NONE page readable");
    REQUIRE(wasmtime_munmap(p, 2 * ps) == 0, "munmap failed");
    return NULL;
}

static const char *t_large_reservation(void) {
    /* Wasmtime reserves 4 GiB + guard regions per linear memory. */
    uintptr_t size = (uintptr_t)8 << 30;
    uint8_t *p = NULL;
    int rc = wasmtime_mmap_new(size, 0, &p);
    REQUIRE(rc == 0, "8 GiB PROT_NONE reservation failed: %d (%s)", rc, strerror(rc));
    uintptr_t ps = wasmtime_page_size();
    REQUIRE(wasmtime_mprotect(p + size - ps, ps, WASMTIME_PROT_READ | WASMTIME_PROT_WRITE) == 0,
            "mprotect at the end failed");
    p[size - 1] = 1;
    REQUIRE(wasmtime_munmap(p, size) == 0, "munmap failed");
    return NULL;
}

typedef int (*int_fn)(void);

static void write_return_const(uint8_t *code, int value) {
#if defined(__x86_64__)
    code[0] = 0xb8; /* mov eax, imm32 */
    memcpy(code + 1, &value, 4);
    code[5] = 0xc3; /* ret */
#elif defined(__aarch64__)
    uint32_t insns[2] = {
        0x52800000u | ((uint32_t)value & 0xffff) << 5, /* movz w0, #value */
        0xd65f03c0u,                                  /* ret */
    };
    memcpy(code, insns, sizeof insns);
#endif
}

static const char *t_mprotect_exec(void) {
#if defined(__aarch64__)
    /* Informational: which cross-thread i-cache sync icache.c can use. */
    long cmds = syscall(__NR_membarrier, MEMBARRIER_CMD_QUERY, 0, 0);
    printf("# membarrier: %s\n",
           cmds < 0 ? "unavailable (clear_cache only)"
           : (cmds & MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE)
               ? "PRIVATE_EXPEDITED_SYNC_CORE supported"
               : (cmds & MEMBARRIER_CMD_GLOBAL) ? "GLOBAL only (fallback)"
                                                : "no usable command (clear_cache only)");
#endif
    uintptr_t ps = wasmtime_page_size();
    uint8_t *p = NULL;
    REQUIRE(wasmtime_mmap_new(ps, WASMTIME_PROT_READ | WASMTIME_PROT_WRITE, &p) == 0,
            "mmap_new failed");
    write_return_const(p, 42);
    REQUIRE(wasmtime_mprotect(p, ps, WASMTIME_PROT_READ | WASMTIME_PROT_EXEC) == 0,
            "mprotect RX failed");
    int_fn f;
    memcpy(&f, &p, sizeof f);
    int r = f();
    REQUIRE(r == 42, "generated code returned %d, want 42", r);

    /* Rewrite the code: the i-cache must see the new instructions. */
    REQUIRE(wasmtime_mprotect(p, ps, WASMTIME_PROT_READ | WASMTIME_PROT_WRITE) == 0,
            "mprotect back to RW failed");
    write_return_const(p, 43);
    REQUIRE(wasmtime_mprotect(p, ps, WASMTIME_PROT_READ | WASMTIME_PROT_EXEC) == 0,
            "mprotect RX (2) failed");
    r = f();
    REQUIRE(r == 43, "rewritten code returned %d, want 43 (stale i-cache?)", r);
    REQUIRE(catch_jvm_fault(fault_write, p) == SIGSEGV, "RX page writable");
    REQUIRE(wasmtime_munmap(p, ps) == 0, "munmap failed");
    return NULL;
}

static const char *t_mmap_remap(void) {
    uintptr_t ps = wasmtime_page_size();
    uint8_t *p = NULL;
    REQUIRE(wasmtime_mmap_new(3 * ps, WASMTIME_PROT_READ | WASMTIME_PROT_WRITE, &p) == 0,
            "mmap_new failed");
    memset(p, 0xab, 3 * ps);
    REQUIRE(wasmtime_mmap_remap(p + ps, ps, WASMTIME_PROT_READ | WASMTIME_PROT_WRITE) == 0,
            "remap RW failed");
    for (uintptr_t i = 0; i < ps; i++)
        REQUIRE(p[ps + i] == 0, "remapped byte %lu not zero", (unsigned long)i);
    REQUIRE(p[ps - 1] == 0xab && p[2 * ps] == 0xab, "neighbours of the remap changed");
    p[ps] = 1;
    REQUIRE(wasmtime_mmap_remap(p, 2 * ps, 0) == 0, "remap NONE failed");
    REQUIRE(catch_jvm_fault(fault_read, p + ps) == SIGSEGV, "remap NONE left page readable");
    REQUIRE(p[2 * ps] == 0xab, "page after remap range changed");
    REQUIRE(wasmtime_mprotect(p, 2 * ps, WASMTIME_PROT_READ) == 0, "mprotect failed");
    REQUIRE(p[0] == 0 && p[ps] == 0, "remapped pages not zero after re-enabling");
    REQUIRE(wasmtime_munmap(p, 3 * ps) == 0, "munmap failed");
    return NULL;
}

static const char *t_munmap(void) {
    uintptr_t ps = wasmtime_page_size();
    uint8_t *p = NULL;
    REQUIRE(wasmtime_mmap_new(2 * ps, WASMTIME_PROT_READ | WASMTIME_PROT_WRITE, &p) == 0,
            "mmap_new failed");
    p[0] = 1;
    p[ps] = 2;
    REQUIRE(wasmtime_munmap(p + ps, ps) == 0, "munmap failed");
    REQUIRE(p[0] == 1, "first page lost");
    int sig = catch_jvm_fault(fault_read, p + ps);
    REQUIRE(sig == SIGSEGV, "unmapped page still readable (sig %d)", sig);
    REQUIRE(wasmtime_munmap(p, ps) == 0, "munmap failed");
    return NULL;
}

static const char *t_errors(void) {
    uintptr_t ps = wasmtime_page_size();
    uint8_t *p = NULL;
    REQUIRE(wasmtime_mmap_new(ps, WASMTIME_PROT_READ, &p) == 0, "mmap_new failed");
    int rc = wasmtime_mprotect(p + 1, ps, WASMTIME_PROT_READ);
    REQUIRE(rc == EINVAL, "unaligned mprotect returned %d, want EINVAL", rc);
    rc = wasmtime_munmap(p + 1, ps);
    REQUIRE(rc == EINVAL, "unaligned munmap returned %d, want EINVAL", rc);
    rc = wasmtime_mmap_remap(p + 1, ps, WASMTIME_PROT_READ);
    REQUIRE(rc == EINVAL, "unaligned remap returned %d, want EINVAL", rc);
    rc = wasmtime_mprotect(p, ps, 1u << 5);
    REQUIRE(rc == EINVAL, "unknown prot bits returned %d, want EINVAL", rc);
    uint8_t *q = NULL;
    rc = wasmtime_mmap_new(0, WASMTIME_PROT_READ, &q);
    REQUIRE(rc != 0 && q == NULL, "zero-size mmap_new returned %d", rc);
    rc = wasmtime_mmap_new(UINTPTR_MAX - ps + 1, 0, &q);
    REQUIRE(rc != 0 && q == NULL, "absurd mmap_new size returned %d", rc);
    rc = wasmtime_mprotect(NULL, ps, WASMTIME_PROT_READ); /* nothing mapped at 0 */
    REQUIRE(rc == ENOMEM, "mprotect of unmapped memory returned %d, want ENOMEM", rc);
    REQUIRE(wasmtime_munmap(p, ps) == 0, "munmap failed");
    return NULL;
}

void vm_tests(void) {
    run_test("page_size", t_page_size);
    run_test("mmap_new_read_write", t_mmap_new_rw);
    run_test("mmap_new_none_mprotect_faults", t_mmap_new_none_and_mprotect);
    run_test("mmap_new_large_reservation", t_large_reservation);
    run_test("mprotect_exec_runs_code", t_mprotect_exec);
    run_test("mmap_remap", t_mmap_remap);
    run_test("munmap", t_munmap);
    run_test("vm_errors_return_errno", t_errors);
}
