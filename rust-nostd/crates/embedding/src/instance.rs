//! `nsw_instance_t`: an instantiated module inside a store.

use crate::context::nsw_context_t;
use crate::error::{NSW_ERROR_LINK, NSW_ERROR_RESOURCE_LIMIT, nsw_error_t, to_c};
use crate::externs::{hand_out, nsw_extern_t};
use crate::handle::{self, Tag, Tagged};
use crate::linker::{linker_parts, nsw_linker_t};
use crate::module::nsw_module_t;
use alloc::format;
use wasmtime::{Engine, Instance};

pub struct nsw_instance_t {
    store_id: u64,
    instance: Instance,
}

unsafe impl Tagged for nsw_instance_t {
    const TAG: Tag = Tag::Instance;
    const NAME: &'static str = "instance";
}

impl nsw_instance_t {
    pub fn store_id(&self) -> u64 {
        self.store_id
    }

    pub fn instance(&self) -> Instance {
        self.instance
    }
}

/// Instantiates `module` in the context's store, resolving imports from the
/// linker. Unresolved or mistyped imports give NSW_ERROR_LINK; a trapping
/// start function NSW_ERROR_TRAP; a store limit NSW_ERROR_RESOURCE_LIMIT.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_linker_instantiate(
    linker: *const nsw_linker_t,
    ctx: *mut nsw_context_t,
    module: *const nsw_module_t,
    out: *mut *mut nsw_instance_t,
) -> *mut nsw_error_t {
    to_c((|| {
        let l = unsafe { handle::get(linker)? };
        let mut c = unsafe { nsw_context_t::get(ctx)? };
        let m = unsafe { handle::get(module)? };
        if out.is_null() {
            return Err(nsw_error_t::invalid("out-pointer for instance is NULL"));
        }
        let (linker, bound_store) = linker_parts(l);
        let id = c.data().id;
        if bound_store.is_some_and(|b| b != id) {
            return Err(nsw_error_t::invalid("the linker holds objects of another store than the context"));
        }
        if !Engine::same(linker.engine(), c.engine()) || !Engine::same(m.module.engine(), c.engine()) {
            return Err(nsw_error_t::invalid("the linker, module and store must come from the same engine"));
        }
        c.data_mut().limits.hit = None;
        let instantiated = match linker.instantiate_pre(&m.module) {
            Ok(pre) => pre.instantiate(&mut c),
            // `instantiate_pre` checks imported memories and tables against the sizes they had
            // when they were defined, so one that has grown since fails it; `Linker::instantiate`
            // checks the sizes they have now. A failure of the second before any wasm ran (no
            // trap, exception or limit) is still a link error.
            Err(stale) if bound_store.is_some() => match linker.instantiate(&mut c, &m.module) {
                Err(e) if is_link_failure(&e, &c) => return Err(nsw_error_t::from_wasmtime(e, NSW_ERROR_LINK)),
                other => {
                    drop(stale);
                    other
                }
            },
            Err(e) => return Err(nsw_error_t::from_wasmtime(e, NSW_ERROR_LINK)),
        };
        let instance = instantiated.map_err(|e| match c.data_mut().limits.hit.take() {
            Some(what) => nsw_error_t::new(
                NSW_ERROR_RESOURCE_LIMIT,
                format!("instantiation exceeds the store limit on {what}: {e}"),
            ),
            // Instance, table and memory counts are checked by Wasmtime itself, not through the
            // limiter's callbacks: its error (an anyhow message, no type) is the only sign.
            None if format!("{e}").starts_with("resource limit exceeded") => {
                nsw_error_t::new(NSW_ERROR_RESOURCE_LIMIT, format!("instantiation exceeds a store limit: {e}"))
            }
            None => nsw_error_t::from_wasm_run(e, &mut c),
        })?;
        let i = nsw_instance_t { store_id: id, instance };
        unsafe { handle::write_out(out, handle::into_raw(i), "instance") }
    })())
}

/// Frees the handle; the instance itself lives as long as its store.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_instance_delete(instance: *mut nsw_instance_t) {
    unsafe { handle::delete(instance) }
}

/// Looks up export `name` (UTF-8) and returns a new extern handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_instance_export_get(
    ctx: *mut nsw_context_t,
    instance: *const nsw_instance_t,
    name: *const u8,
    name_len: usize,
    out: *mut *mut nsw_extern_t,
) -> *mut nsw_error_t {
    to_c((|| {
        let mut c = unsafe { nsw_context_t::get(ctx)? };
        let i = unsafe { handle::get(instance)? };
        if i.store_id != c.data().id {
            return Err(nsw_error_t::invalid("the instance belongs to another store than the context"));
        }
        let name = unsafe { handle::str(name, name_len, "export name")? };
        let ext = i
            .instance
            .get_export(&mut c, name)
            .ok_or_else(|| nsw_error_t::invalid(format!("the instance has no export named `{name}`")))?;
        unsafe { hand_out(&mut c, ext, out) }
    })())
}

/// Inside a host function: looks up export `name` of the calling instance
/// (typically its memory).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_context_caller_export(
    ctx: *mut nsw_context_t,
    name: *const u8,
    name_len: usize,
    out: *mut *mut nsw_extern_t,
) -> *mut nsw_error_t {
    to_c((|| {
        let caller = unsafe { nsw_context_t::caller(ctx)? }
            .ok_or_else(|| nsw_error_t::invalid("the context is a store's, not a host call's caller"))?;
        let name = unsafe { handle::str(name, name_len, "export name")? };
        let ext = caller
            .get_export(name)
            .ok_or_else(|| nsw_error_t::invalid(format!("the caller has no export named `{name}`")))?;
        let mut c = wasmtime::AsContextMut::as_context_mut(caller);
        unsafe { hand_out(&mut c, ext, out) }
    })())
}

/// Whether `err`, from `Linker::instantiate`, says the imports did not resolve or type-check
/// (rather than a trap or exception in the start function or initializers, or a store limit).
fn is_link_failure(err: &wasmtime::Error, c: &wasmtime::StoreContextMut<'_, crate::context::StoreData>) -> bool {
    !err.is::<wasmtime::Trap>()
        && !err.is::<wasmtime::ThrownException>()
        && c.data().limits.hit.is_none()
        && !format!("{err}").starts_with("resource limit exceeded")
}
