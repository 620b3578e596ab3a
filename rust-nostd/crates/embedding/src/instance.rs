//! `nsw_instance_t`: an instantiated module inside a store, and its exports;
//! `nsw_instance_pre_t`: a module whose imports a linker resolved
//! (`nsw_linker_instantiate_pre` in `linker.rs`), and instantiating it.
//!
//! Instantiation is split in two so that the bindings can hold their linker
//! lock only while imports are resolved: the start function, which runs in the
//! second step, may call host functions that change the same linker.

use crate::context::nsw_context_t;
use crate::error::{NSW_ERROR_LINK, NSW_ERROR_RESOURCE_LIMIT, NswResult, nsw_error_t, to_c};
use crate::externs::{hand_out, nsw_extern_t};
use crate::handle::{self, Tag, Tagged};
use crate::stack_room;
use crate::store_data::StoreData;
use alloc::format;
use alloc::vec::Vec;
use wasmtime::{Engine, Extern, Instance, InstancePre, Module, StoreContextMut};

pub struct nsw_instance_t {
    store_id: u64,
    instance: Instance,
}

unsafe impl Tagged for nsw_instance_t {
    const TAG: Tag = Tag::Instance;
    const NAME: &'static str = "instance";
}

impl nsw_instance_t {
    pub fn new(store_id: u64, instance: Instance) -> nsw_instance_t {
        nsw_instance_t { store_id, instance }
    }

    pub fn store_id(&self) -> u64 {
        self.store_id
    }

    pub fn instance(&self) -> Instance {
        self.instance
    }
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

/// A module with its imports resolved, instantiable without its linker.
pub struct nsw_instance_pre_t {
    /// Set when the imports include objects of one store: only that store may instantiate.
    store_id: Option<u64>,
    imports: Imports,
}

pub enum Imports {
    /// Resolved and type-checked by the linker, usable in any store of the engine.
    Checked(InstancePre<StoreData>),
    /// Resolved in the store, type-checked when instantiated: store-owned memories and tables
    /// are checked at their current sizes, which `InstancePre` does not know.
    InStore { module: Module, externs: Vec<Extern> },
}

unsafe impl Tagged for nsw_instance_pre_t {
    const TAG: Tag = Tag::InstancePre;
    const NAME: &'static str = "instance-pre";
}

impl nsw_instance_pre_t {
    pub fn new(store_id: Option<u64>, imports: Imports) -> nsw_instance_pre_t {
        nsw_instance_pre_t { store_id, imports }
    }
}

/// Frees a resolved module (instances made from it stay).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_instance_pre_delete(pre: *mut nsw_instance_pre_t) {
    unsafe { handle::delete(pre) }
}

/// Instantiates a resolved module in the context's store: runs its
/// initializers and start function. Mistyped imports found only now give
/// NSW_ERROR_LINK; a trapping start function NSW_ERROR_TRAP; a store limit
/// NSW_ERROR_RESOURCE_LIMIT; too little thread stack left a STACK_OVERFLOW trap.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_instance_pre_instantiate(
    pre: *const nsw_instance_pre_t,
    ctx: *mut nsw_context_t,
    out: *mut *mut nsw_instance_t,
) -> *mut nsw_error_t {
    to_c((|| {
        let p = unsafe { handle::get(pre)? };
        let mut c = unsafe { nsw_context_t::get(ctx)? };
        if out.is_null() {
            return Err(nsw_error_t::invalid("out-pointer for instance is NULL"));
        }
        let instance = instantiate(p, &mut c)?;
        let i = nsw_instance_t::new(c.data().id, instance);
        unsafe { handle::write_out(out, handle::into_raw(i), "instance") }
    })())
}

fn instantiate(p: &nsw_instance_pre_t, c: &mut StoreContextMut<'_, StoreData>) -> NswResult<Instance> {
    if p.store_id.is_some_and(|id| id != c.data().id) {
        return Err(nsw_error_t::invalid("the imports hold objects of another store than the context"));
    }
    let module = match &p.imports {
        Imports::Checked(pre) => pre.module(),
        Imports::InStore { module, .. } => module,
    };
    if !Engine::same(module.engine(), c.engine()) {
        return Err(nsw_error_t::invalid("the module and the store must come from the same engine"));
    }
    stack_room::ensure_room(c.data().native_wasm_stack)?;
    c.data_mut().limits.hit = None;
    let instantiated = match &p.imports {
        Imports::Checked(pre) => pre.instantiate(&mut *c),
        Imports::InStore { module, externs } => match Instance::new(&mut *c, module, externs) {
            Err(e) if is_link_failure(&e, c) => return Err(nsw_error_t::from_wasmtime(e, NSW_ERROR_LINK)),
            other => other,
        },
    };
    instantiated.map_err(|e| match c.data_mut().limits.hit.take() {
        Some(what) => {
            nsw_error_t::new(NSW_ERROR_RESOURCE_LIMIT, format!("instantiation exceeds the store limit on {what}: {e}"))
        }
        // Instance, table and memory counts are checked by Wasmtime itself, not through the
        // limiter's callbacks: its error (an anyhow message, no type) is the only sign.
        None if format!("{e}").starts_with("resource limit exceeded") => {
            nsw_error_t::new(NSW_ERROR_RESOURCE_LIMIT, format!("instantiation exceeds a store limit: {e}"))
        }
        None => {
            let id = c.data().id;
            nsw_error_t::from_wasm_run(e, &mut *c, id)
        }
    })
}

/// Whether `err`, from `Instance::new`, says the imports did not type-check (rather than a
/// trap or exception in the start function or initializers, or a store limit).
fn is_link_failure(err: &wasmtime::Error, c: &StoreContextMut<'_, StoreData>) -> bool {
    !err.is::<wasmtime::Trap>()
        && !err.is::<wasmtime::ThrownException>()
        && c.data().limits.hit.is_none()
        && !format!("{err}").starts_with("resource limit exceeded")
}
