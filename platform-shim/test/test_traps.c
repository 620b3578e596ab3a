/*
 * Tests for wasmtime_init_traps: routing of faults between Wasmtime's handler
 * and the previously installed ("JVM-like") handler, register values passed
 * to Wasmtime, signal-mask state after a trap, idempotent init, many threads,
 * and (in child processes) chaining to SIG_DFL / SIG_IGN / plain handlers.
 */
#include "test.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- a stand-in for Wasmtime's trap handler --------------------------- */

enum { WASM_TRAP, WASM_DECLINE };

struct wasm_record {
    int count;
    uintptr_t pc, fp, addr;
    bool has_addr;
};

static __thread struct wasm_record wasm_faults;
static __thread sigjmp_buf *wasm_jmp;
static __thread int wasm_mode;
static int handler2_calls; /* calls of the second handler (idempotence test) */

static void wasm_handler(uintptr_t pc, uintptr_t fp, bool has_addr, uintptr_t addr) {
    wasm_faults.count++;
    wasm_faults.pc = pc;
    wasm_faults.fp = fp;
    wasm_faults.has_addr = has_addr;
    wasm_faults.addr = addr;
    if (wasm_mode == WASM_TRAP && wasm_jmp != NULL) {
        sigjmp_buf *to = wasm_jmp;
        wasm_jmp = NULL;
        siglongjmp(*to, 1); /* like Wasmtime resuming at its landing pad */
    }
    /* WASM_DECLINE: "not a wasm pc" - return so the shim chains. */
}

static void wasm_handler2(uintptr_t pc, uintptr_t fp, bool has_addr, uintptr_t addr) {
    __atomic_fetch_add(&handler2_calls, 1, __ATOMIC_RELAXED);
    wasm_handler(pc, fp, has_addr, addr);
}

#define WASM_TRAPPED 1000
static uint8_t tls_marker;

/* Runs fn(arg) as if inside Wasmtime (TLS slot 0 set). Returns WASM_TRAPPED
 * if the Wasmtime handler resumed, otherwise catch_jvm_fault's result (the
 * signal that reached the JVM-like handler, or 0 for no fault). Like
 * Wasmtime, the resume does not restore the signal mask (sigsetjmp(.., 0)). */
static int run_as_wasm(int mode, void (*fn)(void *), void *arg) {
    sigjmp_buf env;
    wasm_mode = mode;
    wasmtime_tls_set(0, &tls_marker);
    if (sigsetjmp(env, 0) == 0) {
        wasm_jmp = &env;
        int r = catch_jvm_fault(fn, arg);
        wasm_jmp = NULL;
        wasmtime_tls_set(0, NULL);
        return r;
    }
    disarm_jvm_fault();
    wasmtime_tls_set(0, NULL);
    return WASM_TRAPPED;
}

/* ---- fault targets ----------------------------------------------------- */

static uint8_t *none_page;     /* PROT_NONE */
static uint8_t *readonly_page; /* PROT_READ */
static uint8_t *bus_area;      /* 2 pages over a 1-page file: 2nd page SIGBUS */
static uintptr_t page;

static void fault_read(void *p) { touch_read(p); }
static void fault_write(void *p) { touch_write(p); }

static void raise_sigfpe(void *unused) {
    (void)unused;
    pthread_kill(pthread_self(), SIGFPE);
}

#if defined(__x86_64__)
static volatile int numerator = 7, zero_divisor;
static volatile int div_result;
static void divide_by_zero(void *unused) {
    (void)unused;
    div_result = numerator / zero_divisor; /* idiv -> #DE -> SIGFPE */
}
#endif

static bool setup_pages(void) {
    page = wasmtime_page_size();
    if (wasmtime_mmap_new(page, 0, &none_page) != 0)
        return false;
    if (wasmtime_mmap_new(page, WASMTIME_PROT_READ, &readonly_page) != 0)
        return false;
    int fd = memfd_create("nsw-bus", MFD_CLOEXEC);
    if (fd < 0 || ftruncate(fd, (off_t)page) != 0)
        return false;
    void *p = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    close(fd);
    if (p == MAP_FAILED)
        return false;
    bus_area = p;
    return true;
}

