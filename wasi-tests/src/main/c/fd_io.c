/* Reading and writing through descriptors: scattered and gathered I/O, partial reads, reads
 * and writes at an offset, seeking past the end, telling, and descriptors used the wrong way. */
#include "observe.h"
#include <fcntl.h>
#include <sys/uio.h>
#include <wasi/api.h>

static void show_file(const char *path) {
    char buf[256];
    int fd = open(path, O_RDONLY);
    ssize_t n = read(fd, buf, sizeof buf);
    close(fd);
    print_bytes(path, buf, n < 0 ? 0 : (size_t)n);
}

int main(int argc, char **argv) {
    enter_sandbox(argc, argv);
    int fd = (int)check("open io.txt O_CREAT|O_RDWR", open("io.txt", O_CREAT | O_RDWR, 0644));

    struct iovec out[3] = {{"abc", 3}, {"", 0}, {"defgh", 5}};
    value("writev 3 buffers (one empty)", writev(fd, out, 3));
    value("tell after writev", lseek(fd, 0, SEEK_CUR));
    value("seek to 2", lseek(fd, 2, SEEK_SET));

    char a[2], b[10];
    struct iovec in[2] = {{a, sizeof a}, {b, sizeof b}};
    ssize_t n = value("readv 2+10 bytes of the 6 left", readv(fd, in, 2));
    print_bytes("first buffer", a, n < 2 ? (size_t)(n < 0 ? 0 : n) : 2);
    print_bytes("second buffer", b, n > 2 ? (size_t)n - 2 : 0);
    value("read at the end", read(fd, b, sizeof b));

    value("pread 3 at offset 1", pread(fd, b, 3, 1));
    print_bytes("pread got", b, 3);
    value("tell is unchanged by pread", lseek(fd, 0, SEEK_CUR));
    value("pread past the end", pread(fd, b, 3, 100));
    value("pwrite 2 at offset 6", pwrite(fd, "XY", 2, 6));
    value("tell is unchanged by pwrite", lseek(fd, 0, SEEK_CUR));
    value("pwrite at offset 12, past the end", pwrite(fd, "Z", 1, 12));

    value("seek 3 past the end", lseek(fd, 3, SEEK_END));
    value("write there", write(fd, "!", 1));
    value("seek back 1 from the current position", lseek(fd, -1, SEEK_CUR));
    value("seek to before the start", lseek(fd, -100, SEEK_SET));
    value("size via SEEK_END", lseek(fd, 0, SEEK_END));
    __wasi_filesize_t told = 0;
    printf("fd_tell: %s %llu\n", errno_name(__wasi_fd_tell(fd, &told)), (unsigned long long)told);
    check("close", close(fd));
    show_file("io.txt");

    /* Partial reads: a file read 4 bytes at a time. */
    fd = (int)check("open hello.txt O_RDONLY", open("hello.txt", O_RDONLY));
    char piece[4];
    int pieces = 0;
    size_t total = 0;
    while ((n = read(fd, piece, sizeof piece)) > 0) { pieces++; total += (size_t)n; }
    printf("read hello.txt in %d pieces, %zu bytes\n", pieces, total);
    value("write to a read-only descriptor", write(fd, "x", 1));
    value("pwrite to a read-only descriptor", pwrite(fd, "x", 1, 0));
    close(fd);

    fd = (int)check("open io.txt O_WRONLY", open("io.txt", O_WRONLY));
    value("read from a write-only descriptor", read(fd, piece, 1));
    value("pread from a write-only descriptor", pread(fd, piece, 1, 0));
    check("ftruncate to 4", ftruncate(fd, 4));
    check("ftruncate to 20 (grows with zeros)", ftruncate(fd, 20));
    check("ftruncate to -1", ftruncate(fd, -1));
    check("fsync", fsync(fd));
    check("fdatasync", fdatasync(fd));
    printf("fd_advise: %s\n", errno_name(__wasi_fd_advise(fd, 0, 10, __WASI_ADVICE_SEQUENTIAL)));
    printf("fd_allocate: %s\n", errno_name(__wasi_fd_allocate(fd, 0, 30)));
    close(fd);
    show_file("io.txt");

    int dir = open(".", O_RDONLY | O_DIRECTORY);
    value("read from a directory", read(dir, piece, 1));
    value("write to a directory", write(dir, "x", 1));
    value("seek in a directory", lseek(dir, 0, SEEK_SET));
    close(dir);

    /* Descriptor bookkeeping: renumber, and descriptors that are closed or never were. */
    int x = open("hello.txt", O_RDONLY), y = open("io.txt", O_RDONLY);
    printf("fd_renumber onto an open descriptor: %s\n", errno_name(__wasi_fd_renumber(x, y)));
    value("read through the renumbered descriptor", read(y, piece, 4));
    print_bytes("renumbered read", piece, 4);
    value("read from the old number", read(x, piece, 1));
    printf("fd_renumber from a closed descriptor: %s\n", errno_name(__wasi_fd_renumber(x, y)));
    printf("fd_renumber onto a closed descriptor: %s\n", errno_name(__wasi_fd_renumber(y, 4000)));
    check("close", close(y));
    check("close again", close(y));
    value("read from descriptor 4000", read(4000, piece, 1));
    printf("fd_close of a preopen: %s\n", errno_name(__wasi_fd_close(3)));
    fflush(stdout);
    return 0;
}
