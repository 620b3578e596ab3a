/* The small module of the instantiation measure: one function, one page of memory. */
#include <stdint.h>
__attribute__((export_name("answer"))) int32_t answer(void) { return 42; }
