/*
 * The demo's WASI program (Demo runs it with every provider and profile): counts the lines,
 * words and bytes of the file its first argument names, like wc, and finds its most frequent
 * word (letters only, case-folded; the first in the file wins a tie). It reaches the file
 * through the directory the host preopened, and nothing else. Prints one line:
 *   <lines> lines, <words> words, <bytes> bytes; most frequent: "<word>" (<n> times)
 * Exits with 1 (the reason on stderr) when it cannot read the file.
 * Built by examples/demo/pom.xml with clang-14 --target=wasm32-wasi and wasi-libc.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_WORDS 4096
#define MAX_WORD 64

struct word {
    char text[MAX_WORD];
    int count;
};

static struct word words[MAX_WORDS];
static int distinct;

/* Counts one occurrence of the letters in text (case-folded, cut at MAX_WORD - 1). */
static void count_word(const char *text) {
    for (int i = 0; i < distinct; i++) {
        if (strcmp(words[i].text, text) == 0) {
            words[i].count++;
            return;
        }
    }
    if (distinct < MAX_WORDS) {
        strcpy(words[distinct].text, text);
        words[distinct].count = 1;
        distinct++;
    }
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE\n", argv[0]);
        return 2;
    }
    FILE *f = fopen(argv[1], "r");
    if (!f) {
        fprintf(stderr, "cannot open %s: %s\n", argv[1], strerror(errno));
        return 1;
    }
    long lines = 0, word_count = 0, bytes = 0;
    int in_word = 0;                /* inside a run of non-space characters (wc's words) */
    char letters[MAX_WORD];
    int length = 0;                 /* letters of the current word so far */
    int c;
    while ((c = fgetc(f)) != EOF) {
        bytes++;
        if (c == '\n') {
            lines++;
        }
        if (isspace(c)) {
            in_word = 0;
        } else if (!in_word) {
            in_word = 1;
            word_count++;
        }
        if (isalpha(c)) {
            if (length < MAX_WORD - 1) {
                letters[length++] = (char) tolower(c);
            }
        } else if (length > 0) {
            letters[length] = '\0';
            count_word(letters);
            length = 0;
        }
    }
    if (length > 0) {
        letters[length] = '\0';
        count_word(letters);
    }
    if (ferror(f)) {
        fprintf(stderr, "cannot read %s: %s\n", argv[1], strerror(errno));
        return 1;
    }
    fclose(f);
    int best = -1;
    for (int i = 0; i < distinct; i++) {
        if (best < 0 || words[i].count > words[best].count) {
            best = i;
        }
    }
    printf("%ld lines, %ld words, %ld bytes; most frequent: \"%s\" (%d times)\n", lines, word_count, bytes,
           best < 0 ? "" : words[best].text, best < 0 ? 0 : words[best].count);
    return 0;
}
