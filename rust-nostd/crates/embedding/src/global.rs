//! `nsw_global_*`: making a global in a store, and reading or writing one.

use crate::context::nsw_context_t;
use crate::error::{nsw_error_t, to_c};
use crate::externs::{self, hand_out, nsw_extern_t, unreachable_kind};
use crate::handle;
use crate::types::{self, NSW_EXTERN_GLOBAL};
use crate::values::{self, nsw_val_raw_t};
use alloc::format;
use wasmtime::{AsContextMut, Extern, Global, GlobalType, Mutability, RootScope};

/// Reads a global into one slot.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_global_get(
    ctx: *mut nsw_context_t,
    global: *const nsw_extern_t,
    out_value: *mut nsw_val_raw_t,
) -> *mut nsw_error_t {
    to_c((|| {
        let mut c = unsafe { nsw_context_t::get(ctx)? };
        let e = unsafe { externs::resolve(&c, global, NSW_EXTERN_GLOBAL)? };
        let Extern::Global(g) = e.ext else { unreachable_kind()? };
        let mut scope = RootScope::new(&mut c);
        let mut ctx = scope.as_context_mut();
        let val = g.get(&mut ctx);
        let slot = values::from_val(&mut ctx, &val)?;
        unsafe { handle::write_out(out_value, slot, "value") }
    })())
}

/// Writes a mutable global from one slot.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_global_set(
    ctx: *mut nsw_context_t,
    global: *const nsw_extern_t,
    value: *const nsw_val_raw_t,
) -> *mut nsw_error_t {
    to_c((|| {
        let mut c = unsafe { nsw_context_t::get(ctx)? };
        let e = unsafe { externs::resolve(&c, global, NSW_EXTERN_GLOBAL)? };
        let Extern::Global(g) = e.ext else { unreachable_kind()? };
        let slot = unsafe { value.as_ref() }.ok_or_else(|| nsw_error_t::invalid("value pointer is NULL"))?;
        let mut scope = RootScope::new(&mut c);
        let mut ctx = scope.as_context_mut();
        let val = values::to_val(&mut ctx, e.desc().as_c().content, slot)?;
        g.set(&mut ctx, val).map_err(|err| nsw_error_t::invalid(format!("cannot set global: {err}")))
    })())
}

/// Creates a global in the context's store.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_global_new(
    ctx: *mut nsw_context_t,
    content: u8,
    is_mutable: bool,
    value: *const nsw_val_raw_t,
    out: *mut *mut nsw_extern_t,
) -> *mut nsw_error_t {
    to_c((|| {
        let mut c = unsafe { nsw_context_t::get(ctx)? };
        let ty = types::val_type(content)
            .ok_or_else(|| nsw_error_t::invalid(format!("unknown value type code {content}")))?;
        let slot = unsafe { value.as_ref() }.ok_or_else(|| nsw_error_t::invalid("value pointer is NULL"))?;
        let mutability = if is_mutable { Mutability::Var } else { Mutability::Const };
        let global = {
            let mut scope = RootScope::new(&mut c);
            let mut ctx = scope.as_context_mut();
            let val = values::to_val(&mut ctx, content, slot)?;
            Global::new(&mut ctx, GlobalType::new(ty, mutability), val)
                .map_err(|e| nsw_error_t::invalid(format!("cannot create global: {e}")))?
        };
        unsafe { hand_out(&mut c, Extern::Global(global), out) }
    })())
}
