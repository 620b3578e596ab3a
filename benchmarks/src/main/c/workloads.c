/* The benchmark workloads, compiled to one wasm module (scripts/build-workloads.sh).
 * Every subject runs these exact exports on the same .wasm (or its precompiled
 * artifacts), so their results must agree; the correctness test checks that.
 * No libc calls: the module imports only env.host_inc, for the host-call measure. */
#include <stdint.h>

#define EXPORT(name) __attribute__((export_name(name)))

/* ---------------------------------------------------------------- SHA-256 over 1 MiB */

#define SHA_INPUT_BYTES (1u << 20)
static uint8_t sha_input[SHA_INPUT_BYTES];
static uint8_t sha_digest[32];

static const uint32_t K[64] = {
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

static inline uint32_t rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

static void sha_block(uint32_t h[8], const uint8_t *p) {
  uint32_t w[64];
  for (int i = 0; i < 16; i++)
    w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 | (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
  for (int i = 16; i < 64; i++) {
    uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
    uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
  for (int i = 0; i < 64; i++) {
    uint32_t t1 = hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
    uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
    hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
  }
  h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

/* Fills the input with a fixed pseudo-random sequence (xorshift32 from seed). */
EXPORT("sha256_fill") void sha256_fill(uint32_t seed) {
  uint32_t x = seed ? seed : 1;
  for (uint32_t i = 0; i < SHA_INPUT_BYTES; i++) {
    x ^= x << 13; x ^= x >> 17; x ^= x << 5;
    sha_input[i] = (uint8_t)x;
  }
}

EXPORT("sha256_input") uint32_t sha256_input(void) { return (uint32_t)(uintptr_t)sha_input; }
EXPORT("sha256_digest") uint32_t sha256_digest(void) { return (uint32_t)(uintptr_t)sha_digest; }

/* SHA-256 of the 1 MiB input into sha_digest; returns the digest's first 4 bytes (big-endian). */
EXPORT("sha256") uint32_t sha256(void) {
  uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  for (uint32_t off = 0; off < SHA_INPUT_BYTES; off += 64) sha_block(h, sha_input + off);
  /* The input is a whole number of blocks: one padding block follows. */
  uint8_t pad[64] = {0x80};
  uint64_t bits = (uint64_t)SHA_INPUT_BYTES * 8;
  for (int i = 0; i < 8; i++) pad[63 - i] = (uint8_t)(bits >> (8 * i));
  sha_block(h, pad);
  for (int i = 0; i < 8; i++) {
    sha_digest[4 * i] = (uint8_t)(h[i] >> 24); sha_digest[4 * i + 1] = (uint8_t)(h[i] >> 16);
    sha_digest[4 * i + 2] = (uint8_t)(h[i] >> 8); sha_digest[4 * i + 3] = (uint8_t)h[i];
  }
  return h[0];
}

/* ---------------------------------------------------------------- 256x256 matrix multiply */

#define N 256
static double ma[N * N], mb[N * N], mc[N * N];

/* c = a * b with a and b filled from fixed formulas; returns the sum of c. */
EXPORT("matmul") double matmul(void) {
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) {
      ma[i * N + j] = (double)((i * 7 + j * 3) % 17) - 8.0;
      mb[i * N + j] = (double)((i * 5 + j * 11) % 13) * 0.5;
    }
  for (int i = 0; i < N; i++) {
    for (int j = 0; j < N; j++) mc[i * N + j] = 0.0;
    for (int k = 0; k < N; k++) {
      double aik = ma[i * N + k];
      for (int j = 0; j < N; j++) mc[i * N + j] += aik * mb[k * N + j];
    }
  }
  double sum = 0.0;
  for (int i = 0; i < N * N; i++) sum += mc[i];
  return sum;
}

/* ---------------------------------------------------------------- sieve of Eratosthenes */

#define SIEVE_MAX 2000000
static uint8_t composite[SIEVE_MAX];

/* The number of primes below n (n <= 2,000,000). */
EXPORT("sieve") int32_t sieve(int32_t n) {
  if (n > SIEVE_MAX) n = SIEVE_MAX;
  for (int32_t i = 0; i < n; i++) composite[i] = 0;
  int32_t count = 0;
  for (int32_t i = 2; i < n; i++) {
    if (composite[i]) continue;
    count++;
    for (int64_t j = (int64_t)i * i; j < n; j += i) composite[j] = 1;
  }
  return count;
}

/* ---------------------------------------------------------------- recursive fib */

EXPORT("fib") int32_t fib(int32_t n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

/* ---------------------------------------------------------------- memory-heavy sort */

#define SORT_MAX (1 << 18) /* 1 MiB of int32 */
static int32_t sort_a[SORT_MAX], sort_tmp[SORT_MAX];

/* Bottom-up merge sort of n pseudo-random int32s (n <= 262,144): streams the array
 * through memory log2(n) times. Returns a checksum that depends on the order. */
EXPORT("sort") int32_t sort(int32_t n, uint32_t seed) {
  if (n > SORT_MAX) n = SORT_MAX;
  uint32_t x = seed ? seed : 1;
  for (int32_t i = 0; i < n; i++) {
    x ^= x << 13; x ^= x >> 17; x ^= x << 5;
    sort_a[i] = (int32_t)x;
  }
  int32_t *src = sort_a, *dst = sort_tmp;
  for (int32_t width = 1; width < n; width *= 2) {
    for (int32_t lo = 0; lo < n; lo += 2 * width) {
      int32_t mid = lo + width < n ? lo + width : n, hi = lo + 2 * width < n ? lo + 2 * width : n;
      int32_t i = lo, j = mid, k = lo;
      while (i < mid && j < hi) dst[k++] = src[i] <= src[j] ? src[i++] : src[j++];
      while (i < mid) dst[k++] = src[i++];
      while (j < hi) dst[k++] = src[j++];
    }
    int32_t *t = src; src = dst; dst = t;
  }
  uint32_t check = 0;
  for (int32_t i = 0; i < n; i++) check = check * 31 + (uint32_t)src[i];
  for (int32_t i = 1; i < n; i++)
    if (src[i - 1] > src[i]) return -1; /* never: the test would see it */
  return (int32_t)check;
}

/* ---------------------------------------------------------------- call overhead */

EXPORT("add") int32_t add(int32_t a, int32_t b) { return a + b; }

EXPORT("sum4") int64_t sum4(int64_t a, int64_t b, int64_t c, int64_t d) { return a + b + c + d; }

__attribute__((import_module("env"), import_name("host_inc"))) int32_t host_inc(int32_t x);

/* Calls the host n times, threading the value through: one wasm -> host round trip per step. */
EXPORT("host_loop") int32_t host_loop(int32_t n, int32_t x) {
  for (int32_t i = 0; i < n; i++) x = host_inc(x);
  return x;
}

/* ---------------------------------------------------------------- 4 KiB for the host to read */

static uint8_t page[4096];

/* Fills the 4 KiB buffer from seed and returns its address. */
EXPORT("page_fill") uint32_t page_fill(uint32_t seed) {
  for (int i = 0; i < 4096; i++) page[i] = (uint8_t)(seed + i * 13);
  return (uint32_t)(uintptr_t)page;
}
