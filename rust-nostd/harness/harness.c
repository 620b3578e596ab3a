/* Native end-to-end harness: what the seed's host program did, through our C ABI.
 *
 * Loads the platform shim RTLD_NOW | RTLD_GLOBAL, then the embedding (whose
 * wasmtime_* references resolve against the shim), and runs precompiled
 * artifacts for every profile: an empty module, add, a host function,
 * floats, traps, 8 threads at once, and artifacts that must be refused.
 *
 * usage: harness SHIM.so EMBEDDING.so ARTIFACT_DIR ARCH
 * Artifacts are ARTIFACT_DIR/<name>.<profile>.<target>.cwasm. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nsw.h"

/* Every C ABI function is looked up at run time, as the Java providers do. */
#define NSW_FUNCTIONS(X)                                                        \
  X(nsw_abi_version) X(nsw_wasmtime_version) X(nsw_engine_new)                  \
  X(nsw_engine_delete) X(nsw_engine_settings) X(nsw_module_new)                 \
  X(nsw_module_verify) X(nsw_module_delete) X(nsw_module_import_count)          \
  X(nsw_module_export_count) X(nsw_module_export) X(nsw_store_new)              \
  X(nsw_store_delete) X(nsw_store_context) X(nsw_linker_new)                    \
  X(nsw_linker_delete) X(nsw_linker_define_func) X(nsw_linker_instantiate)      \
  X(nsw_instance_delete) X(nsw_instance_export_get) X(nsw_extern_delete)        \
  X(nsw_func_call) X(nsw_memory_data) X(nsw_memory_grow) X(nsw_error_new)       \
  X(nsw_error_delete) X(nsw_error_kind) X(nsw_error_message)                    \
  X(nsw_error_trap_code) X(nsw_store_limits_set) X(nsw_module_import)                   \
  X(nsw_context_fuel_set) X(nsw_context_fuel_get) X(nsw_context_epoch_deadline_set) \
  X(nsw_engine_increment_epoch) X(nsw_error_frame_count) X(nsw_error_frame)

#define DECLARE(name) static __typeof__(name) *p_##name;
NSW_FUNCTIONS(DECLARE)

static int passed, failed;
static const char *artifact_dir, *arch;
static pthread_mutex_t report_lock = PTHREAD_MUTEX_INITIALIZER;

static void report(int ok, const char *fmt, ...) {
  va_list ap;
  pthread_mutex_lock(&report_lock);
  ok ? passed++ : failed++;
  printf(ok ? "ok   " : "FAIL ");
  va_start(ap, fmt);
  vprintf(fmt, ap);
  va_end(ap);
  printf("\n");
  fflush(stdout);
  pthread_mutex_unlock(&report_lock);
}

/* Prints and frees an error; returns its kind (0 for none). */
static uint32_t take_error(nsw_error_t *err, char *msg, size_t cap) {
  if (!err) {
    if (msg && cap) msg[0] = 0;
    return 0;
  }
  const uint8_t *text;
  size_t len;
  p_nsw_error_message(err, &text, &len);
  if (msg && cap) snprintf(msg, cap, "%.*s", (int)len, (const char *)text);
  uint32_t kind = p_nsw_error_kind(err);
  p_nsw_error_delete(err);
  return kind;
}

static uint8_t *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  *len = (size_t)ftell(f);
  fseek(f, 0, SEEK_SET);
  uint8_t *buf = malloc(*len ? *len : 1);
  if (fread(buf, 1, *len, f) != *len) {
    free(buf);
    buf = NULL;
  }
  fclose(f);
  return buf;
}

static const char *profile_name(uint32_t p) {
  return p == NSW_PROFILE_NATIVE ? "native" : p == NSW_PROFILE_NATIVE_SIGNALS ? "native-signals" : "pulley";
}

static const char *target_of(uint32_t p) { return p == NSW_PROFILE_PULLEY ? "pulley64" : arch; }

static uint8_t *artifact(const char *name, const char *profile, const char *target, size_t *len) {
  char path[1024];
  snprintf(path, sizeof path, "%s/%s.%s.%s.cwasm", artifact_dir, name, profile, target);
  uint8_t *bytes = read_file(path, len);
  if (!bytes) report(0, "read %s", path);
  return bytes;
}

