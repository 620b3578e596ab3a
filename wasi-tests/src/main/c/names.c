/* Names: the longest name a host allows and one longer, names that are not UTF-8, names with
 * spaces, dots, unicode and control characters, and empty files. */
#include "observe.h"
#include <fcntl.h>
#include <sys/stat.h>

static void make_named(const char *label, const char *name) {
    int fd = open(name, O_CREAT | O_WRONLY, 0644);
    printf("create %s: %s\n", label, fd >= 0 ? "ok" : errno_name(errno));
    if (fd >= 0) close(fd);
}

int main(int argc, char **argv) {
    enter_sandbox(argc, argv);
    char name[600];
    memset(name, 'n', sizeof name);
    name[255] = 0;
    make_named("a 255-byte name", name);
    name[255] = 'n';
    name[256] = 0;
    make_named("a 256-byte name", name);
    name[300] = 'n';
    name[599] = 0;
    make_named("a 599-byte name", name);
    check("mkdir with a 256-byte name", (name[256] = 0, mkdir(name, 0755)));

    make_named("a name with spaces", "with spaces.txt");
    make_named("a name that is all dots", "...");
    make_named("a unicode name", "gr\xc3\xbc\xc3\x9f-\xe2\x82\xac-\xf0\x9f\x98\x80.txt");
    make_named("a name with a newline", "new\nline");
    make_named("a name with a tab", "tab\there");
    make_named("a name with a backslash", "back\\slash");
    make_named("a name that is not UTF-8 (0xff)", "bad-\xff.txt");
    make_named("a name with a lone continuation byte", "bad-\x80.txt");
    make_named("a name with a truncated sequence", "bad-\xe2\x82.txt");
    make_named("a name with an overlong encoding", "bad-\xc0\xaf.txt");
    make_named("a name with an encoded surrogate", "bad-\xed\xa0\x80.txt");
    check("mkdir of a name that is not UTF-8", mkdir("dir-\xfe", 0755));
    check("stat of a name that is not UTF-8", access("bad-\xff.txt", F_OK));
    check("rename to a name that is not UTF-8", rename("...", "dots-\xff"));
    check("symlink to a target that is not UTF-8", symlink("t-\xff", "link-to-bad"));

    int fd = (int)check("create empty.txt", open("empty.txt", O_CREAT | O_RDWR, 0644));
    char buf[8];
    value("read of an empty file", read(fd, buf, sizeof buf));
    value("pread of an empty file", pread(fd, buf, sizeof buf, 0));
    value("write of 0 bytes", write(fd, buf, 0));
    value("seek to its end", lseek(fd, 0, SEEK_END));
    struct stat st;
    fstat(fd, &st);
    printf("size of an empty file: %lld\n", (long long)st.st_size);
    close(fd);
    fd = (int)check("open the fixture's empty file", open("empty", O_RDONLY));
    value("read it", read(fd, buf, sizeof buf));
    close(fd);
    fflush(stdout);
    return 0;
}
