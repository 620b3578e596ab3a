/*
 * Trap handling: wasmtime_init_traps.
 *
 * Wasmtime detects out-of-bounds accesses (SIGSEGV/SIGBUS), wasm `unreachable`
 * and other trapping instructions (SIGILL) and integer division traps
 * (SIGFPE on x86_64) through signals. This file installs one process-wide
 * handler for those four signals and forwards a fault to Wasmtime's handler
 * only when it can be Wasmtime's; everything else goes to whoever had the
 * signal before us - in a JVM that is HotSpot, which relies on SIGSEGV et al.
 * for implicit null checks, safepoint polls and stack banging.
 *
 * Installation happens once (pthread_once), on the first wasmtime_init_traps
 * call; later calls only update the Wasmtime handler pointer. The previous
 * actions are read with sigaction(sig, NULL, &old) *before* our handler is
 * installed, so a fault racing with installation always sees them. We never
 * uninstall: other threads may be inside the handler at any time.
 *
 * Flags: SA_SIGINFO (we need siginfo and the ucontext), SA_ONSTACK (run on
 * an alternate signal stack when the thread has one, e.g. after a stack
 * overflow), SA_NODEFER and an empty sa_mask (Wasmtime leaves the handler by
 * longjmp-like resumption and does not restore the signal mask, so nothing
 * must be blocked on entry or it would stay blocked).
 *
 * The handler, per fault:
 *   1. TLS slot 0 is NULL: this thread is not running Wasmtime code, chain to
 *      the previous action.
 *   2. Otherwise restore the interrupted signal mask (uc_sigmask) and call
 *      Wasmtime's handler with the pc, frame pointer and, for SIGSEGV/SIGBUS,
 *      the faulting address. If the pc is in wasm code Wasmtime resumes at
 *      its trap landing pad and never returns here.
 *   3. It returned: not a wasm trap (e.g. HotSpot code running on a thread
 *      that entered wasm and called back into Java). Chain.
 *
 * Chaining does what the kernel would have done with the previous action:
 *   - SA_SIGINFO handler: called with the same (sig, info, ucontext), with
 *     its sa_mask (plus sig unless SA_NODEFER) blocked for the call. Changes
 *     it makes to the ucontext (HotSpot redirects the pc to a stub) take
 *     effect when we return. SA_RESETHAND is honoured.
 *   - plain handler: called as handler(sig), same masking.
 *   - SIG_IGN: return. Exception: a fault raised by the kernel for the
 *     faulting instruction (si_code > 0) cannot be ignored - the kernel kills
 *     the process in that case (force_sig) - so it is treated as SIG_DFL
 *     instead of looping on the faulting instruction forever.
 *   - SIG_DFL: reset the disposition to SIG_DFL and return, so the faulting
 *     instruction runs again and the default action (core dump) happens at
 *     the real fault site. A signal that was sent (kill/tgkill/raise, si_code
 *     <= 0) would not repeat, so it is re-raised. This is the only case that
 *     changes a disposition, and the process is about to die from it.
 *
 * Everything the handler does is async-signal-safe: TLS reads (initial-exec),
 * atomic loads/stores, pthread_sigmask, sigaction and raise.
 */
#include "shim.h"
#include "nsw-platform.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <string.h>
#include <ucontext.h>

#if !defined(__x86_64__) && !defined(__aarch64__)
#error "traps.c: add the pc/fp ucontext fields for this architecture"
#endif

#define NSW_TRAP_SIGNALS 4
static const int trap_signals[NSW_TRAP_SIGNALS] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE};

/* Written once before our handler is installed, read-only afterwards. */
static struct sigaction prev_actions[NSW_TRAP_SIGNALS];
/* Set (atomically) once a previous SA_RESETHAND handler has run once. */
static int prev_reset[NSW_TRAP_SIGNALS];

static wasmtime_trap_handler_t wasmtime_handler;
static pthread_once_t install_once = PTHREAD_ONCE_INIT;
static int install_error;

static int signal_index(int sig) {
    for (int i = 0; i < NSW_TRAP_SIGNALS; i++)
        if (trap_signals[i] == sig)
            return i;
    return -1;
}

static void trap_handler(int sig, siginfo_t *info, void *ucontext);

/* Kernel-generated fault of the interrupted instruction (not kill/raise). */
static bool is_kernel_fault(const siginfo_t *info) {
    return info != NULL && info->si_code > 0;
}

static void die_with_default(int sig, const siginfo_t *info) {
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(sig, &dfl, NULL);
    if (!is_kernel_fault(info)) {
        /* Not blocked (SA_NODEFER / restored mask): delivered right away. */
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, sig);
        pthread_sigmask(SIG_UNBLOCK, &set, NULL);
        raise(sig);
    }
    /* Kernel fault: returning re-executes the instruction under SIG_DFL. */
}