static nsw_module_t *load(nsw_engine_t *engine, uint32_t profile, const char *name) {
  size_t len;
  uint8_t *bytes = artifact(name, profile_name(profile), target_of(profile), &len);
  if (!bytes) return NULL;
  nsw_module_t *module = NULL;
  char msg[512];
  uint32_t kind = take_error(p_nsw_module_new(engine, bytes, len, &module), msg, sizeof msg);
  free(bytes);
  if (kind) report(0, "[%s] load %s: %s", profile_name(profile), name, msg);
  return module;
}

/* host.multiply(a, b) = a * b */
static nsw_error_t *multiply(void *env, nsw_context_t *caller, nsw_val_raw_t *slots, size_t n) {
  (void)env, (void)caller, (void)n;
  slots[0].i32 = slots[0].i32 * slots[1].i32;
  return NULL;
}

static nsw_error_t *failing_host(void *env, nsw_context_t *caller, nsw_val_raw_t *slots, size_t n) {
  (void)env, (void)caller, (void)slots, (void)n;
  static const char text[] = "host says no";
  return p_nsw_error_new((const uint8_t *)text, sizeof text - 1);
}

static int finalized;
static void count_finalizer(void *env) { (void)env, finalized++; }

typedef struct {
  nsw_store_t *store;
  nsw_context_t *ctx;
  nsw_instance_t *instance;
} session_t;

/* A store with one instance of `module`, host functions defined from `callback`. */
static int open_session(nsw_engine_t *engine, nsw_module_t *module, nsw_host_callback_t callback,
                        session_t *s, char *msg, size_t cap) {
  memset(s, 0, sizeof *s);
  nsw_linker_t *linker = NULL;
  uint32_t kind = take_error(p_nsw_linker_new(engine, &linker), msg, cap);
  if (!kind && callback) {
    static const uint8_t i32x2[] = {NSW_VAL_I32, NSW_VAL_I32}, i32x1[] = {NSW_VAL_I32};
    kind = take_error(p_nsw_linker_define_func(linker, (const uint8_t *)"host", 4, (const uint8_t *)"multiply", 8,
                                               i32x2, 2, i32x1, 1, callback, NULL, count_finalizer),
                      msg, cap);
  }
  if (!kind) kind = take_error(p_nsw_store_new(engine, &s->store), msg, cap);
  if (!kind) {
    s->ctx = p_nsw_store_context(s->store);
    kind = take_error(p_nsw_linker_instantiate(linker, s->ctx, module, &s->instance), msg, cap);
  }
  p_nsw_linker_delete(linker);
  return kind == 0;
}

static void close_session(session_t *s) {
  p_nsw_instance_delete(s->instance);
  p_nsw_store_delete(s->store);
}

/* Calls export `name`; returns the error kind (0 on success) and the trap code. */
static uint32_t call(session_t *s, const char *name, nsw_val_raw_t *slots, size_t n, uint32_t *trap, char *msg,
                     size_t cap) {
  nsw_extern_t *func = NULL;
  uint32_t kind =
      take_error(p_nsw_instance_export_get(s->ctx, s->instance, (const uint8_t *)name, strlen(name), &func), msg, cap);
  if (kind) return kind;
  nsw_error_t *err = p_nsw_func_call(s->ctx, func, slots, n);
  if (trap) *trap = UINT32_MAX;
  if (err && trap) p_nsw_error_trap_code(err, trap);
  kind = take_error(err, msg, cap);
  p_nsw_extern_delete(func);
  return kind;
}

/* Calls export `name` (one i32 argument 0), expects a trap and checks its backtrace: every
 * frame has function index `index` and name `name` (NULL: no name) and a known module offset
 * (the innermost may be unknown when `innermost_offset_may_be_unknown`: a stack overflow is
 * caught in the prologue, before any wasm instruction), there are 1..max frames, and
 * out-of-range or NULL arguments are refused without a crash. */
