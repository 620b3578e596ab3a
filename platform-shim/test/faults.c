/*
 * Fault helpers shared by the tests: a HotSpot-like pre-existing signal
 * handler and functions that fault on purpose.
 */
#include "test.h"

#include <string.h>
#include <unistd.h>

__thread struct fault_record jvm_faults;
static __thread sigjmp_buf *jvm_jmp;

static void jvm_like_handler(int sig, siginfo_t *info, void *uc) {
    jvm_faults.count++;
    jvm_faults.sig = sig;
    jvm_faults.addr = info ? (uintptr_t)info->si_addr : 0;
    jvm_faults.had_context = uc != NULL;
    if (jvm_jmp != NULL) {
        sigjmp_buf *to = jvm_jmp;
        jvm_jmp = NULL;
        siglongjmp(*to, sig);
    }
    static const char msg[] = "nsw_platform_test: unexpected fault in JVM-like handler\n";
    (void)!write(STDERR_FILENO, msg, sizeof msg - 1);
    _exit(99);
}

void (*const jvm_like_handler_fn)(int, siginfo_t *, void *) = jvm_like_handler;

void install_jvm_like_handlers(void) {
    static const int sigs[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE};
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_sigaction = jvm_like_handler;
        /* Like HotSpot: SA_SIGINFO|SA_RESTART, everything blocked except the
         * synchronous error signals. */
        sa.sa_flags = SA_SIGINFO | SA_RESTART;
        sigfillset(&sa.sa_mask);
        sigdelset(&sa.sa_mask, SIGSEGV);
        sigdelset(&sa.sa_mask, SIGBUS);
        sigdelset(&sa.sa_mask, SIGILL);
        sigdelset(&sa.sa_mask, SIGFPE);
        sigdelset(&sa.sa_mask, SIGTRAP);
        if (sigaction(sigs[i], &sa, NULL) != 0) {
            perror("sigaction");
            _exit(98);
        }
    }
}

int catch_jvm_fault(void (*fn)(void *), void *arg) {
    sigjmp_buf env;
    int sig = sigsetjmp(env, 1); /* restores the mask on the way back */
    if (sig == 0) {
        jvm_jmp = &env;
        fn(arg);
        jvm_jmp = NULL;
        return 0;
    }
    return sig;
}

void disarm_jvm_fault(void) {
    jvm_jmp = NULL;
}

void touch_read(void *p) {
    (void)*(volatile uint8_t *)p;
}

void touch_write(void *p) {
    *(volatile uint8_t *)p = 0x5a;
}

void *volatile last_ill_frame;

__attribute__((noinline)) void do_illegal_instruction(void *unused) {
    (void)unused;
    last_ill_frame = __builtin_frame_address(0);
#if defined(__x86_64__)
    __asm__ volatile("ud2" ::: "memory");
#elif defined(__aarch64__)
    __asm__ volatile(".inst 0x00000000" ::: "memory"); /* udf #0 */
#endif
}
