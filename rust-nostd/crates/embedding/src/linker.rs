//! `nsw_linker_t`: the imports a module is instantiated with (host functions,
//! a store's externs, another instance's exports), and instantiation itself.

use crate::context::nsw_context_t;
use crate::engine::nsw_engine_t;
use crate::error::{NSW_ERROR_LINK, NswResult, nsw_error_t, to_c};
use crate::externs::nsw_extern_t;
use crate::handle::{self, Tag, Tagged};
use crate::host_func::{HostImpl, host_impl, nsw_finalizer_t, nsw_host_callback_t};
use crate::instance::{self, Imports, nsw_instance_pre_t, nsw_instance_t};
use crate::module::nsw_module_t;
use crate::store_data::StoreData;
use alloc::vec::Vec;
use core::ffi::c_void;
use wasmtime::{Engine, Linker, Module, StoreContextMut};

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

/// Resolves the imports of `module` from the linker for instantiation in the
/// context's store, and writes a handle to run it with
/// (`nsw_instance_pre_instantiate`, free with `nsw_instance_pre_delete`). Runs
/// no wasm, so the linker may change once this returns, even from the start
/// function. Unresolved or mistyped imports give NSW_ERROR_LINK.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_linker_instantiate_pre(
    linker: *const nsw_linker_t,
    ctx: *mut nsw_context_t,
    module: *const nsw_module_t,
    out: *mut *mut nsw_instance_pre_t,
) -> *mut nsw_error_t {
    to_c((|| {
        let l = unsafe { handle::get(linker)? };
        let mut c = unsafe { nsw_context_t::get(ctx)? };
        let m = unsafe { handle::get(module)? };
        if out.is_null() {
            return Err(nsw_error_t::invalid("out-pointer for instance-pre is NULL"));
        }
        let pre = resolve(l, &mut c, &m.module)?;
        unsafe { handle::write_out(out, handle::into_raw(pre), "instance-pre") }
    })())
}

/// Instantiates `module` in the context's store, resolving imports from the
/// linker: `nsw_linker_instantiate_pre` and `nsw_instance_pre_instantiate` in
/// one call, for callers that keep the linker unchanged while the start
/// function runs. Errors as those two give.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_linker_instantiate(
    linker: *const nsw_linker_t,
    ctx: *mut nsw_context_t,
    module: *const nsw_module_t,
    out: *mut *mut nsw_instance_t,
) -> *mut nsw_error_t {
    let mut pre = core::ptr::null_mut();
    let error = unsafe { nsw_linker_instantiate_pre(linker, ctx, module, &mut pre) };
    if !error.is_null() {
        return error;
    }
    let error = unsafe { instance::nsw_instance_pre_instantiate(pre, ctx, out) };
    unsafe { instance::nsw_instance_pre_delete(pre) };
    error
}

fn resolve(l: &nsw_linker_t, c: &mut StoreContextMut<'_, StoreData>, module: &Module) -> NswResult<nsw_instance_pre_t> {
    let (linker, bound_store) = (&l.linker, l.store_id);
    if bound_store.is_some_and(|b| b != c.data().id) {
        return Err(nsw_error_t::invalid("the linker holds objects of another store than the context"));
    }
    if !Engine::same(linker.engine(), c.engine()) || !Engine::same(module.engine(), c.engine()) {
        return Err(nsw_error_t::invalid("the linker, module and store must come from the same engine"));
    }
    match linker.instantiate_pre(module) {
        Ok(pre) => Ok(nsw_instance_pre_t::new(bound_store, Imports::Checked(pre))),
        // `instantiate_pre` checks imported memories and tables against the sizes they had when
        // they were defined, so one that has grown since fails it. Resolved in the store, they are
        // checked at their current sizes when instantiated.
        Err(stale) if bound_store.is_some() => {
            let mut externs = Vec::new();
            for import in module.imports() {
                match linker.get_by_import(&mut *c, &import) {
                    Some(ext) => externs.push(ext),
                    None => return Err(nsw_error_t::from_wasmtime(stale, NSW_ERROR_LINK)),
                }
            }
            Ok(nsw_instance_pre_t::new(bound_store, Imports::InStore { module: module.clone(), externs }))
        }
        Err(e) => Err(nsw_error_t::from_wasmtime(e, NSW_ERROR_LINK)),
    }
}

/// Ties the linker to one store, refusing objects of any other.
fn bind_store(l: &mut nsw_linker_t, c: &StoreContextMut<'_, StoreData>, object_store: u64) -> NswResult<()> {
    let id = c.data().id;
    if object_store != id {
        return Err(nsw_error_t::invalid("the object belongs to another store than the context"));
    }
    if !Engine::same(l.linker.engine(), c.engine()) {
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