/* ---- child-process tests: chaining to SIG_DFL / SIG_IGN / plain -------- */

static int child_pipe = -1;

static void child_note(char c) {
    (void)!write(child_pipe, &c, 1);
}

static void note_and_decline(uintptr_t pc, uintptr_t fp, bool has, uintptr_t addr) {
    (void)pc, (void)fp, (void)has, (void)addr;
    child_note('W');
}

struct child_result {
    int status;
    char notes[16];
};

static void set_disposition(int sig, void (*h)(int)) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = h;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

static struct child_result run_child(void (*body)(void)) {
    struct child_result res;
    memset(&res, 0, sizeof res);
    int fds[2];
    if (pipe(fds) != 0) {
        res.status = -1;
        return res;
    }
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        child_pipe = fds[1];
        struct rlimit no_core = {0, 0};
        setrlimit(RLIMIT_CORE, &no_core);
        /* Quiet qemu's "uncaught target signal" report of the expected
         * deaths; NSW_TEST_CHILD_STDERR=1 keeps stderr for debugging. */
        int devnull = getenv("NSW_TEST_CHILD_STDERR") ? -1 : open("/dev/null", O_WRONLY);
        if (devnull >= 0)
            dup2(devnull, STDERR_FILENO);
        body();
        _exit(0);
    }
    close(fds[1]);
    size_t n = 0;
    for (;;) {
        ssize_t r = read(fds[0], res.notes + n, sizeof res.notes - 1 - n);
        if (r > 0 && (n += (size_t)r) < sizeof res.notes - 1)
            continue;
        if (r < 0 && errno == EINTR)
            continue;
        break;
    }
    close(fds[0]);
    while (waitpid(pid, &res.status, 0) < 0 && errno == EINTR) {
    }
    return res;
}

static bool killed_by(const struct child_result *r, int sig) {
    return WIFSIGNALED(r->status) && WTERMSIG(r->status) == sig;
}

static void child_hw_fault(void) {
    uint8_t *p;
    if (wasmtime_mmap_new(wasmtime_page_size(), 0, &p) != 0)
        _exit(3);
    touch_read(p);
}

static void body_dfl_not_in_wasm(void) {
    set_disposition(SIGSEGV, SIG_DFL);
    if (wasmtime_init_traps(note_and_decline) != 0)
        _exit(2);
    child_hw_fault();
    child_note('X'); /* must not get here */
}

static void body_dfl_declined(void) {
    set_disposition(SIGSEGV, SIG_DFL);
    if (wasmtime_init_traps(note_and_decline) != 0)
        _exit(2);
    wasmtime_tls_set(0, &tls_marker);
    child_hw_fault();
    child_note('X');
}

static void body_dfl_sent(void) {
    set_disposition(SIGSEGV, SIG_DFL);
    if (wasmtime_init_traps(note_and_decline) != 0)
        _exit(2);
    raise(SIGSEGV);
    child_note('X');
}

static void body_ign_sent(void) {
    set_disposition(SIGFPE, SIG_IGN);
    if (wasmtime_init_traps(note_and_decline) != 0)
        _exit(2);
    raise(SIGFPE);
    child_note('R'); /* ignored: execution continues */
}

static void body_ign_hw_fault(void) {
    set_disposition(SIGSEGV, SIG_IGN);
    if (wasmtime_init_traps(note_and_decline) != 0)
        _exit(2);
    child_hw_fault(); /* the kernel would not let this be ignored */
    child_note('X');
}

static sigjmp_buf child_env;

static void plain_handler(int sig) {
    child_note(sig == SIGSEGV ? 'P' : '?');
    siglongjmp(child_env, 1);
}

static void body_plain_handler(void) {
    set_disposition(SIGSEGV, plain_handler);
    if (wasmtime_init_traps(note_and_decline) != 0)
        _exit(2);
    if (sigsetjmp(child_env, 1) == 0) {
        child_hw_fault();
        child_note('X');
    }
    child_note('E');
}

static void resethand_handler(int sig, siginfo_t *info, void *uc) {
    (void)info, (void)uc;
    child_note(sig == SIGSEGV ? 'H' : '?');
    siglongjmp(child_env, 1);
}

