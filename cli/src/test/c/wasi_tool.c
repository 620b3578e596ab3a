/*
 * A WASI command for nsw run's tests (RunWasiTest), built with clang-14 and wasi-libc by cli/pom.xml.
 * Its first argument says what to do:
 *   echo ARGS...       prints its arguments, one per line
 *   env NAME           prints the variable's value, or "unset"
 *   cat FILE           prints the file (exit 1 with the reason on stderr when it cannot open it)
 *   write FILE TEXT    writes TEXT into FILE (exit 1 with the reason on stderr when it cannot)
 *   exit N             exits with code N
 *   trap               executes an unreachable instruction
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fail(const char *what, const char *file) {
    fprintf(stderr, "cannot %s %s: %s\n", what, file, strerror(errno));
    return 1;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s echo|env|cat|write|exit|trap ...\n", argv[0]);
        return 2;
    }
    const char *command = argv[1];
    if (strcmp(command, "echo") == 0) {
        for (int i = 2; i < argc; i++) {
            puts(argv[i]);
        }
        return 0;
    }
    if (strcmp(command, "env") == 0 && argc == 3) {
        const char *value = getenv(argv[2]);
        puts(value ? value : "unset");
        return 0;
    }
    if (strcmp(command, "cat") == 0 && argc == 3) {
        FILE *f = fopen(argv[2], "r");
        if (!f) {
            return fail("open", argv[2]);
        }
        char buffer[4096];
        size_t n;
        while ((n = fread(buffer, 1, sizeof buffer, f)) > 0) {
            fwrite(buffer, 1, n, stdout);
        }
        fclose(f);
        return 0;
    }
    if (strcmp(command, "write") == 0 && argc == 4) {
        FILE *f = fopen(argv[2], "w");
        if (!f) {
            return fail("open", argv[2]);
        }
        if (fputs(argv[3], f) < 0 || fclose(f) != 0) {
            return fail("write", argv[2]);
        }
        return 0;
    }
    if (strcmp(command, "exit") == 0 && argc == 3) {
        exit(atoi(argv[2]));
    }
    if (strcmp(command, "trap") == 0) {
        __builtin_trap();
    }
    fprintf(stderr, "%s: unknown command or wrong arguments: %s\n", argv[0], command);
    return 2;
}
