//! `nsw_memory_*`: making a memory in a store, and reading or growing one.

use crate::context::nsw_context_t;
use crate::error::{nsw_error_t, to_c};
use crate::externs::{self, hand_out, nsw_extern_t, unreachable_kind};
use crate::handle;
use crate::types::NSW_EXTERN_MEMORY;
use alloc::format;
use wasmtime::{Extern, Memory, MemoryType};

/// The memory's current base address and size in bytes. The address changes
/// when the memory grows: read it again after any call into wasm.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_memory_data(
    ctx: *mut nsw_context_t,
    memory: *const nsw_extern_t,
    out_base: *mut *mut u8,
    out_size: *mut usize,
) -> *mut nsw_error_t {
    to_c((|| {
        let c = unsafe { nsw_context_t::get(ctx)? };
        let e = unsafe { externs::resolve(&c, memory, NSW_EXTERN_MEMORY)? };
        let Extern::Memory(m) = e.ext else { unreachable_kind()? };
        unsafe {
            handle::write_out(out_base, m.data_ptr(&c), "base")?;
            handle::write_out(out_size, m.data_size(&c), "size")
        }
    })())
}

/// The memory's size in pages.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_memory_size(
    ctx: *mut nsw_context_t,
    memory: *const nsw_extern_t,
    out_pages: *mut u64,
) -> *mut nsw_error_t {
    to_c((|| {
        let c = unsafe { nsw_context_t::get(ctx)? };
        let e = unsafe { externs::resolve(&c, memory, NSW_EXTERN_MEMORY)? };
        let Extern::Memory(m) = e.ext else { unreachable_kind()? };
        unsafe { handle::write_out(out_pages, m.size(&c), "pages") }
    })())
}

/// Grows the memory by `delta` pages and writes the previous size in pages.
/// Growing past the type's maximum or a store limit is an error.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_memory_grow(
    ctx: *mut nsw_context_t,
    memory: *const nsw_extern_t,
    delta: u64,
    out_previous: *mut u64,
) -> *mut nsw_error_t {
    to_c((|| {
        let mut c = unsafe { nsw_context_t::get(ctx)? };
        let e = unsafe { externs::resolve(&c, memory, NSW_EXTERN_MEMORY)? };
        let Extern::Memory(m) = e.ext else { unreachable_kind()? };
        let previous = m.grow(&mut c, delta).map_err(|err| c.data_mut().limits.growth_error(err))?;
        unsafe { handle::write_out(out_previous, previous, "previous size") }
    })())
}

/// Creates a memory in the context's store (limits in 64 KiB pages).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_memory_new(
    ctx: *mut nsw_context_t,
    minimum: u32,
    has_maximum: bool,
    maximum: u32,
    out: *mut *mut nsw_extern_t,
) -> *mut nsw_error_t {
    to_c((|| {
        let mut c = unsafe { nsw_context_t::get(ctx)? };
        if has_maximum && maximum < minimum {
            return Err(nsw_error_t::invalid("memory maximum is below its minimum"));
        }
        // MemoryType::new panics past the 32-bit index space (65536 pages of 64 KiB).
        const MAX_PAGES: u32 = 1 << 16;
        if minimum > MAX_PAGES || (has_maximum && maximum > MAX_PAGES) {
            let max = if has_maximum { format!("{maximum}") } else { "none".into() };
            return Err(nsw_error_t::invalid(format!(
                "a 32-bit memory has at most {MAX_PAGES} pages (4 GiB): minimum {minimum}, maximum {max}"
            )));
        }
        let ty = MemoryType::new(minimum, has_maximum.then_some(maximum));
        let memory = Memory::new(&mut c, ty).map_err(|err| c.data_mut().limits.growth_error(err))?;
        unsafe { hand_out(&mut c, Extern::Memory(memory), out) }
    })())
}
