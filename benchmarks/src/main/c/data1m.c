/* The instantiation measure's module with a 1 MiB data segment: a runtime that maps a
 * copy-on-write image instantiates it without copying the megabyte. */
#include <stdint.h>

/* 64 bytes, repeated 4^7 times by the preprocessor: 1 MiB of non-zero data. */
#define S64 "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ+/"
#define X4(s) s s s s
#define MIB X4(X4(X4(X4(X4(X4(X4(S64)))))))
static const char data[] = MIB; /* 1 MiB + the terminating NUL */

/* The sum of the segment's bytes, read through a volatile pointer so the loads stay. */
__attribute__((export_name("checksum"))) uint32_t checksum(void) {
  const volatile char *p = data;
  uint32_t sum = 0;
  for (uint32_t i = 0; i < sizeof data - 1; i++) sum += (uint8_t)p[i];
  return sum;
}
