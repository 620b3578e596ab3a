/* proc_exit: the code in argv[1] ends the program, after output on both streams; nothing
 * after the call runs. */
#include <stdio.h>
#include <stdlib.h>
#include <wasi/api.h>

int main(int argc, char **argv) {
    int code = argc > 1 ? atoi(argv[1]) : 0;
    printf("exiting with %d\n", code);
    fprintf(stderr, "to stderr before exit\n");
    fflush(stdout);
    __wasi_proc_exit((__wasi_exitcode_t)code);
    printf("after proc_exit (must not appear)\n");
    return 99;
}
