/*
 * Last-resort error reporting: a failure the Wasmtime platform API has no
 * way to report (e.g. a lock that cannot be allocated) ends the process with
 * a readable message instead of continuing in an undefined state.
 *
 * Uses write(2) only, so it is safe to call with the heap in any state.
 */
#include "shim.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void write_all(const char *s, size_t n) {
    while (n > 0) {
        ssize_t w = write(STDERR_FILENO, s, n);
        if (w <= 0)
            return; /* nothing better to do: we are about to abort anyway */
        s += w;
        n -= (size_t)w;
    }
}

void nsw_fatal(const char *msg) {
    static const char prefix[] = "nsw-platform: fatal: ";
    write_all(prefix, sizeof prefix - 1);
    write_all(msg, strlen(msg));
    write_all("\n", 1);
    abort();
}
