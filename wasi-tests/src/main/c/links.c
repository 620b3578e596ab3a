/* Symbolic and hard links: make, read (also into a buffer too small), follow, loop (ELOOP),
 * dangle, and link counts. */
#include "observe.h"
#include <fcntl.h>
#include <sys/stat.h>

static void show_link(const char *path, size_t size) {
    char buf[128];
    ssize_t n = readlink(path, buf, size);
    char label[96];
    snprintf(label, sizeof label, "readlink %s into %zu bytes", path, size);
    if (n < 0) printf("%s: %s\n", label, errno_name(errno));
    else print_bytes(label, buf, (size_t)n);
}

int main(int argc, char **argv) {
    enter_sandbox(argc, argv);
    check("symlink to-hello -> hello.txt", symlink("hello.txt", "to-hello"));
    check("symlink over an existing name", symlink("hello.txt", "to-hello"));
    check("symlink to-sub -> sub", symlink("sub", "to-sub"));
    check("symlink dangling -> nothing-here", symlink("nothing-here", "dangling"));
    check("symlink loop-a -> loop-b", symlink("loop-b", "loop-a"));
    check("symlink loop-b -> loop-a", symlink("loop-a", "loop-b"));
    check("symlink self -> self", symlink("self", "self"));
    check("symlink with an empty target", symlink("", "empty-target"));
    check("symlink in a missing directory", symlink("hello.txt", "nowhere/link"));
    check("symlink sub/up -> ../hello.txt", symlink("../hello.txt", "sub/up"));

    show_link("to-hello", 128);
    show_link("to-hello", 4);
    show_link("to-hello", 0);
    show_link("hello.txt", 128);
    show_link("missing", 128);
    show_link("sub/up", 128);

    char buf[64];
    int fd = (int)check("open through to-hello", open("to-hello", O_RDONLY));
    ssize_t n = read(fd, buf, sizeof buf);
    close(fd);
    print_bytes("read through to-hello", buf, n < 0 ? 0 : (size_t)n);
    fd = (int)check("open through to-sub/inner.txt", open("to-sub/inner.txt", O_RDONLY));
    close(fd);
    fd = (int)check("open through sub/up", open("sub/up", O_RDONLY));
    close(fd);
    check("open of a dangling link", open("dangling", O_RDONLY));
    check("open a loop", open("loop-a", O_RDONLY));
    check("open through a loop", open("loop-a/x", O_RDONLY));
    check("open of self", open("self", O_RDONLY));
    check("O_NOFOLLOW of a link", open("to-hello", O_RDONLY | O_NOFOLLOW));
    check("O_CREAT through a dangling link", open("dangling", O_CREAT | O_WRONLY, 0644));
    check("O_CREAT|O_EXCL of a dangling link", open("dangling", O_CREAT | O_EXCL | O_WRONLY, 0644));

    struct stat st;
    check("stat of a link", stat("to-hello", &st));
    printf("stat says regular file: %s, size %lld\n", S_ISREG(st.st_mode) ? "yes" : "no", (long long)st.st_size);
    check("lstat of a link", lstat("to-hello", &st));
    printf("lstat says link: %s, size %lld\n", S_ISLNK(st.st_mode) ? "yes" : "no", (long long)st.st_size);
    check("stat of a loop", stat("loop-a", &st));
    check("lstat of a loop", lstat("loop-a", &st));

    check("link hard.txt -> hello.txt", link("hello.txt", "hard.txt"));
    stat("hello.txt", &st);
    printf("links of hello.txt: %lld\n", (long long)st.st_nlink);
    check("link over an existing name", link("hello.txt", "hard.txt"));
    check("link of a directory", link("sub", "sub-link"));
    check("link of a missing file", link("missing", "m-link"));
    check("link of a symlink (not followed)", linkat(AT_FDCWD, "to-hello", AT_FDCWD, "hard-to-link", 0));
    check("link of a symlink (followed)", linkat(AT_FDCWD, "to-hello", AT_FDCWD, "hard-followed", AT_SYMLINK_FOLLOW));
    lstat("hard-to-link", &st);
    printf("hard-to-link is a symlink: %s\n", S_ISLNK(st.st_mode) ? "yes" : "no");

    check("unlink of a link", unlink("to-hello"));
    check("hello.txt still there", access("hello.txt", F_OK));
    check("rmdir of a link to a directory", rmdir("to-sub"));
    check("unlink of a link to a directory with a trailing slash", unlink("to-sub/"));
    fflush(stdout);
    return 0;
}
