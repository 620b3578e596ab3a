/* path_open's flags: O_CREAT, O_EXCL, O_TRUNC, O_APPEND, O_DIRECTORY, O_NOFOLLOW, and the
 * errors of opening what is not there or is not what the flags ask for. */
#include "observe.h"
#include <fcntl.h>
#include <sys/stat.h>

static void show_size(const char *path) {
    struct stat st;
    if (stat(path, &st) == 0) printf("size of %s: %lld\n", path, (long long)st.st_size);
    else printf("size of %s: %s\n", path, errno_name(errno));
}

int main(int argc, char **argv) {
    enter_sandbox(argc, argv);
    int fd;
    fd = (int)check("O_CREAT|O_EXCL of a new file", open("new.txt", O_CREAT | O_EXCL | O_WRONLY, 0644));
    write(fd, "0123456789", 10);
    close(fd);
    check("O_CREAT|O_EXCL of an existing file", open("new.txt", O_CREAT | O_EXCL | O_WRONLY, 0644));
    check("O_CREAT|O_EXCL of a directory", open("sub", O_CREAT | O_EXCL | O_WRONLY, 0644));
    fd = (int)check("O_CREAT of an existing file", open("new.txt", O_CREAT | O_WRONLY, 0644));
    close(fd);
    show_size("new.txt");

    fd = (int)check("O_TRUNC", open("new.txt", O_TRUNC | O_WRONLY));
    show_size("new.txt");
    write(fd, "abc", 3);
    close(fd);
    check("O_TRUNC|O_RDONLY", open("new.txt", O_TRUNC | O_RDONLY));
    show_size("new.txt");

    fd = (int)check("O_APPEND", open("new.txt", O_APPEND | O_WRONLY));
    lseek(fd, 0, SEEK_SET);
    write(fd, "def", 3);
    value("position after an append write", lseek(fd, 0, SEEK_CUR));
    pwrite(fd, "P", 1, 0);
    close(fd);
    char buf[32];
    fd = open("new.txt", O_RDONLY);
    ssize_t n = read(fd, buf, sizeof buf);
    close(fd);
    print_bytes("new.txt after appends", buf, n < 0 ? 0 : (size_t)n);

    fd = (int)check("O_DIRECTORY of a directory", open("sub", O_DIRECTORY | O_RDONLY));
    close(fd);
    check("O_DIRECTORY of a file", open("new.txt", O_DIRECTORY | O_RDONLY));
    check("O_WRONLY of a directory", open("sub", O_WRONLY));
    check("O_RDWR of a directory", open("sub", O_RDWR));
    check("O_CREAT of a directory", open("sub", O_CREAT | O_WRONLY, 0644));
    check("open of a missing file", open("missing.txt", O_RDONLY));
    check("O_CREAT in a missing directory", open("nowhere/x.txt", O_CREAT | O_WRONLY, 0644));
    check("a file as a directory in the path", open("new.txt/x", O_RDONLY));
    check("a trailing slash on a file", open("new.txt/", O_RDONLY));
    fd = (int)check("a trailing slash on a directory", open("sub/", O_RDONLY));
    close(fd);
    check("O_CREAT with a trailing slash", open("newdir/", O_CREAT | O_WRONLY, 0644));
    check("the empty path", open("", O_RDONLY));
    fd = (int)check("\".\"", open(".", O_RDONLY));
    close(fd);
    fd = (int)check("sub/./inner.txt", open("sub/./inner.txt", O_RDONLY));
    close(fd);
    fd = (int)check("sub/../hello.txt", open("sub/../hello.txt", O_RDONLY));
    close(fd);
    check("O_NOFOLLOW of a plain file", open("hello.txt", O_NOFOLLOW | O_RDONLY));
    fd = (int)check("O_CREAT|O_EXCL of a second new file", open("made.txt", O_CREAT | O_EXCL | O_RDWR, 0600));
    value("write to it", write(fd, "made", 4));
    close(fd);
    fflush(stdout);
    return 0;
}
