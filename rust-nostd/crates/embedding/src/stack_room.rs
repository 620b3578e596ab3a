//! Refuses to enter wasm when the calling thread's stack cannot hold what that
//! wasm may use.
//!
//! Wasmtime lets a store's wasm use `max_wasm_stack` bytes below the point
//! where the store was entered, and counts afresh for every store. Wasm that
//! calls a host function that calls wasm of another store (plugins calling
//! plugins) gets a new budget at each step, so a chain of stores could run off
//! the end of the thread's stack, where neither Wasmtime nor HotSpot catches it
//! and the process dies. Checking the room left before every entry makes the
//! chain end with the `StackOverflow` trap a single store would get instead.

use crate::error::{NswResult, nsw_error_t};
use crate::platform;
use alloc::format;
use wasmtime::Trap;

/// The zones HotSpot keeps at the low end of every Java thread's stack, in its
/// units of 4 KiB, each zone rounded up to whole pages: red 1, yellow 2,
/// reserved 1 (`-XX:StackRedPages` etc.), and the shadow zone of 20 that
/// HotSpot needs free whenever Java code is entered, as it is when wasm calls a
/// host function at its deepest (`-XX:StackShadowPages`; the defaults of
/// Linux x86_64 and aarch64). With 4 KiB pages that is 96 KiB; with the 64 KiB
/// pages of some aarch64 kernels every zone takes at least one page.
const HOTSPOT_ZONES_4K_UNITS: [usize; 4] = [1, 2, 1, 20];

/// Native frames outside wasm's budget: between this check and the first wasm
/// frame, and between wasm's deepest frame and the Java code of a host
/// function (Wasmtime's trampolines, `host_func.rs`, the JNI or FFM glue).
const HOST_FRAMES: usize = 16 * 1024;

/// Bytes below the caller's stack pointer that entering wasm may touch, given
/// the native stack the store's wasm may use (`wasm_stack`).
fn needed(wasm_stack: usize, page_size: usize) -> usize {
    let zones: usize = HOTSPOT_ZONES_4K_UNITS.iter().map(|units| (units * 4096).next_multiple_of(page_size)).sum();
    wasm_stack + HOST_FRAMES + zones
}

/// Fails with a `StackOverflow` trap unless the calling thread has room for
/// wasm of a store whose wasm may use `wasm_stack` bytes of native stack.
/// Passes when the shim cannot tell the thread's stack bounds.
#[inline(never)]
pub fn ensure_room(wasm_stack: usize) -> NswResult<()> {
    let Some((low, high)) = platform::thread_stack() else {
        return Ok(());
    };
    let marker = 0u8;
    let sp = core::hint::black_box(&marker) as *const u8 as usize;
    if !(low..high).contains(&sp) {
        // Not on the stack the thread started with (e.g. a coroutine's): no bounds to check against.
        return Ok(());
    }
    let needed = needed(wasm_stack, platform::page_size());
    let left = sp - low;
    if left >= needed {
        return Ok(());
    }
    let trap = wasmtime::Error::new(Trap::StackOverflow).context(format!(
        "not entering wasm: the thread has {left} bytes of stack left and wasm with its host frames and the JVM's \
         guard zones may need {needed}; wasm calling into other stores through host functions uses the stack of \
         every store in the chain: shorten the chain, lower EngineConfig.withMaxWasmStack, or call from a thread \
         with a bigger stack"
    ));
    Err(nsw_error_t::from_wasmtime(trap, crate::error::NSW_ERROR_TRAP))
}
