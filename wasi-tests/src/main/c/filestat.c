/* File status and times: types and sizes of what the fixture holds, times set to fixed values
 * (by path and by descriptor, with UTIME_OMIT and on a link itself), and sizes set by truncate.
 * Only times the program set are printed; the others change on every run. */
#include "observe.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <wasi/api.h>

static const char *type_of(mode_t mode) {
    if (S_ISREG(mode)) return "file";
    if (S_ISDIR(mode)) return "directory";
    if (S_ISLNK(mode)) return "symlink";
    if (S_ISCHR(mode)) return "character device";
    if (S_ISBLK(mode)) return "block device";
    if (S_ISSOCK(mode)) return "socket";
    if (S_ISFIFO(mode)) return "fifo";
    return "unknown";
}

static void show(const char *path) {
    struct stat st;
    if (lstat(path, &st) != 0) { printf("lstat %s: %s\n", path, errno_name(errno)); return; }
    printf("lstat %s: %s", path, type_of(st.st_mode));
    if (S_ISREG(st.st_mode)) printf(", size %lld, links %lld", (long long)st.st_size, (long long)st.st_nlink);
    printf("\n");
}

static void show_times(const char *path, int follow) {
    struct stat st;
    int rc = follow ? stat(path, &st) : lstat(path, &st);
    if (rc != 0) { printf("times of %s: %s\n", path, errno_name(errno)); return; }
    printf("times of %s: atime %lld.%09ld mtime %lld.%09ld\n", path, (long long)st.st_atim.tv_sec,
           st.st_atim.tv_nsec, (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
}

int main(int argc, char **argv) {
    enter_sandbox(argc, argv);
    show(".");
    show("hello.txt");
    show("empty");
    show("sub");
    show("sub/inner.txt");
    show("missing");

    struct timespec times[2] = {{1000000000, 123456789}, {1200000000, 987654321}};
    check("utimensat hello.txt", utimensat(AT_FDCWD, "hello.txt", times, 0));
    show_times("hello.txt", 1);
    struct timespec omit_atime[2] = {{0, UTIME_OMIT}, {1300000000, 5}};
    check("utimensat with atime omitted", utimensat(AT_FDCWD, "hello.txt", omit_atime, 0));
    show_times("hello.txt", 1);
    struct timespec bad[2] = {{0, 1000000000}, {0, 0}};
    check("utimensat with 1e9 nanoseconds", utimensat(AT_FDCWD, "hello.txt", bad, 0));
    check("utimensat of a missing file", utimensat(AT_FDCWD, "missing", times, 0));

    int fd = open("sub/inner.txt", O_RDWR);
    struct timespec ftimes[2] = {{1400000000, 0}, {1500000000, 1}};
    check("futimens", futimens(fd, ftimes));
    show_times("sub/inner.txt", 1);
    check("ftruncate to 3", ftruncate(fd, 3));
    show("sub/inner.txt");
    close(fd);
    check("truncate (by path) to 5", truncate("hello.txt", 5));
    show("hello.txt");

    check("symlink ln -> hello.txt", symlink("hello.txt", "ln"));
    struct timespec ltimes[2] = {{1600000000, 0}, {1650000000, 0}};
    check("utimensat of the link itself", utimensat(AT_FDCWD, "ln", ltimes, AT_SYMLINK_NOFOLLOW));
    show_times("ln", 0);
    show("ln");

    /* The raw call: flags that set a time to "now" and a fixed time at once are invalid. */
    __wasi_errno_t e = __wasi_path_filestat_set_times(3, 0, "hello.txt", 0, 0,
                                                      __WASI_FSTFLAGS_ATIM | __WASI_FSTFLAGS_ATIM_NOW);
    printf("set_times with ATIM and ATIM_NOW: %s\n", errno_name(e));
    __wasi_filestat_t fs;
    e = __wasi_path_filestat_get(3, 0, "sub", &fs);
    printf("path_filestat_get sub: %s, type %s\n", errno_name(e), fs.filetype == __WASI_FILETYPE_DIRECTORY ? "directory" : "other");
    e = __wasi_fd_filestat_get(1, &fs);
    printf("fd_filestat_get of stdout: %s\n", errno_name(e));
    e = __wasi_fd_filestat_set_size(3, 0);
    printf("fd_filestat_set_size of a directory: %s\n", errno_name(e));
    fflush(stdout);
    return 0;
}
