//! `nsw_exception_*`: the tag and payload of an uncaught WebAssembly exception,
//! read from the `nsw_error_t` (kind `NSW_ERROR_EXCEPTION`) that keeps it.
//!
//! The error owns the exception object (see `error.rs`), so both can be read
//! for as long as the error lives, with a context of the store that threw it.

use crate::context::nsw_context_t;
use crate::error::{nsw_error_t, to_c};
use crate::externs::{hand_out, nsw_extern_t};
use crate::values::{self, nsw_val_raw_t};
use alloc::format;
use wasmtime::{AsContextMut, Extern, RootScope};

/// Hands out the tag of the exception `error` carries, as an extern of kind
/// `NSW_EXTERN_TAG` (free with `nsw_extern_delete`); its type's parameters are
/// the payload's value types. Fails when `error` carries no exception or when
/// it was thrown in another store than `ctx`'s.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_exception_tag(
    ctx: *mut nsw_context_t,
    error: *const nsw_error_t,
    out_tag: *mut *mut nsw_extern_t,
) -> *mut nsw_error_t {
    to_c((|| {
        let mut c = unsafe { nsw_context_t::get(ctx)? };
        let e = unsafe { error.as_ref() }.ok_or_else(|| nsw_error_t::invalid("error is NULL"))?;
        let exception = e.thrown(c.data().id)?;
        let tag = exception.tag(&mut c).map_err(|err| nsw_error_t::invalid(format!("{err}")))?;
        unsafe { hand_out(&mut c, Extern::Tag(tag), out_tag) }
    })())
}

/// Writes the payload of the exception `error` carries into `slots`, one slot
/// per parameter of its tag, in order; `slots_len` must be that count.
/// References are registered in the store as a call's results are; typed
/// function and GC references (anyref, exnref, ...) other than null cannot
/// cross the C ABI yet and fail the call. Fails like `nsw_exception_tag`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_exception_payload(
    ctx: *mut nsw_context_t,
    error: *const nsw_error_t,
    slots: *mut nsw_val_raw_t,
    slots_len: usize,
) -> *mut nsw_error_t {
    to_c((|| {
        let mut c = unsafe { nsw_context_t::get(ctx)? };
        let e = unsafe { error.as_ref() }.ok_or_else(|| nsw_error_t::invalid("error is NULL"))?;
        let exception = e.thrown(c.data().id)?;
        let mut scope = RootScope::new(&mut c);
        let mut ctx = scope.as_context_mut();
        let count = exception.ty(&ctx).map_err(|err| nsw_error_t::invalid(format!("{err}")))?.fields().len();
        if slots_len != count {
            return Err(nsw_error_t::invalid(format!("the exception carries {count} values, got {slots_len} slots")));
        }
        if count > 0 && slots.is_null() {
            return Err(nsw_error_t::invalid("slots pointer is NULL"));
        }
        for index in 0..count {
            let val = exception.field(&mut ctx, index).map_err(|err| nsw_error_t::invalid(format!("{err}")))?;
            let slot = values::from_val(&mut ctx, &val)?;
            unsafe { slots.add(index).write(slot) };
        }
        Ok(())
    })())
}