static void check_backtrace(session_t *s, const char *p, const char *name_of_export, uint32_t index,
                            const char *name, size_t max, int innermost_offset_may_be_unknown) {
  nsw_extern_t *func = NULL;
  char msg[512];
  if (take_error(p_nsw_instance_export_get(s->ctx, s->instance, (const uint8_t *)name_of_export,
                                           strlen(name_of_export), &func),
                 msg, sizeof msg)) {
    report(0, "[%s] export %s: %s", p, name_of_export, msg);
    return;
  }
  nsw_val_raw_t slots[1] = {{.i32 = 0}};
  nsw_error_t *err = p_nsw_func_call(s->ctx, func, slots, 1);
  p_nsw_extern_delete(func);
  size_t count = p_nsw_error_frame_count(err);
  int ok = err && count >= 1 && count <= max;
  uint64_t first_offset = 0;
  for (size_t i = 0; ok && i < count; i++) {
    uint32_t fi = UINT32_MAX;
    const uint8_t *n = (const uint8_t *)"x";
    size_t nl = 99;
    uint64_t off = 0;
    ok = p_nsw_error_frame(err, i, &fi, &n, &nl, &off) && fi == index &&
         (name ? (n && nl == strlen(name) && !memcmp(n, name, nl)) : (!n && !nl)) &&
         ((off != UINT64_MAX && off > 0) || (i == 0 && innermost_offset_may_be_unknown));
    if (i == 0) first_offset = off;
  }
  uint32_t fi = 7;
  ok = ok && !p_nsw_error_frame(err, count, &fi, NULL, NULL, NULL) && fi == 7 &&
       p_nsw_error_frame(err, 0, NULL, NULL, NULL, NULL) && !p_nsw_error_frame(NULL, 0, &fi, NULL, NULL, NULL) &&
       !p_nsw_error_frame(err, SIZE_MAX, NULL, NULL, NULL, NULL) && p_nsw_error_frame_count(NULL) == 0;
  char where[32] = "unknown";
  if (first_offset != UINT64_MAX) snprintf(where, sizeof where, "%#llx", (unsigned long long)first_offset);
  report(ok, "[%s] %s traps with %zu frame(s) of function %u (%s), innermost at module offset %s", p,
         name_of_export, count, index, name ? name : "no name", where);
  p_nsw_error_delete(err);
}

