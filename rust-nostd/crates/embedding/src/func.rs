//! `nsw_func_*`: calling a function extern, and making a host function owned
//! by a store (the callback contract is in `host_func.rs`).

use crate::context::nsw_context_t;
use crate::error::{NswResult, nsw_error_t, to_c};
use crate::externs::{self, hand_out, nsw_extern_t, unreachable_kind};
use crate::host_func::{HostImpl, host_impl, nsw_finalizer_t, nsw_host_callback_t};
use crate::stack_room;
use crate::store_data::StoreData;
use crate::types::{NSW_EXTERN_FUNC, NSW_VAL_OTHER_REF};
use crate::values::{self, nsw_val_raw_t};
use alloc::format;
use alloc::vec::Vec;
use core::ffi::c_void;
use wasmtime::{AsContextMut, Extern, Func, RootScope, StoreContextMut, Val, ValRaw};

/// Calls a function. `slots` holds the parameters on entry and the results
/// on return; `slots_len` must be at least max(params, results).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_func_call(
    ctx: *mut nsw_context_t,
    func: *const nsw_extern_t,
    slots: *mut nsw_val_raw_t,
    slots_len: usize,
) -> *mut nsw_error_t {
    to_c((|| {
        let mut c = unsafe { nsw_context_t::get(ctx)? };
        let e = unsafe { externs::resolve(&c, func, NSW_EXTERN_FUNC)? };
        let Extern::Func(f) = e.ext else { unreachable_kind()? };
        let (np, nr) = (e.desc().params().len(), e.desc().results().len());
        let needed = np.max(nr);
        if slots_len < needed {
            return Err(nsw_error_t::invalid(format!(
                "function takes {np} parameters and returns {nr} results: it needs {needed} slots, got {slots_len}"
            )));
        }
        if needed > 0 && slots.is_null() {
            return Err(nsw_error_t::invalid("slots pointer is NULL"));
        }
        stack_room::ensure_room(c.data().native_wasm_stack)?;
        if e.is_numeric_func() {
            // SAFETY: every slot is 16 plain bytes laid out like ValRaw and
            // every parameter type is numeric, so any bit pattern is valid.
            let raw = core::ptr::slice_from_raw_parts_mut(slots.cast::<ValRaw>(), needed);
            return unsafe { f.call_unchecked(&mut c, raw) }.map_err(|e| {
                let id = c.data().id;
                nsw_error_t::from_wasm_run(e, &mut c, id)
            });
        }
        let slots = unsafe { core::slice::from_raw_parts_mut(slots, needed) };
        call_with_refs(&mut c, f, e.desc().params(), e.desc().results(), slots)
    })())
}

fn call_with_refs(
    c: &mut StoreContextMut<'_, StoreData>,
    f: Func,
    params: &[u8],
    results: &[u8],
    slots: &mut [nsw_val_raw_t],
) -> NswResult<()> {
    // Refused before running, as a parameter of such a type is: a result that cannot be handed
    // back would fail the call after the function's effects happened.
    if results.contains(&NSW_VAL_OTHER_REF) {
        return Err(nsw_error_t::invalid(
            "the function returns typed function or GC references, which cannot cross the C ABI yet: it was not called",
        ));
    }
    let mut scope = RootScope::new(&mut *c);
    let mut ctx = scope.as_context_mut();
    let args = params
        .iter()
        .zip(slots.iter())
        .map(|(code, slot)| values::to_val(&mut ctx, *code, slot))
        .collect::<NswResult<Vec<Val>>>()?;
    let mut out = alloc::vec![Val::I32(0); results.len()];
    f.call(&mut ctx, &args, &mut out).map_err(|e| {
        let id = ctx.data().id;
        nsw_error_t::from_wasm_run(e, &mut ctx, id)
    })?;
    for (slot, val) in slots.iter_mut().zip(out.iter()) {
        *slot = values::from_val(&mut ctx, val)?;
    }
    Ok(())
}

/// Creates a host function owned by the context's store (for tables,
/// globals or funcref values). Same callback contract as
/// `nsw_linker_define_func`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_func_new(
    ctx: *mut nsw_context_t,
    params: *const u8,
    params_len: usize,
    results: *const u8,
    results_len: usize,
    callback: nsw_host_callback_t,
    env: *mut c_void,
    finalizer: nsw_finalizer_t,
    out: *mut *mut nsw_extern_t,
) -> *mut nsw_error_t {
    to_c((|| {
        let mut c = match unsafe { nsw_context_t::get(ctx) } {
            Ok(c) => c,
            Err(e) => {
                if let Some(fin) = finalizer {
                    unsafe { fin(env) }
                }
                return Err(e);
            }
        };
        let engine = c.engine().clone();
        let (ty, imp) = unsafe { host_impl(&engine, params, params_len, results, results_len, callback, env, finalizer)? };
        let func = match imp {
            HostImpl::Raw(f) => unsafe { Func::new_unchecked(&mut c, ty, f) },
            HostImpl::Vals(f) => Func::new(&mut c, ty, f),
        };
        unsafe { hand_out(&mut c, Extern::Func(func), out) }
    })())
}
