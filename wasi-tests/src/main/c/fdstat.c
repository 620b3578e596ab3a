/* Descriptor status: the type, flags and rights of stdio, preopens, files and directories as
 * opened with each access mode; fdstat_set_flags; and what fd_prestat says. */
#include "observe.h"
#include <fcntl.h>
#include <wasi/api.h>

/* wasi-libc's headers leave proc_raise out; the import is still part of the snapshot. */
__attribute__((import_module("wasi_snapshot_preview1"), import_name("proc_raise")))
int32_t raw_proc_raise(int32_t signal);

static const char *type_name(__wasi_filetype_t type) {
    switch (type) {
    case __WASI_FILETYPE_UNKNOWN: return "unknown";
    case __WASI_FILETYPE_BLOCK_DEVICE: return "block device";
    case __WASI_FILETYPE_CHARACTER_DEVICE: return "character device";
    case __WASI_FILETYPE_DIRECTORY: return "directory";
    case __WASI_FILETYPE_REGULAR_FILE: return "regular file";
    case __WASI_FILETYPE_SOCKET_DGRAM: return "datagram socket";
    case __WASI_FILETYPE_SOCKET_STREAM: return "stream socket";
    case __WASI_FILETYPE_SYMBOLIC_LINK: return "symbolic link";
    default: return "?";
    }
}

static void show(const char *label, int fd) {
    __wasi_fdstat_t st;
    __wasi_errno_t e = __wasi_fd_fdstat_get(fd, &st);
    if (e != 0) { printf("%s: %s\n", label, errno_name(e)); return; }
    printf("%s: %s, flags 0x%x, rights 0x%llx, inheriting 0x%llx\n", label, type_name(st.fs_filetype),
           st.fs_flags, (unsigned long long)st.fs_rights_base, (unsigned long long)st.fs_rights_inheriting);
}

int main(int argc, char **argv) {
    enter_sandbox(argc, argv);
    show("preopen 3", 3);
    __wasi_prestat_t pre;
    __wasi_errno_t e = __wasi_fd_prestat_get(3, &pre);
    printf("prestat 3: %s, directory name length %u\n", errno_name(e), (unsigned)pre.u.dir.pr_name_len);
    char name[64] = {0};
    e = __wasi_fd_prestat_dir_name(3, (uint8_t *)name, pre.u.dir.pr_name_len);
    printf("prestat 3 name: %s %s\n", errno_name(e), name);
    e = __wasi_fd_prestat_dir_name(3, (uint8_t *)name, 1);
    printf("prestat 3 name into 1 byte: %s\n", errno_name(e));
    printf("prestat 4: %s\n", errno_name(__wasi_fd_prestat_get(4, &pre)));
    printf("prestat 1 (stdout): %s\n", errno_name(__wasi_fd_prestat_get(1, &pre)));

    int rd = open("hello.txt", O_RDONLY), wr = open("hello.txt", O_WRONLY), rw = open("hello.txt", O_RDWR);
    int ap = open("hello.txt", O_WRONLY | O_APPEND), dir = open("sub", O_RDONLY | O_DIRECTORY);
    show("O_RDONLY file", rd);
    show("O_WRONLY file", wr);
    show("O_RDWR file", rw);
    show("O_APPEND file", ap);
    show("directory", dir);
    show("closed descriptor 99", 99);
    value("fcntl F_GETFL of O_APPEND", fcntl(ap, F_GETFL) & (O_APPEND | O_ACCMODE));
    check("fcntl F_SETFL O_APPEND on O_RDWR", fcntl(rw, F_SETFL, O_APPEND));
    show("O_RDWR after F_SETFL O_APPEND", rw);
    check("fcntl F_SETFL O_NONBLOCK", fcntl(rw, F_SETFL, O_NONBLOCK));
    show("O_RDWR after F_SETFL O_NONBLOCK", rw);
    printf("fdstat_set_flags of a closed descriptor: %s\n", errno_name(__wasi_fd_fdstat_set_flags(99, 0)));
    e = __wasi_fd_fdstat_set_rights(rd, __WASI_RIGHTS_FD_READ, 0);
    printf("fdstat_set_rights to fewer rights: %s\n", errno_name(e));
    show("O_RDONLY file after set_rights", rd);
    e = __wasi_fd_fdstat_set_rights(rd, __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE, 0);
    printf("fdstat_set_rights to more rights: %s\n", errno_name(e));
    printf("sched_yield: %s\n", errno_name(__wasi_sched_yield()));
    printf("proc_raise(SIGUSR1): %s\n", errno_name(raw_proc_raise(10)));
    printf("sock_accept: %s\n", errno_name(__wasi_sock_accept(3, 0, (__wasi_fd_t *)name)));
    __wasi_size_t n = 0;
    __wasi_roflags_t roflags = 0;
    __wasi_iovec_t iov = {(uint8_t *)name, 1};
    printf("sock_recv: %s\n", errno_name(__wasi_sock_recv(3, &iov, 1, 0, &n, &roflags)));
    __wasi_ciovec_t ciov = {(const uint8_t *)name, 1};
    printf("sock_send: %s\n", errno_name(__wasi_sock_send(3, &ciov, 1, 0, &n)));
    printf("sock_shutdown: %s\n", errno_name(__wasi_sock_shutdown(3, __WASI_SDFLAGS_RD)));
    fflush(stdout);
    return 0;
}
