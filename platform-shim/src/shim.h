/*
 * Internal declarations shared by the platform-shim sources.
 *
 * Every source file includes this header first. It enables the GNU
 * extensions we need (memfd_create, MAP_NORESERVE, REG_RIP, ...), pulls in the
 * generated Wasmtime platform header with the feature macros this shim
 * implements, and declares the few hidden helpers that cross file borders.
 *
 * Only functions marked NSW_EXPORT are visible outside libnsw_platform.so;
 * the build uses -fvisibility=hidden and a linker version script as well.
 */
#ifndef NSW_PLATFORM_SHIM_H
#define NSW_PLATFORM_SHIM_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#if !defined(WASMTIME_VIRTUAL_MEMORY) || !defined(WASMTIME_NATIVE_SIGNALS) || \
    !defined(WASMTIME_CUSTOM_SYNC)
#error "build with -DWASMTIME_VIRTUAL_MEMORY -DWASMTIME_NATIVE_SIGNALS -DWASMTIME_CUSTOM_SYNC"
#endif
#if defined(WASMTIME_CUSTOM_FIBER)
#error "this shim does not implement WASMTIME_CUSTOM_FIBER"
#endif

#include "wasmtime-platform.h"

#define NSW_EXPORT __attribute__((visibility("default")))
#define NSW_HIDDEN __attribute__((visibility("hidden")))

/* tls.c: value of TLS slot 0 for the calling thread. Async-signal-safe. */
NSW_HIDDEN void *nsw_tls_slot0(void);

/* icache.c: make freshly written code in [ptr, ptr+len) visible to the
 * instruction stream of every thread. No-op where the hardware keeps the
 * instruction cache coherent (x86_64). */
NSW_HIDDEN void nsw_icache_sync(void *ptr, uintptr_t len);

/* fatal.c: write "nsw-platform: <msg>\n" to stderr and abort(). */
NSW_HIDDEN _Noreturn void nsw_fatal(const char *msg);

#endif /* NSW_PLATFORM_SHIM_H */
