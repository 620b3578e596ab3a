/*
 * LD_PRELOAD library of signals/TrapInstallFailureTest: it refuses, with EPERM,
 * any sigaction call that installs a SIGBUS handler living in the platform shim
 * (libnsw_platform*.so), and passes every other call on. The JVM's own handlers
 * install normally; the shim's first native-signals engine then fails to
 * install its trap handlers, as it would in a process whose sigaction is
 * restricted (a seccomp filter, a sandbox). The shim's test bench injects the
 * same failure from inside (platform-shim/test/test_trap_install.c).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <string.h>

typedef int (*sigaction_fn)(int, const struct sigaction *, struct sigaction *);

static int is_shim_handler(const struct sigaction *act) {
    Dl_info info;
    void *handler = (act->sa_flags & SA_SIGINFO) ? (void *)act->sa_sigaction : (void *)act->sa_handler;
    return dladdr(handler, &info) != 0 && info.dli_fname != NULL && strstr(info.dli_fname, "libnsw_platform") != NULL;
}

int sigaction(int sig, const struct sigaction *act, struct sigaction *old) {
    static sigaction_fn real;
    if (real == NULL)
        real = (sigaction_fn)dlsym(RTLD_NEXT, "sigaction");
    if (sig == SIGBUS && act != NULL && is_shim_handler(act)) {
        errno = EPERM;
        return -1;
    }
    return real(sig, act, old);
}
