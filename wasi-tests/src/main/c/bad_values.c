/* Values the WASI types do not allow (an enum value or a flag bit the snapshot does not
 * define), one per run, chosen by argv[2]. The reference does not answer with an errno but
 * ends the program with an error, so each is a case of its own that must end the same way. */
#include "observe.h"
#include <fcntl.h>
#include <wasi/api.h>

int main(int argc, char **argv) {
    enter_sandbox(argc, argv);
    const char *which = argc > 2 ? argv[2] : "";
    int fd = open("hello.txt", O_RDWR);
    __wasi_errno_t e;
    __wasi_filesize_t position;
    __wasi_timestamp_t time;
    printf("calling with a bad %s\n", which);
    fflush(stdout);
    if (strcmp(which, "whence") == 0) e = __wasi_fd_seek(fd, 0, 7, &position);
    else if (strcmp(which, "advice") == 0) e = __wasi_fd_advise(fd, 0, 10, 9);
    else if (strcmp(which, "clockid") == 0) e = __wasi_clock_time_get(4, 1, &time);
    else if (strcmp(which, "fstflags") == 0) e = __wasi_fd_filestat_set_times(fd, 0, 0, 1 << 7);
    else if (strcmp(which, "fdflags") == 0) e = __wasi_fd_fdstat_set_flags(fd, 1 << 6);
    else if (strcmp(which, "oflags") == 0) {
        __wasi_fd_t opened;
        e = __wasi_path_open(3, 0, "x", 1 << 5, __WASI_RIGHTS_FD_READ, 0, 0, &opened);
    } else {
        fprintf(stderr, "usage: %s GUEST_DIR whence|advice|clockid|fstflags|fdflags|oflags\n", argv[0]);
        return 2;
    }
    printf("returned %s\n", errno_name(e));
    return 0;
}