static void body_resethand(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = resethand_handler;
    sa.sa_flags = SA_SIGINFO | SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGSEGV, &sa, NULL);
    if (wasmtime_init_traps(note_and_decline) != 0)
        _exit(2);
    if (sigsetjmp(child_env, 1) == 0)
        child_hw_fault();
    child_hw_fault(); /* now SIG_DFL: dies */
    child_note('X');
}

static const char *t_chain_sig_dfl_fault(void) {
    struct child_result r = run_child(body_dfl_not_in_wasm);
    REQUIRE(killed_by(&r, SIGSEGV), "status 0x%x notes '%s', want death by SIGSEGV",
            r.status, r.notes);
    REQUIRE(r.notes[0] == 0, "notes '%s'", r.notes);
    return NULL;
}

static const char *t_chain_sig_dfl_declined(void) {
    struct child_result r = run_child(body_dfl_declined);
    REQUIRE(killed_by(&r, SIGSEGV), "status 0x%x, want death by SIGSEGV", r.status);
    REQUIRE(r.notes[0] == 'W', "wasmtime handler not consulted (notes '%s')", r.notes);
    REQUIRE(strchr(r.notes, 'X') == NULL, "continued after fault (notes '%s')", r.notes);
    return NULL;
}

static const char *t_chain_sig_dfl_sent(void) {
    struct child_result r = run_child(body_dfl_sent);
    REQUIRE(killed_by(&r, SIGSEGV), "status 0x%x, want death by SIGSEGV", r.status);
    REQUIRE(r.notes[0] == 0, "notes '%s'", r.notes);
    return NULL;
}

static const char *t_chain_sig_ign_sent(void) {
    struct child_result r = run_child(body_ign_sent);
    REQUIRE(WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0, "status 0x%x", r.status);
    REQUIRE(strcmp(r.notes, "R") == 0, "notes '%s', want 'R'", r.notes);
    return NULL;
}

static const char *t_chain_sig_ign_fault(void) {
    struct child_result r = run_child(body_ign_hw_fault);
    REQUIRE(killed_by(&r, SIGSEGV), "status 0x%x, want death by SIGSEGV", r.status);
    return NULL;
}

static const char *t_chain_plain_handler(void) {
    struct child_result r = run_child(body_plain_handler);
    REQUIRE(WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0, "status 0x%x", r.status);
    REQUIRE(strcmp(r.notes, "PE") == 0, "notes '%s', want 'PE'", r.notes);
    return NULL;
}

static const char *t_chain_resethand(void) {
    struct child_result r = run_child(body_resethand);
    REQUIRE(killed_by(&r, SIGSEGV), "status 0x%x, want death by SIGSEGV", r.status);
    REQUIRE(strcmp(r.notes, "H") == 0, "notes '%s', want 'H'", r.notes);
    return NULL;
}

void fork_tests(void) {
    run_test("traps_chain_sig_dfl_fault", t_chain_sig_dfl_fault);
    run_test("traps_chain_sig_dfl_declined", t_chain_sig_dfl_declined);
    run_test("traps_chain_sig_dfl_sent", t_chain_sig_dfl_sent);
    run_test("traps_chain_sig_ign_sent", t_chain_sig_ign_sent);
    run_test("traps_chain_sig_ign_fault", t_chain_sig_ign_fault);
    run_test("traps_chain_plain_handler", t_chain_plain_handler);
    run_test("traps_chain_sa_resethand", t_chain_resethand);
}

/* ---- in-process tests -------------------------------------------------- */

static const int trap_sigs[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE};
static struct sigaction installed[4];

