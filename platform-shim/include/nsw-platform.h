/*
 * The platform functions the nostd-wasm-java embedding (libnsw_embedding.so)
 * calls itself, besides the ones Wasmtime calls (wasmtime-platform.h). Unlike
 * that header, this one is written by hand; the embedding declares the same
 * functions in rust-nostd/crates/embedding/src/platform.rs. A custom shim must
 * provide both (docs/platform-shims.md).
 */
#ifndef NSW_PLATFORM_H
#define NSW_PLATFORM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Writes the lowest address of the calling thread's stack to *low and the
 * address just past its highest to *high. Returns 0, or an errno value when
 * the bounds cannot be known (the embedding then enters wasm without checking
 * the room left on the stack).
 *
 * Called before every entry into wasm, so it must be cheap after its first
 * call on a thread (cache the bounds per thread) and must not allocate then.
 */
int32_t nsw_platform_thread_stack(uintptr_t *low, uintptr_t *high);

/*
 * 0 when the trap handlers are installed or were never asked for; otherwise
 * the errno value with which the first wasmtime_init_traps call failed.
 * Wasmtime ignores what wasmtime_init_traps returns and asks only once per
 * process, so the embedding reads this after making an engine that uses
 * signals-based traps and refuses the engine when it is not 0.
 */
int32_t nsw_platform_trap_install_error(void);

#ifdef __cplusplus
}
#endif

#endif /* NSW_PLATFORM_H */