static void scenarios(uint32_t profile) {
  const char *p = profile_name(profile);
  char msg[512];
  nsw_engine_t *engine = NULL;
  if (take_error(p_nsw_engine_new(profile, false, false, 0, &engine), msg, sizeof msg)) {
    report(0, "[%s] engine: %s", p, msg);
    return;
  }
  session_t s;
  nsw_module_t *m;

  if ((m = load(engine, profile, "empty"))) {
    int ok = open_session(engine, m, NULL, &s, msg, sizeof msg);
    report(ok && p_nsw_module_export_count(m) == 0, "[%s] empty module instantiates %s", p, msg);
    if (ok) close_session(&s);
    p_nsw_module_delete(m);
  }

  if ((m = load(engine, profile, "add"))) {
    nsw_extern_type_t ty;
    const uint8_t *name;
    size_t name_len;
    uint32_t kind = take_error(p_nsw_module_export(m, 0, &name, &name_len, &ty), msg, sizeof msg);
    report(!kind && name_len == 3 && !memcmp(name, "add", 3) && ty.kind == NSW_EXTERN_FUNC && ty.params_len == 2 &&
               ty.results_len == 1 && ty.params[0] == NSW_VAL_I32 && ty.results[0] == NSW_VAL_I32,
           "[%s] add's export type is (i32, i32) -> i32 %s", p, msg);
    if (open_session(engine, m, NULL, &s, msg, sizeof msg)) {
      nsw_val_raw_t slots[2] = {{.i32 = 2}, {.i32 = 3}};
      kind = call(&s, "add", slots, 2, NULL, msg, sizeof msg);
      report(!kind && slots[0].i32 == 5, "[%s] add(2, 3) == %d %s", p, slots[0].i32, msg);
      kind = call(&s, "add", slots, 1, NULL, msg, sizeof msg);
      report(kind == NSW_ERROR_INVALID_ARGUMENT, "[%s] too few slots is refused: %s", p, msg);
      close_session(&s);
    } else {
      report(0, "[%s] add instantiates: %s", p, msg);
    }
    p_nsw_module_delete(m);
  }

  if ((m = load(engine, profile, "host_fn"))) {
    const uint8_t *mod_name, *name;
    size_t mod_len, name_len;
    nsw_extern_type_t ty;
    uint32_t ikind = take_error(p_nsw_module_import(m, 0, &mod_name, &mod_len, &name, &name_len, &ty), msg, sizeof msg);
    report(!ikind && p_nsw_module_import_count(m) == 1 && mod_len == 4 && !memcmp(mod_name, "host", 4) &&
               name_len == 8 && !memcmp(name, "multiply", 8) && ty.kind == NSW_EXTERN_FUNC && ty.params_len == 2,
           "[%s] host_fn imports host.multiply (i32, i32) -> i32 %s", p, msg);
    ikind = take_error(p_nsw_module_import(m, 1, &mod_name, &mod_len, &name, &name_len, &ty), msg, sizeof msg);
    report(ikind == NSW_ERROR_INVALID_ARGUMENT, "[%s] import index out of range is refused: %s", p, msg);
    int before = finalized;
    if (open_session(engine, m, multiply, &s, msg, sizeof msg)) {
      nsw_val_raw_t slots[3] = {{.i32 = 2}, {.i32 = 3}, {.i32 = 4}};
      uint32_t kind = call(&s, "add_and_mul", slots, 3, NULL, msg, sizeof msg);
      report(!kind && slots[0].i32 == 10, "[%s] add_and_mul(2, 3, 4) == 2*3+4 == %d %s", p, slots[0].i32, msg);
      close_session(&s);
      report(finalized == before + 1, "[%s] host function finalizer ran once", p);
    } else {
      report(0, "[%s] host_fn instantiates: %s", p, msg);
    }
    if (open_session(engine, m, failing_host, &s, msg, sizeof msg)) {
      nsw_val_raw_t slots[3] = {{.i32 = 1}, {.i32 = 1}, {.i32 = 1}};
      uint32_t kind = call(&s, "add_and_mul", slots, 3, NULL, msg, sizeof msg);
      report(kind == NSW_ERROR_HOST && strstr(msg, "host says no"), "[%s] host error surfaces: %s", p, msg);
      close_session(&s);
    }
    p_nsw_module_delete(m);
  }

  if ((m = load(engine, profile, "floats"))) {
    if (open_session(engine, m, NULL, &s, msg, sizeof msg)) {
      nsw_val_raw_t slots[2];
      float a = 1.4f, b = 3.2f, r;
      memcpy(&slots[0].f32, &a, 4);
      memcpy(&slots[1].f32, &b, 4);
      uint32_t kind = call(&s, "frob", slots, 2, NULL, msg, sizeof msg);
      memcpy(&r, &slots[0].f32, 4);
      report(!kind && r == 5.0f, "[%s] frob(1.4, 3.2) == %g %s", p, (double)r, msg);
      close_session(&s);
    }
    p_nsw_module_delete(m);
  }

  if ((m = load(engine, profile, "traps"))) {
    if (open_session(engine, m, NULL, &s, msg, sizeof msg)) {
      struct {
        const char *fn;
        int32_t a, b;
        uint32_t code;
      } cases[] = {{"unreachable", 0, 0, 9}, {"div", 1, 0, 7}, {"div", INT32_MIN, -1, 6}, {"load", 65536, 0, 1},
                   {"load", -4, 0, 1},       {"recurse", 0, 0, 0}};
      for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        nsw_val_raw_t slots[2] = {{.i32 = cases[i].a}, {.i32 = cases[i].b}};
        uint32_t trap;
        uint32_t kind = call(&s, cases[i].fn, slots, 2, &trap, msg, sizeof msg);
        report(kind == NSW_ERROR_TRAP && trap == cases[i].code, "[%s] %s(%d, %d) traps with code %u (got %u)", p,
               cases[i].fn, cases[i].a, cases[i].b, cases[i].code, trap);
      }
      /* traps.wat: "unreachable" is function 0 without a name, $recurse is function 3. */
      check_backtrace(&s, p, "unreachable", 0, NULL, 1, 0);
      check_backtrace(&s, p, "recurse", 3, "recurse", 20, 1);
      nsw_val_raw_t slots[1] = {{.i32 = 0}};
      uint32_t kind = call(&s, "load", slots, 1, NULL, msg, sizeof msg);
      report(!kind && slots[0].i32 == 0, "[%s] the instance still works after traps %s", p, msg);
      close_session(&s);
    }
    /* Store limits: a 2-page cap makes memory.grow past it return -1. */
    nsw_store_t *store = NULL;
    nsw_linker_t *linker = NULL;
    take_error(p_nsw_store_new(engine, &store), NULL, 0);
    take_error(p_nsw_store_limits_set(store, 2 * 65536, -1, -1, -1, -1, -1), NULL, 0);
    take_error(p_nsw_linker_new(engine, &linker), NULL, 0);
    s.store = store;
    s.ctx = p_nsw_store_context(store);
    if (!take_error(p_nsw_linker_instantiate(linker, s.ctx, m, &s.instance), msg, sizeof msg)) {
      nsw_val_raw_t one[1] = {{.i32 = 1}};
      uint32_t k1 = call(&s, "grow", one, 1, NULL, msg, sizeof msg);
      int32_t first = one[0].i32;
      one[0].i32 = 1;
      uint32_t k2 = call(&s, "grow", one, 1, NULL, msg, sizeof msg);
      report(!k1 && !k2 && first == 1 && one[0].i32 == -1, "[%s] memory.grow past the store cap returns -1 (%d, %d)",
             p, first, one[0].i32);
      p_nsw_instance_delete(s.instance);
    } else {
      report(0, "[%s] limited store instantiates: %s", p, msg);
    }
    p_nsw_linker_delete(linker);
    p_nsw_store_delete(store);
    p_nsw_module_delete(m);
  }
  p_nsw_engine_delete(engine);
}