static const char *t_init(void) {
    REQUIRE(setup_pages(), "cannot set up fault pages: %s", strerror(errno));
    int rc = wasmtime_init_traps(wasm_handler);
    REQUIRE(rc == 0, "wasmtime_init_traps returned %d", rc);
    for (int i = 0; i < 4; i++) {
        struct sigaction *sa = &installed[i];
        REQUIRE(sigaction(trap_sigs[i], NULL, sa) == 0, "sigaction query failed");
        REQUIRE(sa->sa_flags & SA_SIGINFO, "signal %d: no SA_SIGINFO", trap_sigs[i]);
        REQUIRE(sa->sa_sigaction != jvm_like_handler_fn,
                "signal %d: shim handler not installed", trap_sigs[i]);
        REQUIRE((sa->sa_flags & (SA_NODEFER | SA_ONSTACK)) == (SA_NODEFER | SA_ONSTACK),
                "signal %d: flags 0x%x lack SA_NODEFER|SA_ONSTACK", trap_sigs[i],
                (unsigned)sa->sa_flags);
        for (int s = 1; s < 32; s++)
            REQUIRE(!sigismember(&sa->sa_mask, s), "signal %d: sa_mask has %d",
                    trap_sigs[i], s);
    }
    return NULL;
}

static const char *t_not_in_wasm_segv(void) {
    REQUIRE(wasmtime_tls_get(0) == NULL, "slot 0 not NULL");
    struct wasm_record before = wasm_faults;
    int jvm_before = jvm_faults.count;
    int sig = catch_jvm_fault(fault_read, none_page + 5);
    REQUIRE(sig == SIGSEGV, "got signal %d at JVM-like handler, want SIGSEGV", sig);
    REQUIRE(jvm_faults.count == jvm_before + 1, "JVM-like handler ran %d times",
            jvm_faults.count - jvm_before);
    REQUIRE(jvm_faults.addr == (uintptr_t)(none_page + 5), "si_addr %#lx want %p",
            (unsigned long)jvm_faults.addr, (void *)(none_page + 5));
    REQUIRE(jvm_faults.had_context, "no ucontext passed on");
    REQUIRE(wasm_faults.count == before.count, "wasmtime handler was called");
    return NULL;
}

static const char *t_not_in_wasm_sigill(void) {
    int wasm_before = wasm_faults.count;
    int sig = catch_jvm_fault(do_illegal_instruction, NULL);
    REQUIRE(sig == SIGILL, "got %d, want SIGILL", sig);
    REQUIRE(wasm_faults.count == wasm_before, "wasmtime handler was called");
    return NULL;
}

static const char *t_not_in_wasm_sigfpe_sent(void) {
    int wasm_before = wasm_faults.count;
    int sig = catch_jvm_fault(raise_sigfpe, NULL);
    REQUIRE(sig == SIGFPE, "got %d, want SIGFPE", sig);
    REQUIRE(wasm_faults.count == wasm_before, "wasmtime handler was called");
    return NULL;
}

static const char *t_wasm_segv(void) {
    int jvm_before = jvm_faults.count, wasm_before = wasm_faults.count;
    int r = run_as_wasm(WASM_TRAP, fault_read, none_page + 123);
    REQUIRE(r == WASM_TRAPPED, "wasmtime handler did not resume (r=%d)", r);
    REQUIRE(wasm_faults.count == wasm_before + 1, "wasmtime handler calls %d",
            wasm_faults.count - wasm_before);
    REQUIRE(wasm_faults.has_addr, "has_faulting_addr false");
    REQUIRE(wasm_faults.addr == (uintptr_t)(none_page + 123), "faulting addr %#lx want %p",
            (unsigned long)wasm_faults.addr, (void *)(none_page + 123));
    REQUIRE(wasm_faults.pc != 0, "pc is 0");
    REQUIRE(jvm_faults.count == jvm_before, "previous handler was called");
    return NULL;
}

static const char *t_wasm_write_readonly(void) {
    int r = run_as_wasm(WASM_TRAP, fault_write, readonly_page + page - 1);
    REQUIRE(r == WASM_TRAPPED, "r=%d", r);
    REQUIRE(wasm_faults.has_addr && wasm_faults.addr == (uintptr_t)(readonly_page + page - 1),
            "faulting addr %#lx want %p", (unsigned long)wasm_faults.addr,
            (void *)(readonly_page + page - 1));
    return NULL;
}

