/* The limits for call overhead: a bare FFM downcall to these empty functions, and an
 * upcall driven from C, cost what any FFM binding must pay at least. */
#include <stdint.h>

int32_t bare_add(int32_t a, int32_t b) { return a + b; }

/* Calls fn n times, threading the value through, like host_loop in workloads.c. */
int32_t bare_upcall_loop(int32_t (*fn)(int32_t), int32_t n, int32_t x) {
  for (int32_t i = 0; i < n; i++) x = fn(x);
  return x;
}

int64_t bare_sum4(int64_t a, int64_t b, int64_t c, int64_t d) { return a + b + c + d; }