/* Fuel and epochs: artifacts compiled with --fuel --epoch, in ARTIFACT_DIR/metered. */
static void metered(uint32_t profile) {
  const char *p = profile_name(profile);
  char msg[512];
  nsw_engine_t *engine = NULL;
  if (take_error(p_nsw_engine_new(profile, true, true, 0, &engine), msg, sizeof msg)) {
    report(0, "[%s] metered engine: %s", p, msg);
    return;
  }
  nsw_module_t *m = load(engine, profile, "metered/spin");
  session_t s;
  if (m && open_session(engine, m, NULL, &s, msg, sizeof msg)) {
    uint64_t fuel = 0;
    uint32_t trap, kind = take_error(p_nsw_context_fuel_set(s.ctx, 100000), msg, sizeof msg);
    if (!kind) kind = take_error(p_nsw_context_fuel_get(s.ctx, &fuel), msg, sizeof msg);
    report(!kind && fuel == 100000, "[%s] fuel set and read back (%llu) %s", p, (unsigned long long)fuel, msg);
    kind = call(&s, "spin", NULL, 0, &trap, msg, sizeof msg);
    take_error(p_nsw_context_fuel_get(s.ctx, &fuel), NULL, 0);
    report(kind == NSW_ERROR_TRAP && trap == 11 && fuel == 0, "[%s] an endless loop runs out of fuel (trap %u)", p, trap);
    take_error(p_nsw_context_fuel_set(s.ctx, UINT64_MAX / 2), NULL, 0);
    take_error(p_nsw_context_epoch_deadline_set(s.ctx, 1), NULL, 0);
    p_nsw_engine_increment_epoch(engine);
    kind = call(&s, "spin", NULL, 0, &trap, msg, sizeof msg);
    report(kind == NSW_ERROR_TRAP && trap == 10, "[%s] an endless loop stops at the epoch deadline (trap %u)", p, trap);
    kind = take_error(p_nsw_context_epoch_deadline_set(s.ctx, UINT64_MAX), msg, sizeof msg);
    report(kind == NSW_ERROR_INVALID_ARGUMENT, "[%s] an overflowing deadline is refused: %s", p, msg);
    close_session(&s);
  }
  p_nsw_module_delete(m);
  /* An unmetered artifact in a metered engine is a mismatch, with the fix. */
  size_t len;
  uint8_t *bytes = artifact("spin", p, target_of(profile), &len);
  nsw_module_t *other = NULL;
  uint32_t kind = take_error(p_nsw_module_new(engine, bytes, len, &other), msg, sizeof msg);
  report(kind == NSW_ERROR_ARTIFACT_MISMATCH && strstr(msg, "--fuel --epoch"), "[%s] artifact without fuel is refused: %s",
         p, msg);
  free(bytes);
  p_nsw_engine_delete(engine);
  /* Fuel on an engine without it is an error, not a crash. */
  take_error(p_nsw_engine_new(profile, false, false, 0, &engine), NULL, 0);
  nsw_store_t *store = NULL;
  take_error(p_nsw_store_new(engine, &store), NULL, 0);
  kind = take_error(p_nsw_context_fuel_set(p_nsw_store_context(store), 5), msg, sizeof msg);
  report(kind != 0, "[%s] fuel on an engine without fuel is an error: %s", p, msg);
  kind = take_error(p_nsw_context_epoch_deadline_set(p_nsw_store_context(store), 5), msg, sizeof msg);
  report(kind == NSW_ERROR_INVALID_ARGUMENT, "[%s] a deadline on an engine without epochs is refused: %s", p, msg);
  p_nsw_store_delete(store);
  p_nsw_engine_delete(engine);
}

