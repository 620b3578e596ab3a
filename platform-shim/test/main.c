/*
 * Test runner for libnsw_platform.so.
 *
 * Usage: nsw_platform_test <arch-label>
 * Prints one line per test and ends with
 *   platform-shim <arch>: N passed, M failed
 * exiting non-zero when M > 0.
 */
#include "test.h"

#include <stdarg.h>
#include <stdlib.h>
#include <unistd.h>

static int passed, failed;

const char *failf(const char *fmt, ...) {
    static __thread char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return buf;
}

void run_test(const char *name, test_fn fn) {
    const char *reason = fn();
    if (reason == NULL) {
        passed++;
        printf("ok %s\n", name);
    } else {
        failed++;
        printf("FAIL %s: %s\n", name, reason);
    }
    fflush(stdout);
}

int main(int argc, char **argv) {
    const char *arch = argc > 1 ? argv[1] :
#if defined(__x86_64__)
        "x86_64";
#elif defined(__aarch64__)
        "aarch64";
#else
        "unknown";
#endif
    setvbuf(stdout, NULL, _IOLBF, 0);

    /* HotSpot's handlers exist before the shim is loaded; mimic that. */
    install_jvm_like_handlers();

    fork_tests();  /* child processes; before any thread or init */
    trap_install_tests();
    trap_tests();  /* installs the shim's handlers; later faults chain */
    tls_tests();
    sync_tests();
    vm_tests();
    image_tests();
    stack_tests();

    printf("platform-shim %s: %d passed, %d failed\n", arch, passed, failed);
    return failed > 0 ? 1 : 0;
}
