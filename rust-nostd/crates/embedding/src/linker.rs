//! `nsw_linker_t` and host functions: C callbacks called from wasm.

use crate::context::{StoreData, nsw_context_t};
use crate::engine::nsw_engine_t;
use crate::error::{HostError, NSW_ERROR_LINK, NswResult, nsw_error_t, to_c};
use crate::externs::{hand_out, nsw_extern_t};
use crate::handle::{self, Handle, Tag, Tagged};
use crate::instance::nsw_instance_t;
use crate::types;
use crate::values::{self, nsw_val_raw_t};
use alloc::boxed::Box;
use alloc::format;
use alloc::vec::Vec;
use core::ffi::c_void;
use core::mem::MaybeUninit;
use wasmtime::{Caller, Extern, Func, FuncType, Linker, Result, Val, ValRaw};

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
enum HostImpl {
    Raw(Box<dyn Fn(Caller<'_, StoreData>, &mut [MaybeUninit<ValRaw>]) -> Result<()> + Send + Sync>),
    Vals(Box<dyn Fn(Caller<'_, StoreData>, &[Val], &mut [Val]) -> Result<()> + Send + Sync>),
}

unsafe fn host_impl(
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
                    slots.push(values::from_val(&mut ctx, arg).map_err(host_error)?);
                }
            }
            slots.resize(args.len().max(out.len()), nsw_val_raw_t { v128: [0; 16] });
            host.invoke(&mut caller, slots.as_mut_ptr(), slots.len())?;
            let mut ctx = wasmtime::AsContextMut::as_context_mut(&mut caller);
            for ((val, code), slot) in out.iter_mut().zip(&results).zip(&slots) {
                *val = values::to_val(&mut ctx, *code, slot).map_err(host_error)?;
            }
            Ok(())
        }))
    };
    Ok((ty, imp))
}

unsafe extern "C" fn null_callback(_: *mut c_void, _: *mut nsw_context_t, _: *mut nsw_val_raw_t, _: usize) -> *mut nsw_error_t {
    core::ptr::null_mut()
}

/// Carries an error of the embedder through Wasmtime unchanged.
fn host_error(err: Box<nsw_error_t>) -> wasmtime::Error {
    wasmtime::Error::new(HostError(err.message().into()))
}

pub struct nsw_linker_t {
    linker: Linker<StoreData>,
    /// Set once a store-owned extern is defined: instantiation is then only
    /// valid in that store.
    store_id: Option<u64>,
}

unsafe impl Tagged for nsw_linker_t {
    const TAG: Tag = Tag::Linker;
    const NAME: &'static str = "linker";
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_linker_new(engine: *const nsw_engine_t, out: *mut *mut nsw_linker_t) -> *mut nsw_error_t {
    to_c((|| {
        let engine = unsafe { handle::get(engine)? };
        let l = nsw_linker_t { linker: Linker::new(&engine.engine), store_id: None };
        unsafe { handle::write_out(out, handle::into_raw(l), "linker") }
    })())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_linker_delete(linker: *mut nsw_linker_t) {
    unsafe { handle::delete(linker) }
}

/// Lets later definitions replace earlier ones of the same name.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_linker_allow_shadowing(linker: *mut nsw_linker_t, allow: bool) -> *mut nsw_error_t {
    to_c((|| {
        let l = unsafe { handle::get_mut(linker)? };
        l.linker.allow_shadowing(allow);
        Ok(())
    })())
}

/// Defines host function `module`.`name` with the given parameter and result
/// types (NSW_VAL_* codes). `finalizer(env)` runs when the linker and every
/// store using the function are gone — or at once if this call fails.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_linker_define_func(
    linker: *mut nsw_linker_t,
    module: *const u8,
    module_len: usize,
    name: *const u8,
    name_len: usize,
    params: *const u8,
    params_len: usize,
    results: *const u8,
    results_len: usize,
    callback: nsw_host_callback_t,
    env: *mut c_void,
    finalizer: nsw_finalizer_t,
) -> *mut nsw_error_t {
    to_c((|| {
        let l = match unsafe { handle::get_mut(linker) } {
            Ok(l) => l,
            Err(e) => {
                if let Some(fin) = finalizer {
                    unsafe { fin(env) }
                }
                return Err(e);
            }
        };
        let (ty, imp) =
            unsafe { host_impl(l.linker.engine(), params, params_len, results, results_len, callback, env, finalizer)? };
        let module = unsafe { handle::str(module, module_len, "module name")? };
        let name = unsafe { handle::str(name, name_len, "function name")? };
        let defined = match imp {
            HostImpl::Raw(f) => unsafe { l.linker.func_new_unchecked(module, name, ty, f) },
            HostImpl::Vals(f) => l.linker.func_new(module, name, ty, f),
        };
        defined.map(|_| ()).map_err(|e| nsw_error_t::from_wasmtime(e, NSW_ERROR_LINK))
    })())
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

/// Defines `module`.`name` as a store-owned extern. The linker can then only
/// instantiate in that store.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_linker_define(
    linker: *mut nsw_linker_t,
    ctx: *mut nsw_context_t,
    module: *const u8,
    module_len: usize,
    name: *const u8,
    name_len: usize,
    ext: *const nsw_extern_t,
) -> *mut nsw_error_t {
    to_c((|| {
        let l = unsafe { handle::get_mut(linker)? };
        let c = unsafe { nsw_context_t::get(ctx)? };
        let e = unsafe { handle::get(ext)? };
        bind_store(l, &c, e.store_id())?;
        let module = unsafe { handle::str(module, module_len, "module name")? };
        let name = unsafe { handle::str(name, name_len, "name")? };
        l.linker.define(&c, module, name, e.ext.clone()).map(|_| ()).map_err(|e| nsw_error_t::from_wasmtime(e, NSW_ERROR_LINK))
    })())
}

/// Defines every export of `instance` under module name `name`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_linker_define_instance(
    linker: *mut nsw_linker_t,
    ctx: *mut nsw_context_t,
    name: *const u8,
    name_len: usize,
    instance: *const nsw_instance_t,
) -> *mut nsw_error_t {
    to_c((|| {
        let l = unsafe { handle::get_mut(linker)? };
        let mut c = unsafe { nsw_context_t::get(ctx)? };
        let i = unsafe { handle::get(instance)? };
        bind_store(l, &c, i.store_id())?;
        let name = unsafe { handle::str(name, name_len, "module name")? };
        l.linker
            .instance(&mut c, name, i.instance())
            .map(|_| ())
            .map_err(|e| nsw_error_t::from_wasmtime(e, NSW_ERROR_LINK))
    })())
}

/// Ties the linker to one store, refusing objects of any other.
fn bind_store(l: &mut nsw_linker_t, c: &wasmtime::StoreContextMut<'_, StoreData>, object_store: u64) -> NswResult<()> {
    let id = c.data().id;
    if object_store != id {
        return Err(nsw_error_t::invalid("the object belongs to another store than the context"));
    }
    if !wasmtime::Engine::same(l.linker.engine(), c.engine()) {
        return Err(nsw_error_t::invalid("the store was made by another engine than the linker"));
    }
    match l.store_id {
        Some(bound) if bound != id => {
            Err(nsw_error_t::invalid("the linker already holds objects of another store"))
        }
        _ => {
            l.store_id = Some(id);
            Ok(())
        }
    }
}

pub(crate) fn linker_parts(l: &nsw_linker_t) -> (&Linker<StoreData>, Option<u64>) {
    (&l.linker, l.store_id)
}
