/* Standard input: everything it holds, read in small pieces, then reads at its end; and what
 * the host says standard input is. */
#include "observe.h"
#include <sys/stat.h>
#include <wasi/api.h>

int main(void) {
    static char all[65536]; /* static: the default wasm stack of wasi-libc is 64 KiB */
    size_t total = 0;
    int reads = 0;
    for (;;) {
        ssize_t n = read(0, all + total, 7 < sizeof all - total ? 7 : sizeof all - total);
        if (n < 0) { printf("read: %s\n", errno_name(errno)); break; }
        if (n == 0) break;
        total += (size_t)n;
        reads++;
    }
    print_bytes("stdin", all, total);
    printf("reads of at most 7 bytes that returned data: %s\n", reads == (int)((total + 6) / 7) ? "as many as needed" : "more than needed");
    char more[4];
    value("read at EOF", read(0, more, sizeof more));
    value("read at EOF again", read(0, more, sizeof more));
    value("read of 0 bytes", read(0, more, 0));
    __wasi_fdstat_t stat;
    __wasi_errno_t e = __wasi_fd_fdstat_get(0, &stat);
    printf("fdstat_get(0): %s\n", errno_name(e));
    printf("stdin is a directory: %s\n", stat.fs_filetype == __WASI_FILETYPE_DIRECTORY ? "yes" : "no");
    printf("stdin may be read: %s\n", (stat.fs_rights_base & __WASI_RIGHTS_FD_READ) ? "yes" : "no");
    check("lseek on stdin", lseek(0, 0, SEEK_CUR));
    return 0;
}