/* 8 threads share one engine and module, each with its own store. */
typedef struct {
  nsw_engine_t *engine;
  nsw_module_t *module;
  int errors;
} shared_t;

static void *worker(void *arg) {
  shared_t *sh = arg;
  char msg[256];
  for (int round = 0; round < 20; round++) {
    session_t s;
    if (!open_session(sh->engine, sh->module, NULL, &s, msg, sizeof msg)) {
      __atomic_add_fetch(&sh->errors, 1, __ATOMIC_RELAXED);
      continue;
    }
    for (int i = 0; i < 500; i++) {
      nsw_val_raw_t slots[2] = {{.i32 = i}, {.i32 = round}};
      if (call(&s, "add", slots, 2, NULL, msg, sizeof msg) || slots[0].i32 != i + round)
        __atomic_add_fetch(&sh->errors, 1, __ATOMIC_RELAXED);
    }
    close_session(&s);
  }
  return NULL;
}

static void threads(uint32_t profile) {
  shared_t sh = {0};
  char msg[256];
  if (take_error(p_nsw_engine_new(profile, false, false, 0, &sh.engine), msg, sizeof msg)) {
    report(0, "[%s] engine: %s", profile_name(profile), msg);
    return;
  }
  if ((sh.module = load(sh.engine, profile, "add"))) {
    pthread_t t[8];
    for (int i = 0; i < 8; i++) pthread_create(&t[i], NULL, worker, &sh);
    for (int i = 0; i < 8; i++) pthread_join(t[i], NULL);
    report(sh.errors == 0, "[%s] 8 threads x 20 instances x 500 calls, %d errors", profile_name(profile), sh.errors);
    p_nsw_module_delete(sh.module);
  }
  p_nsw_engine_delete(sh.engine);
}

