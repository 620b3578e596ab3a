/* Directory listing: fd_readdir with a buffer too small for one call, resumed by cookie across
 * many calls; entries cut off at the end of a buffer; seekdir back to a cookie; the listing of
 * an empty directory. Names are printed sorted (the order is the host's). */
#include "observe.h"
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <wasi/api.h>

#define FILES 40

static int by_text(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Lists dir with fd_readdir into a buffer of `size` bytes; returns the number of calls. */
static int list_raw(int dir, size_t size, char **names, int *count) {
    unsigned char *buf = malloc(size);
    __wasi_dircookie_t cookie = __WASI_DIRCOOKIE_START;
    int calls = 0;
    *count = 0;
    for (;;) {
        __wasi_size_t used = 0;
        __wasi_errno_t e = __wasi_fd_readdir(dir, buf, size, cookie, &used);
        calls++;
        if (e != 0) { printf("fd_readdir: %s\n", errno_name(e)); break; }
        size_t at = 0;
        int progressed = 0;
        while (at + sizeof(__wasi_dirent_t) <= used) {
            __wasi_dirent_t entry;
            memcpy(&entry, buf + at, sizeof entry);
            if (at + sizeof entry + entry.d_namlen > used) break; /* cut off: ask again from its cookie */
            names[(*count)++] = strndup((char *)buf + at + sizeof entry, entry.d_namlen);
            cookie = entry.d_next;
            at += sizeof entry + entry.d_namlen;
            progressed = 1;
        }
        if (used < size) break; /* a short buffer means the end */
        if (!progressed) { printf("fd_readdir: buffer too small for one entry\n"); break; }
    }
    free(buf);
    return calls;
}

int main(int argc, char **argv) {
    enter_sandbox(argc, argv);
    check("mkdir many", mkdir("many", 0755));
    for (int i = 0; i < FILES; i++) {
        char path[64];
        snprintf(path, sizeof path, "many/file-%02d-%.*s", i, i % 7 * 5, "abcdefghijklmnopqrstuvwxyzabcdefghijk");
        close(open(path, O_CREAT | O_WRONLY, 0644));
    }
    int dir = open("many", O_RDONLY | O_DIRECTORY);
    char *names[FILES + 8];
    int count;
    int calls = list_raw(dir, 64, names, &count);
    printf("64-byte buffer: %d entries, more than 10 calls: %s\n", count, calls > 10 ? "yes" : "no");
    qsort(names, count, sizeof *names, by_text);
    for (int i = 0; i < count; i++) printf("  %s\n", names[i]);
    list_raw(dir, 4096, names, &count);
    printf("4096-byte buffer: %d entries\n", count);
    unsigned char tiny[8];
    __wasi_size_t used = 0;
    __wasi_errno_t e = __wasi_fd_readdir(dir, tiny, sizeof tiny, __WASI_DIRCOOKIE_START, &used);
    printf("8-byte buffer: %s, filled it: %s\n", errno_name(e), used == sizeof tiny ? "yes" : "no");
    e = __wasi_fd_readdir(dir, tiny, sizeof tiny, 1000000, &used);
    printf("cookie past the end: %s, used %u\n", errno_name(e), (unsigned)used);
    close(dir);

    /* The libc view: telldir, then seekdir back gives the same entries again. */
    DIR *d = opendir("many");
    struct dirent *entry;
    for (int i = 0; i < 5; i++) readdir(d);
    long mark = telldir(d);
    char *after_mark[FILES + 8];
    int n1 = 0, n2 = 0;
    while ((entry = readdir(d)) != NULL) after_mark[n1++] = strdup(entry->d_name);
    seekdir(d, mark);
    int same = 1;
    while ((entry = readdir(d)) != NULL) {
        if (n2 >= n1 || strcmp(after_mark[n2], entry->d_name) != 0) same = 0;
        n2++;
    }
    printf("after seekdir to a telldir mark: %d entries again, the same ones: %s\n", n2, same && n1 == n2 ? "yes" : "no");
    rewinddir(d);
    int total = 0, dots = 0, files = 0;
    while ((entry = readdir(d)) != NULL) {
        total++;
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0) dots++;
        else if (entry->d_type == DT_REG) files++;
    }
    printf("after rewinddir: %d entries, %d of them . and .., %d regular files\n", total, dots, files);
    closedir(d);

    check("mkdir empty", mkdir("empty-dir", 0755));
    d = opendir("empty-dir");
    int empty_count = 0;
    while ((entry = readdir(d)) != NULL) printf("  empty-dir holds %s (type %s)\n", entry->d_name,
                                                entry->d_type == DT_DIR ? "dir" : "other"), empty_count++;
    closedir(d);
    int file = open("hello.txt", O_RDONLY);
    e = __wasi_fd_readdir(file, tiny, sizeof tiny, 0, &used);
    printf("fd_readdir of a file: %s\n", errno_name(e));
    close(file);
    fflush(stdout);
    return 0;
}