static void chain(int idx, int sig, siginfo_t *info, void *ucontext) {
    const struct sigaction *prev = &prev_actions[idx];

    /* sa_handler and sa_sigaction share storage; SIG_DFL/SIG_IGN win
     * whatever the flags say, as in the kernel. */
    bool reset = __atomic_load_n(&prev_reset[idx], __ATOMIC_ACQUIRE) != 0;
    void (*disposition)(int) = reset ? SIG_DFL : prev->sa_handler;
    if ((prev->sa_flags & SA_SIGINFO) && prev->sa_sigaction == trap_handler)
        disposition = SIG_DFL; /* never recurse into ourselves */

    if (disposition == SIG_IGN) {
        if (!is_kernel_fault(info))
            return;
        disposition = SIG_DFL; /* the kernel would not let it be ignored */
    }
    if (disposition == SIG_DFL) {
        die_with_default(sig, info);
        return;
    }

    if (prev->sa_flags & SA_RESETHAND)
        __atomic_store_n(&prev_reset[idx], 1, __ATOMIC_RELEASE);

    /* Block what the kernel would have blocked for that handler. */
    sigset_t block = prev->sa_mask, saved;
    if (!(prev->sa_flags & SA_NODEFER))
        sigaddset(&block, sig);
    pthread_sigmask(SIG_BLOCK, &block, &saved);

    if (prev->sa_flags & SA_SIGINFO)
        prev->sa_sigaction(sig, info, ucontext);
    else
        disposition(sig);

    pthread_sigmask(SIG_SETMASK, &saved, NULL);
}

static void trap_handler(int sig, siginfo_t *info, void *ucontext) {
    int saved_errno = errno;
    int idx = signal_index(sig);
    if (idx < 0)
        return; /* not one of ours; cannot happen */

    wasmtime_trap_handler_t handler = __atomic_load_n(&wasmtime_handler, __ATOMIC_ACQUIRE);
    if (handler != NULL && ucontext != NULL && nsw_tls_slot0() != NULL) {
        ucontext_t *uc = (ucontext_t *)ucontext;
        /* Wasmtime may not return; leave the mask as the fault found it. */
        pthread_sigmask(SIG_SETMASK, &uc->uc_sigmask, NULL);

#if defined(__x86_64__)
        uintptr_t pc = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
        uintptr_t fp = (uintptr_t)uc->uc_mcontext.gregs[REG_RBP];
#elif defined(__aarch64__)
        uintptr_t pc = (uintptr_t)uc->uc_mcontext.pc;
        uintptr_t fp = (uintptr_t)uc->uc_mcontext.regs[29];
#endif
        bool has_addr = (sig == SIGSEGV || sig == SIGBUS) && info != NULL;
        uintptr_t addr = has_addr ? (uintptr_t)info->si_addr : 0;

        handler(pc, fp, has_addr, addr);
        /* Returned: not a wasm trap. */
    }

    chain(idx, sig, info, ucontext);
    errno = saved_errno;
}

static void install_handlers(void) {
    for (int i = 0; i < NSW_TRAP_SIGNALS; i++) {
        if (sigaction(trap_signals[i], NULL, &prev_actions[i]) != 0) {
            __atomic_store_n(&install_error, errno != 0 ? errno : EINVAL, __ATOMIC_RELEASE);
            return;
        }
    }
    for (int i = 0; i < NSW_TRAP_SIGNALS; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_sigaction = trap_handler;
        sa.sa_flags = SA_SIGINFO | SA_NODEFER | SA_ONSTACK;
        sigemptyset(&sa.sa_mask);
        if (sigaction(trap_signals[i], &sa, NULL) != 0) {
            __atomic_store_n(&install_error, errno != 0 ? errno : EINVAL, __ATOMIC_RELEASE);
            return;
        }
    }
}

NSW_EXPORT int32_t wasmtime_init_traps(wasmtime_trap_handler_t handler) {
    __atomic_store_n(&wasmtime_handler, handler, __ATOMIC_RELEASE);
    pthread_once(&install_once, install_handlers);
    return install_error;
}

/* Wasmtime calls wasmtime_init_traps under a lock that every later engine
 * creation takes too, so the caller (after making an engine) sees the final
 * value; the atomic load only keeps the read itself well defined. */
NSW_EXPORT int32_t nsw_platform_trap_install_error(void) {
    return __atomic_load_n(&install_error, __ATOMIC_ACQUIRE);
}
