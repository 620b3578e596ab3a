/*
 * A failed trap-handler install is reported: wasmtime_init_traps returns the
 * errno and nsw_platform_trap_install_error keeps it (Wasmtime ignores the
 * return value and never asks again, so the embedding reads the latter).
 *
 * The failure is injected by this test binary's own sigaction, which the
 * shim's call resolves to (an executable's definition comes first in symbol
 * lookup); when armed it refuses to install handlers for SIGBUS. The shim
 * installs only once per process, so each case runs in a child process.
 */
#include "test.h"
#include "nsw-platform.h"

#include <dlfcn.h>
#include <errno.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int refuse_sigbus_install;

int sigaction(int sig, const struct sigaction *act, struct sigaction *old) {
    static int (*real)(int, const struct sigaction *, struct sigaction *);
    if (real == NULL)
        real = (int (*)(int, const struct sigaction *, struct sigaction *))dlsym(RTLD_NEXT, "sigaction");
    if (refuse_sigbus_install && sig == SIGBUS && act != NULL) {
        errno = EPERM;
        return -1;
    }
    return real(sig, act, old);
}

static void ignore_trap(uintptr_t pc, uintptr_t fp, bool has_addr, uintptr_t addr) {
    (void)pc, (void)fp, (void)has_addr, (void)addr;
}

/* The child's exit status: 0 when the body's checks held, else a code naming the one that failed. */
static int in_child(int (*body)(void)) {
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0)
        _exit(body());
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 100 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

static int refused_install(void) {
    if (nsw_platform_trap_install_error() != 0)
        return 1; /* nothing asked yet */
    refuse_sigbus_install = 1;
    if (wasmtime_init_traps(ignore_trap) != EPERM)
        return 2;
    refuse_sigbus_install = 0;
    if (nsw_platform_trap_install_error() != EPERM)
        return 3;
    if (wasmtime_init_traps(ignore_trap) != EPERM)
        return 4; /* installs once: the failure stays */
    return 0;
}

static int working_install(void) {
    if (wasmtime_init_traps(ignore_trap) != 0)
        return 1;
    return nsw_platform_trap_install_error() == 0 ? 0 : 2;
}

static const char *t_refused_install_is_reported(void) {
    int rc = in_child(refused_install);
    REQUIRE(rc == 0, "child check %d failed (1: error before init, 2: init did not return EPERM, "
            "3: error not kept, 4: second init did not fail; >100: killed by signal rc-100)", rc);
    return NULL;
}

static const char *t_working_install_reports_nothing(void) {
    int rc = in_child(working_install);
    REQUIRE(rc == 0, "child check %d failed (1: init failed, 2: an error is reported)", rc);
    return NULL;
}

void trap_install_tests(void) {
    run_test("trap_install_refused_is_reported", t_refused_install_is_reported);
    run_test("trap_install_working_reports_nothing", t_working_install_reports_nothing);
}