static const char *t_wasm_sigbus(void) {
    int r = run_as_wasm(WASM_TRAP, fault_read, bus_area + page + 8);
    REQUIRE(r == WASM_TRAPPED, "r=%d (want SIGBUS trapped by wasmtime handler)", r);
    REQUIRE(wasm_faults.has_addr && wasm_faults.addr == (uintptr_t)(bus_area + page + 8),
            "faulting addr %#lx want %p", (unsigned long)wasm_faults.addr,
            (void *)(bus_area + page + 8));
    return NULL;
}

static const char *t_wasm_sigill_pc_fp(void) {
    int r = run_as_wasm(WASM_TRAP, do_illegal_instruction, NULL);
    REQUIRE(r == WASM_TRAPPED, "r=%d", r);
    REQUIRE(!wasm_faults.has_addr, "has_faulting_addr set for SIGILL");
    const uint8_t *pc = (const uint8_t *)wasm_faults.pc;
#if defined(__x86_64__)
    REQUIRE(pc[0] == 0x0f && pc[1] == 0x0b, "pc %p does not point at ud2", (void *)pc);
#elif defined(__aarch64__)
    uint32_t insn;
    memcpy(&insn, pc, 4);
    REQUIRE(insn == 0, "pc %p does not point at udf (found %#x)", (void *)pc, insn);
#endif
    REQUIRE(wasm_faults.fp == (uintptr_t)last_ill_frame, "fp %#lx want %p",
            (unsigned long)wasm_faults.fp, last_ill_frame);
    return NULL;
}

static const char *t_wasm_sigfpe(void) {
#if defined(__x86_64__)
    int r = run_as_wasm(WASM_TRAP, divide_by_zero, NULL);
#else /* aarch64 integer division does not trap; use a sent SIGFPE */
    int r = run_as_wasm(WASM_TRAP, raise_sigfpe, NULL);
#endif
    REQUIRE(r == WASM_TRAPPED, "r=%d", r);
    REQUIRE(!wasm_faults.has_addr, "has_faulting_addr set for SIGFPE");
    return NULL;
}

static const char *t_wasm_declined_chains(void) {
    int jvm_before = jvm_faults.count, wasm_before = wasm_faults.count;
    int r = run_as_wasm(WASM_DECLINE, fault_read, none_page + 7);
    REQUIRE(r == SIGSEGV, "r=%d, want the fault chained to the JVM-like handler", r);
    REQUIRE(wasm_faults.count == wasm_before + 1, "wasmtime handler not consulted first");
    REQUIRE(jvm_faults.count == jvm_before + 1, "previous handler not called");
    REQUIRE(jvm_faults.addr == (uintptr_t)(none_page + 7), "chained si_addr wrong");
    return NULL;
}

static const char *t_mask_after_trap(void) {
    sigset_t usr1, cur;
    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    pthread_sigmask(SIG_BLOCK, &usr1, NULL);

    int r = run_as_wasm(WASM_TRAP, fault_read, none_page);
    int r2 = run_as_wasm(WASM_TRAP, do_illegal_instruction, NULL);
    pthread_sigmask(SIG_BLOCK, NULL, &cur);
    pthread_sigmask(SIG_UNBLOCK, &usr1, NULL);
    REQUIRE(r == WASM_TRAPPED && r2 == WASM_TRAPPED, "r=%d r2=%d", r, r2);
    REQUIRE(!sigismember(&cur, SIGSEGV), "SIGSEGV left blocked after a trap");
    REQUIRE(!sigismember(&cur, SIGILL), "SIGILL left blocked after a trap");
    REQUIRE(!sigismember(&cur, SIGBUS) && !sigismember(&cur, SIGFPE),
            "SIGBUS/SIGFPE left blocked");
    REQUIRE(sigismember(&cur, SIGUSR1), "interrupted context's mask not restored");
    /* And the signal is deliverable again. */
    int wasm_before = wasm_faults.count;
    r = run_as_wasm(WASM_TRAP, fault_read, none_page + 1);
    REQUIRE(r == WASM_TRAPPED && wasm_faults.count == wasm_before + 1, "second trap failed");
    return NULL;
}

