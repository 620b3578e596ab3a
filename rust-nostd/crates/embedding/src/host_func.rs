//! Host functions: a C callback with its `env` and finalizer, turned into the
//! closure Wasmtime calls. `nsw_linker_define_func` (a linker definition) and
//! `nsw_func_new` (a store-owned function) both build theirs here.

use crate::context::nsw_context_t;
use crate::error::{HostError, NswResult, nsw_error_t};
use crate::handle::{self, Handle};
use crate::store_data::StoreData;
use crate::types;
use crate::values::{self, nsw_val_raw_t};
use alloc::boxed::Box;
use alloc::format;
use alloc::vec::Vec;
use core::ffi::c_void;
use core::mem::MaybeUninit;
use wasmtime::{Caller, FuncType, Result, Val, ValRaw};

/// A host function. `slots` holds the parameters on entry; the callback
/// writes the results into `slots[0..results]`. `slots_len` is
/// max(params, results). Return NULL on success or an error (for example
/// from `nsw_error_new`), which becomes the error of the wasm call.
/// `caller` is valid only during the callback.
pub type nsw_host_callback_t = Option<
    unsafe extern "C" fn(env: *mut c_void, caller: *mut nsw_context_t, slots: *mut nsw_val_raw_t, slots_len: usize) -> *mut nsw_error_t,
>;

/// Called once with `env` when the host function is dropped.
pub type nsw_finalizer_t = Option<unsafe extern "C" fn(env: *mut c_void)>;

/// A callback with its environment; runs the finalizer when dropped.
struct HostFn {
    callback: unsafe extern "C" fn(*mut c_void, *mut nsw_context_t, *mut nsw_val_raw_t, usize) -> *mut nsw_error_t,
    env: *mut c_void,
    finalizer: nsw_finalizer_t,
}

// SAFETY: the embedder promises callback and env may be used from any thread
// that runs the store (documented in nsw.h).
unsafe impl Send for HostFn {}
unsafe impl Sync for HostFn {}

impl Drop for HostFn {
    fn drop(&mut self) {
        if let Some(fin) = self.finalizer {
            unsafe { fin(self.env) }
        }
    }
}

impl HostFn {
    fn invoke(&self, caller: &mut Caller<'_, StoreData>, slots: *mut nsw_val_raw_t, len: usize) -> Result<()> {
        let mut ctx = Handle::new(nsw_context_t::for_caller(caller));
        let err = unsafe { (self.callback)(self.env, handle::as_ptr(&mut ctx), slots, len) };
        ctx.retire();
        if err.is_null() {
            return Ok(());
        }
        // SAFETY: callbacks return errors made by this library (nsw_error_new).
        Err(host_error(unsafe { Box::from_raw(err) }))
    }
}

/// The two ways a host function is installed: straight on raw slots when
/// every type is numeric, through `Val`s when references must be translated.
pub enum HostImpl {
    Raw(Box<dyn Fn(Caller<'_, StoreData>, &mut [MaybeUninit<ValRaw>]) -> Result<()> + Send + Sync>),
    Vals(Box<dyn Fn(Caller<'_, StoreData>, &[Val], &mut [Val]) -> Result<()> + Send + Sync>),
}

/// Checks a host function's C description and builds its Wasmtime type and
/// closure. `finalizer(env)` runs exactly once: before this returns an error,
/// or else when the returned closure is dropped.
pub unsafe fn host_impl(
    engine: &wasmtime::Engine,
    params: *const u8,
    params_len: usize,
    results: *const u8,
    results_len: usize,
    callback: nsw_host_callback_t,
    env: *mut c_void,
    finalizer: nsw_finalizer_t,
) -> NswResult<(FuncType, HostImpl)> {
    let Some(callback) = callback else {
        // The finalizer still owns env: release it as the caller expects.
        drop(HostFn { callback: null_callback, env, finalizer });
        return Err(nsw_error_t::invalid("host callback is NULL"));
    };
    let host = HostFn { callback, env, finalizer };
    let params = unsafe { handle::bytes(params, params_len)? }.to_vec();
    let results = unsafe { handle::bytes(results, results_len)? }.to_vec();
    let ty = types::func_type(engine, &params, &results)
        .map_err(|code| nsw_error_t::invalid(format!("unknown value type code {code} in host function type")))?;
    let numeric = params.iter().chain(&results).all(|c| values::is_numeric(*c));
    let imp = if numeric {
        let np = params.len();
        HostImpl::Raw(Box::new(move |mut caller, space: &mut [MaybeUninit<ValRaw>]| {
            // Result slots past the parameters start zeroed, not uninitialized.
            for slot in space.iter_mut().skip(np) {
                slot.write(ValRaw::u64(0));
            }
            host.invoke(&mut caller, space.as_mut_ptr().cast(), space.len())
        }))
    } else {
        HostImpl::Vals(Box::new(move |mut caller, args: &[Val], out: &mut [Val]| {
            let mut slots: Vec<nsw_val_raw_t> = Vec::with_capacity(args.len().max(out.len()));
            {
                let mut ctx = wasmtime::AsContextMut::as_context_mut(&mut caller);
                for arg in args {
                    match values::from_val(&mut ctx, arg) {
                        Ok(slot) => slots.push(slot),
                        Err(err) => {
                            // The callback never sees these ids, so it cannot release them.
                            release_refs(&mut ctx, &params, &slots);
                            return Err(host_error(err));
                        }
                    }
                }
            }
            slots.resize(args.len().max(out.len()), nsw_val_raw_t { v128: [0; 16] });
            host.invoke(&mut caller, slots.as_mut_ptr(), slots.len())?;
            let mut ctx = wasmtime::AsContextMut::as_context_mut(&mut caller);
            let converted = out
                .iter_mut()
                .zip(&results)
                .zip(&slots)
                .try_for_each(|((val, code), slot)| Ok(*val = values::to_val(&mut ctx, *code, slot)?));
            // The ids of reference results were made for this return only: the values now
            // hold their own roots, so the ids go back to the registry on every call.
            release_refs(&mut ctx, &results, &slots);
            converted.map_err(host_error)
        }))
    };
    Ok((ty, imp))
}

/// Releases the ref ids in `slots` whose value type in `codes` is a reference.
fn release_refs(ctx: &mut wasmtime::StoreContextMut<'_, StoreData>, codes: &[u8], slots: &[nsw_val_raw_t]) {
    for (code, slot) in codes.iter().zip(slots) {
        if !values::is_numeric(*code) {
            // SAFETY: a reference slot holds a ref id.
            let id = unsafe { slot.ref_id };
            if id != 0 {
                ctx.data_mut().refs.release(id);
            }
        }
    }
}

unsafe extern "C" fn null_callback(_: *mut c_void, _: *mut nsw_context_t, _: *mut nsw_val_raw_t, _: usize) -> *mut nsw_error_t {
    core::ptr::null_mut()
}

/// Carries an error of the embedder through Wasmtime unchanged.
fn host_error(err: Box<nsw_error_t>) -> wasmtime::Error {
    wasmtime::Error::new(HostError(err.message().into()))
}
