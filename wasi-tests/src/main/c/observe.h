/* What every WASI test program shares: entering the preopened directory and printing what a
 * call did in a form that is the same on every run (no addresses, times or inode numbers), so
 * that wasi-tests can compare the output of the reference Wasmtime CLI and of our SDK byte for
 * byte. Each program takes the guest path of its preopened directory as argv[1]. */
#ifndef OBSERVE_H
#define OBSERVE_H

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The symbolic name of an errno value; the number when it is not one of these. */
__attribute__((unused)) static const char *errno_name(int e) {
    switch (e) {
    case 0: return "ok";
    case E2BIG: return "E2BIG";
    case EACCES: return "EACCES";
    case EAGAIN: return "EAGAIN";
    case EBADF: return "EBADF";
    case EBUSY: return "EBUSY";
    case EEXIST: return "EEXIST";
    case EFAULT: return "EFAULT";
    case EFBIG: return "EFBIG";
    case EILSEQ: return "EILSEQ";
    case EINVAL: return "EINVAL";
    case EIO: return "EIO";
    case EISDIR: return "EISDIR";
    case ELOOP: return "ELOOP";
    case EMLINK: return "EMLINK";
    case ENAMETOOLONG: return "ENAMETOOLONG";
    case ENOENT: return "ENOENT";
    case ENOSYS: return "ENOSYS";
    case ENOTCAPABLE: return "ENOTCAPABLE";
    case ENOTDIR: return "ENOTDIR";
    case ENOTEMPTY: return "ENOTEMPTY";
    case ENOTSOCK: return "ENOTSOCK";
    case ENOTSUP: return "ENOTSUP";
    case ENOTTY: return "ENOTTY";
    case ENXIO: return "ENXIO";
    case EPERM: return "EPERM";
    case EPIPE: return "EPIPE";
    case EROFS: return "EROFS";
    case ESPIPE: return "ESPIPE";
    case EXDEV: return "EXDEV";
    default: {
        static char buf[16];
        snprintf(buf, sizeof buf, "errno %d", e);
        return buf;
    }
    }
}

/* Prints "what: ok" for a call that returned a non-negative value, else "what: <errno>". */
__attribute__((unused)) static long check(const char *what, long result) {
    printf("%s: %s\n", what, result >= 0 ? "ok" : errno_name(errno));
    return result;
}

/* Prints "what: <value>" for a call that returned a value, else "what: <errno>". */
__attribute__((unused)) static long value(const char *what, long result) {
    if (result >= 0) printf("%s: %ld\n", what, result);
    else printf("%s: %s\n", what, errno_name(errno));
    return result;
}

/* Prints bytes as text, with every byte outside printable ASCII as \xNN. */
__attribute__((unused)) static void print_bytes(const char *what, const void *data, size_t length) {
    const unsigned char *bytes = data;
    printf("%s: \"", what);
    for (size_t i = 0; i < length; i++) {
        if (bytes[i] >= 0x20 && bytes[i] < 0x7f && bytes[i] != '"' && bytes[i] != '\\') putchar(bytes[i]);
        else printf("\\x%02x", bytes[i]);
    }
    printf("\" (%zu bytes)\n", length);
}

/* Makes the preopened directory (argv[1]) the working directory, or ends the program with 2. */
__attribute__((unused)) static void enter_sandbox(int argc, char **argv) {
    if (argc < 2 || chdir(argv[1]) != 0) {
        fprintf(stderr, "usage: %s GUEST_DIR (a preopened directory)\n", argc > 0 ? argv[0] : "program");
        exit(2);
    }
    /* Line-buffered output would interleave differently with stderr on each host; full
     * buffering plus an explicit flush at exit keeps stdout one stream. */
    setvbuf(stdout, NULL, _IOFBF, 1 << 16);
}

#endif