static const char *t_init_idempotent(void) {
    int rc = wasmtime_init_traps(wasm_handler2);
    REQUIRE(rc == 0, "second init returned %d", rc);
    for (int i = 0; i < 4; i++) {
        struct sigaction now;
        sigaction(trap_sigs[i], NULL, &now);
        REQUIRE(now.sa_sigaction == installed[i].sa_sigaction &&
                    now.sa_flags == installed[i].sa_flags,
                "signal %d: handler re-installed or changed", trap_sigs[i]);
    }
    int calls = handler2_calls, jvm_before = jvm_faults.count;
    int r = run_as_wasm(WASM_TRAP, fault_read, none_page);
    REQUIRE(r == WASM_TRAPPED && handler2_calls == calls + 1, "new handler not used");
    /* The saved previous action is still the JVM-like one (not ourselves). */
    int sig = catch_jvm_fault(fault_read, none_page);
    REQUIRE(sig == SIGSEGV && jvm_faults.count == jvm_before + 1,
            "chain after re-init broken (sig %d)", sig);
    REQUIRE(wasmtime_init_traps(wasm_handler) == 0, "third init failed");
    return NULL;
}

/* 8 threads fault concurrently; even threads as "wasm", odd ones not. */
#define FAULTS_PER_THREAD 200

struct trap_thread {
    int index;
    int wasm_ok, jvm_ok, wrong;
};

static void *trap_thread_main(void *p) {
    struct trap_thread *t = p;
    for (int i = 0; i < FAULTS_PER_THREAD; i++) {
        uint8_t *addr = none_page + (t->index * 64 + i) % page;
        if (t->index % 2 == 0) {
            int r = run_as_wasm(WASM_TRAP, fault_read, addr);
            if (r == WASM_TRAPPED && wasm_faults.addr == (uintptr_t)addr)
                t->wasm_ok++;
            else
                t->wrong++;
        } else {
            int sig = catch_jvm_fault(fault_read, addr);
            if (sig == SIGSEGV && jvm_faults.addr == (uintptr_t)addr)
                t->jvm_ok++;
            else
                t->wrong++;
        }
    }
    if (wasm_faults.count != t->wasm_ok || jvm_faults.count != t->jvm_ok)
        t->wrong++;
    return NULL;
}

static const char *t_threads(void) {
    pthread_t th[NTHREADS];
    struct trap_thread ts[NTHREADS];
    for (int i = 0; i < NTHREADS; i++) {
        ts[i] = (struct trap_thread){.index = i};
        REQUIRE(pthread_create(&th[i], NULL, trap_thread_main, &ts[i]) == 0,
                "pthread_create");
    }
    for (int i = 0; i < NTHREADS; i++)
        pthread_join(th[i], NULL);
    for (int i = 0; i < NTHREADS; i++) {
        REQUIRE(ts[i].wrong == 0, "thread %d: %d misrouted faults", i, ts[i].wrong);
        int want = FAULTS_PER_THREAD;
        int got = ts[i].index % 2 == 0 ? ts[i].wasm_ok : ts[i].jvm_ok;
        REQUIRE(got == want, "thread %d: %d/%d handled", i, got, want);
    }
    return NULL;
}

void trap_tests(void) {
    run_test("traps_init_installs_handlers", t_init);
    run_test("traps_not_in_wasm_chains_segv", t_not_in_wasm_segv);
    run_test("traps_not_in_wasm_chains_sigill", t_not_in_wasm_sigill);
    run_test("traps_not_in_wasm_chains_sigfpe", t_not_in_wasm_sigfpe_sent);
    run_test("traps_wasm_segv_faulting_addr", t_wasm_segv);
    run_test("traps_wasm_write_to_readonly", t_wasm_write_readonly);
    run_test("traps_wasm_sigbus_faulting_addr", t_wasm_sigbus);
    run_test("traps_wasm_sigill_pc_fp", t_wasm_sigill_pc_fp);
    run_test("traps_wasm_sigfpe", t_wasm_sigfpe);
    run_test("traps_wasm_declined_chains", t_wasm_declined_chains);
    run_test("traps_signal_mask_after_trap", t_mask_after_trap);
    run_test("traps_init_idempotent", t_init_idempotent);
    run_test("traps_8_threads_routing", t_threads);
}
