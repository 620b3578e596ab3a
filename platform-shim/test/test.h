/*
 * Tiny test harness for the platform shim.
 *
 * A test is `const char *fn(void)`: it returns NULL on success or a reason
 * (usually built with REQUIRE) on failure. run_test() prints `ok <name>` or
 * `FAIL <name>: <reason>` and counts the result.
 */
#ifndef NSW_SHIM_TEST_H
#define NSW_SHIM_TEST_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#include <setjmp.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "wasmtime-platform.h"

typedef const char *(*test_fn)(void);

void run_test(const char *name, test_fn fn);
/* Formats a failure reason into a per-thread buffer and returns it. */
const char *failf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#define REQUIRE(cond, ...)               \
    do {                                 \
        if (!(cond))                     \
            return failf(__VA_ARGS__);   \
    } while (0)

#define NTHREADS 8

/* ---- fault helpers (faults.c) ---------------------------------------- */

/* "JVM-like" SA_SIGINFO handler installed for SIGSEGV/SIGBUS/SIGILL/SIGFPE
 * before wasmtime_init_traps, the way HotSpot's handlers exist before the
 * shim is loaded. When armed on this thread it siglongjmps back; a fault it
 * does not expect ends the process with a message. */
void install_jvm_like_handlers(void);
extern void (*const jvm_like_handler_fn)(int, siginfo_t *, void *);

struct fault_record {
    int count;      /* faults seen by this handler on this thread */
    int sig;        /* last signal */
    uintptr_t addr; /* last si_addr */
    bool had_context;
};
extern __thread struct fault_record jvm_faults;

/* Runs fn(arg) with TLS slot 0 as it is; returns the signal number if a
 * fault reached the JVM-like handler (and was recovered from), else 0. */
int catch_jvm_fault(void (*fn)(void *), void *arg);
/* Forget an armed catch_jvm_fault whose frame was left by another jump. */
void disarm_jvm_fault(void);

/* Fault primitives. */
void touch_read(void *p);
void touch_write(void *p);
void do_illegal_instruction(void *unused);
extern void *volatile last_ill_frame; /* frame address of the ud2/udf function */

/* ---- per-area test lists --------------------------------------------- */

void fork_tests(void);  /* must run first: before any thread or init */
void trap_install_tests(void); /* forks too: before any thread or init */
void trap_tests(void);
void tls_tests(void);
void sync_tests(void);
void vm_tests(void);
void image_tests(void);
void stack_tests(void);

#endif