static void rejections(void) {
  char msg[512];
  const char *other = strcmp(arch, "x86_64") ? "x86_64" : "aarch64";
  nsw_engine_t *native = NULL, *pulley = NULL;
  take_error(p_nsw_engine_new(NSW_PROFILE_NATIVE, false, false, 0, &native), NULL, 0);
  take_error(p_nsw_engine_new(NSW_PROFILE_PULLEY, false, false, 0, &pulley), NULL, 0);
  size_t len;
  nsw_module_t *m = NULL;
  uint8_t *bytes;

  if ((bytes = artifact("add", "native", other, &len))) {
    uint32_t kind = take_error(p_nsw_module_new(native, bytes, len, &m), msg, sizeof msg);
    report(kind == NSW_ERROR_ARTIFACT_MISMATCH && strstr(msg, other), "artifact for %s is refused: %s", other, msg);
    free(bytes);
  }
  if ((bytes = artifact("add", "native", arch, &len))) {
    uint32_t kind = take_error(p_nsw_module_new(pulley, bytes, len, &m), msg, sizeof msg);
    report(kind == NSW_ERROR_ARTIFACT_MISMATCH && strstr(msg, "pulley"), "native artifact in a pulley engine is refused: %s",
           msg);
    for (size_t at = len - 1; at > len / 2; at -= len / 7) {
      bytes[at] ^= 0x40;
      kind = take_error(p_nsw_module_new(native, bytes, len, &m), msg, sizeof msg);
      report(kind == NSW_ERROR_ARTIFACT_CORRUPT, "flipped byte at %zu of %zu is refused: %s", at, len, msg);
      bytes[at] ^= 0x40;
    }
    kind = take_error(p_nsw_module_new(native, bytes, 20, &m), msg, sizeof msg);
    report(kind == NSW_ERROR_ARTIFACT_CORRUPT, "truncated artifact is refused: %s", msg);
    kind = take_error(p_nsw_module_verify(native, bytes, len), msg, sizeof msg);
    report(kind == 0, "the untouched artifact still verifies %s", msg);
    free(bytes);
  }
  static const uint8_t wasm[] = {0, 'a', 's', 'm', 1, 0, 0, 0};
  uint32_t kind = take_error(p_nsw_module_new(native, wasm, sizeof wasm, &m), msg, sizeof msg);
  report(kind == NSW_ERROR_ARTIFACT_CORRUPT && strstr(msg, ".wasm"), "a plain .wasm is refused: %s", msg);
  kind = take_error(p_nsw_module_new(NULL, wasm, sizeof wasm, &m), msg, sizeof msg);
  report(kind == NSW_ERROR_INVALID_ARGUMENT, "NULL engine is refused: %s", msg);
  kind = take_error(p_nsw_module_new((nsw_engine_t *)pulley, NULL, 10, &m), msg, sizeof msg);
  report(kind == NSW_ERROR_INVALID_ARGUMENT, "NULL bytes with a length are refused: %s", msg);
  kind = take_error(p_nsw_module_new((nsw_engine_t *)(void *)&passed, wasm, sizeof wasm, &m), msg, sizeof msg);
  report(kind == NSW_ERROR_INVALID_ARGUMENT, "a pointer that is not an engine is refused: %s", msg);
  kind = take_error(p_nsw_engine_new(7, false, false, 0, &native), msg, sizeof msg);
  report(kind == NSW_ERROR_INVALID_ARGUMENT, "unknown profile is refused: %s", msg);
  p_nsw_engine_delete(native);
  p_nsw_engine_delete(pulley);
}

int main(int argc, char **argv) {
  if (argc != 5) {
    fprintf(stderr, "usage: %s SHIM.so EMBEDDING.so ARTIFACT_DIR ARCH\n", argv[0]);
    return 2;
  }
  artifact_dir = argv[3];
  arch = argv[4];
  /* The shim first, globally, so the embedding's wasmtime_* symbols resolve. */
  void *shim = dlopen(argv[1], RTLD_NOW | RTLD_GLOBAL);
  if (!shim) {
    fprintf(stderr, "cannot load the platform shim: %s\n", dlerror());
    return 1;
  }
  void *lib = dlopen(argv[2], RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    fprintf(stderr, "cannot load the embedding: %s\n", dlerror());
    return 1;
  }
#define LOOKUP(name)                                                 \
  if (!(p_##name = (__typeof__(name) *)dlsym(lib, #name))) {        \
    fprintf(stderr, "the embedding does not export %s\n", #name);    \
    return 1;                                                        \
  }
  NSW_FUNCTIONS(LOOKUP)

  report(p_nsw_abi_version() == NSW_ABI_VERSION, "library ABI version %u matches nsw.h (%u)", p_nsw_abi_version(),
         NSW_ABI_VERSION);
  const uint8_t *v;
  size_t vlen;
  p_nsw_wasmtime_version(&v, &vlen);
  printf("# Wasmtime %.*s on %s\n", (int)vlen, (const char *)v, arch);

  uint32_t profiles[] = {NSW_PROFILE_NATIVE, NSW_PROFILE_NATIVE_SIGNALS, NSW_PROFILE_PULLEY};
  for (size_t i = 0; i < 3; i++) scenarios(profiles[i]);
  for (size_t i = 0; i < 3; i++) metered(profiles[i]);
  for (size_t i = 0; i < 3; i++) threads(profiles[i]);
  rejections();

  printf("harness %s: %d passed, %d failed\n", arch, passed, failed);
  return failed ? 1 : 0;
}
