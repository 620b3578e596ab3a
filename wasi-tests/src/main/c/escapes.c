/* Leaving the preopened directory: through "..", absolute paths, symlinks the guest makes that
 * point outside, hard links and renames. Every attempt must fail, with the errno the reference
 * gives; the fixture's files must stay inside. */
#include "observe.h"
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <wasi/api.h>

int main(int argc, char **argv) {
    enter_sandbox(argc, argv);
    check("open ..", open("..", O_RDONLY));
    check("open ../escape.txt O_CREAT", open("../escape.txt", O_CREAT | O_WRONLY, 0644));
    check("open sub/../../escape.txt O_CREAT", open("sub/../../escape.txt", O_CREAT | O_WRONLY, 0644));
    check("open sub/../hello.txt (stays inside)", open("sub/../hello.txt", O_RDONLY));
    check("open /etc/passwd", open("/etc/passwd", O_RDONLY));
    check("open / ", open("/", O_RDONLY));
    check("mkdir ../escape-dir", mkdir("../escape-dir", 0755));
    check("rmdir ..", rmdir(".."));
    check("unlink ../anything", unlink("../anything"));
    check("rename hello.txt to ../stolen.txt", rename("hello.txt", "../stolen.txt"));
    check("link hello.txt to ../linked.txt", link("hello.txt", "../linked.txt"));
    check("symlink out -> ..", symlink("..", "out"));
    check("symlink abs -> /etc", symlink("/etc", "abs"));
    check("symlink deep -> sub/../../..", symlink("sub/../../..", "deep"));
    check("open out/escape.txt O_CREAT", open("out/escape.txt", O_CREAT | O_WRONLY, 0644));
    check("open out", open("out", O_RDONLY));
    check("open abs/passwd", open("abs/passwd", O_RDONLY));
    check("open deep", open("deep", O_RDONLY));
    check("mkdir out/x", mkdir("out/x", 0755));
    check("stat out/.", access("out/.", F_OK));
    check("opendir out", opendir("out") ? 0 : -1);
    check("rename into out/", rename("hello.txt", "out/stolen.txt"));
    check("link through out", link("out/escape.txt", "brought-in"));
    check("unlink out (the link itself, inside)", unlink("out"));

    /* The raw calls, relative to the preopen, with absolute paths that libc would refuse first. */
    __wasi_fd_t fd;
    __wasi_errno_t e = __wasi_path_open(3, 0, "/etc/passwd", 0, __WASI_RIGHTS_FD_READ, 0, 0, &fd);
    printf("path_open /etc/passwd on the preopen: %s\n", errno_name(e));
    e = __wasi_path_open(3, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "abs", 0, __WASI_RIGHTS_FD_READ, 0, 0, &fd);
    printf("path_open through abs following links: %s\n", errno_name(e));
    e = __wasi_path_create_directory(3, "/tmp-escape");
    printf("path_create_directory /tmp-escape: %s\n", errno_name(e));
    e = __wasi_path_symlink("/etc/passwd", 3, "abs-file");
    printf("path_symlink to an absolute target: %s\n", errno_name(e));
    e = __wasi_path_open(3, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "abs-file", 0, __WASI_RIGHTS_FD_READ, 0, 0, &fd);
    printf("path_open through it: %s\n", errno_name(e));
    fflush(stdout);
    return 0;
}
