/* Arguments and environment: every argument and every variable exactly as the host passed
 * them (the variables sorted, since their order is the host's choice). */
#include "observe.h"

extern char **environ;

static int by_text(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv) {
    printf("argc: %d\n", argc);
    for (int i = 0; i < argc; i++) {
        char label[32];
        snprintf(label, sizeof label, "argv[%d]", i);
        print_bytes(label, argv[i], strlen(argv[i]));
    }
    size_t count = 0;
    while (environ[count] != NULL) count++;
    char **sorted = malloc((count + 1) * sizeof *sorted);
    memcpy(sorted, environ, count * sizeof *sorted);
    qsort(sorted, count, sizeof *sorted, by_text);
    printf("environ: %zu\n", count);
    for (size_t i = 0; i < count; i++) print_bytes("env", sorted[i], strlen(sorted[i]));
    const char *missing = getenv("NOT_SET_BY_ANYONE");
    printf("getenv of an unset variable: %s\n", missing == NULL ? "null" : missing);
    return 0;
}
