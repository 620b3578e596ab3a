/* Random: lengths only (the bytes differ on every run); 256 random bytes all zero would
 * mean the host filled nothing. */
#include "observe.h"
#include <wasi/api.h>

int main(void) {
    unsigned char buf[4096];
    printf("random_get 0 bytes: %s\n", errno_name(__wasi_random_get(buf, 0)));
    memset(buf, 0, sizeof buf);
    printf("random_get 4096 bytes: %s\n", errno_name(__wasi_random_get(buf, sizeof buf)));
    int nonzero = 0;
    for (size_t i = 0; i < sizeof buf; i++) nonzero |= buf[i];
    printf("some byte is not zero: %s\n", nonzero ? "yes" : "no");
    memset(buf, 0, sizeof buf);
    check("getentropy 256", getentropy(buf, 256));
    check("getentropy 257 (more than it allows)", getentropy(buf, 257));
    /* Only the first byte is asked for: the rest must stay as they were. */
    memset(buf, 0xAA, 16);
    (void)__wasi_random_get(buf, 1);
    int untouched = 1;
    for (int i = 1; i < 16; i++) untouched &= buf[i] == 0xAA;
    printf("bytes past the length untouched: %s\n", untouched ? "yes" : "no");
    printf("arc4random_uniform(1): %u\n", arc4random_uniform(1));
    return 0;
}
