/* Renaming, removing and making: rename over an existing file, over directories, onto itself;
 * unlink of a file that is still open; mkdir and rmdir of what exists, is full or is a file. */
#include "observe.h"
#include <fcntl.h>
#include <sys/stat.h>

static void put(const char *path, const char *text) {
    int fd = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0644);
    write(fd, text, strlen(text));
    close(fd);
}

static void show(const char *path) {
    char buf[64];
    int fd = open(path, O_RDONLY);
    if (fd < 0) { printf("%s: %s\n", path, errno_name(errno)); return; }
    ssize_t n = read(fd, buf, sizeof buf);
    close(fd);
    print_bytes(path, buf, n < 0 ? 0 : (size_t)n);
}

int main(int argc, char **argv) {
    enter_sandbox(argc, argv);
    put("a.txt", "from a");
    put("b.txt", "from b");
    check("rename a.txt over b.txt", rename("a.txt", "b.txt"));
    show("a.txt");
    show("b.txt");
    check("rename onto itself", rename("b.txt", "b.txt"));
    check("rename of a missing file", rename("missing", "c.txt"));

    check("mkdir d1", mkdir("d1", 0755));
    check("mkdir d1 again", mkdir("d1", 0755));
    check("mkdir in a missing directory", mkdir("nowhere/d", 0755));
    check("mkdir over a file", mkdir("b.txt", 0755));
    check("mkdir d2", mkdir("d2", 0755));
    put("d2/x", "x");
    check("rename file over a directory", rename("b.txt", "d1"));
    check("rename directory over a file", rename("d1", "b.txt"));
    check("rename directory over a full directory", rename("d1", "d2"));
    check("rename full directory over an empty one", rename("d2", "d1"));
    show("d1/x");
    check("rename a directory into itself", rename("d1", "d1/inner"));
    check("rename with a trailing slash on a file", rename("b.txt/", "c.txt"));
    check("rename a directory with trailing slashes", rename("d1/", "d3/"));

    check("rmdir of a full directory", rmdir("d3"));
    check("rmdir of a file", rmdir("b.txt"));
    check("rmdir of a missing directory", rmdir("missing"));
    check("unlink of a directory", unlink("d3"));
    check("unlink d3/x", unlink("d3/x"));
    check("rmdir of the now empty directory", rmdir("d3"));
    check("rmdir of \".\"", rmdir("."));

    put("open.txt", "still readable");
    int fd = open("open.txt", O_RDWR);
    check("unlink of an open file", unlink("open.txt"));
    show("open.txt");
    char buf[32];
    ssize_t n = value("read through the descriptor after unlink", read(fd, buf, sizeof buf));
    print_bytes("it read", buf, n < 0 ? 0 : (size_t)n);
    value("write through it", write(fd, "!", 1));
    struct stat st;
    check("fstat after unlink", fstat(fd, &st));
    printf("size after unlink: %lld, links: %lld\n", (long long)st.st_size, (long long)st.st_nlink);
    close(fd);
    check("unlink of a missing file", unlink("open.txt"));
    check("unlink with a trailing slash", unlink("b.txt/"));
    fflush(stdout);
    return 0;
}
