//! `nsw_context_t`: the store as seen by one call, and every `nsw_context_*`
//! function. Outside wasm a context is the store's own; inside a host function
//! it is the caller, so host code can touch memories and globals without a
//! second mutable path to the store.
//!
//! The functions here act on the store behind a context: its id, fuel, epoch
//! deadline, the caller's exports, and the ref ids of funcref and externref
//! values (`ref_registry.rs`).

use crate::error::{NSW_ERROR_RUNTIME, NswResult, nsw_error_t, to_c};
use crate::externs::{self, hand_out, nsw_extern_t, unreachable_kind};
use crate::handle::{self, Tag, Tagged};
use crate::ref_registry::RefEntry;
use crate::store_data::StoreData;
use crate::types::NSW_EXTERN_FUNC;
use alloc::format;
use wasmtime::{AsContextMut, Caller, Extern, ExternRef, RootScope, Store, StoreContextMut};

enum Inner {
    Store(*mut Store<StoreData>),
    Caller(*mut Caller<'static, StoreData>),
}

pub struct nsw_context_t {
    inner: Inner,
}

unsafe impl Tagged for nsw_context_t {
    const TAG: Tag = Tag::Context;
    const NAME: &'static str = "context";
}

impl nsw_context_t {
    pub fn for_store(store: &mut Store<StoreData>) -> nsw_context_t {
        nsw_context_t { inner: Inner::Store(store) }
    }

    /// A context valid only while `caller` is (the duration of a host call).
    pub fn for_caller(caller: &mut Caller<'_, StoreData>) -> nsw_context_t {
        let ptr = caller as *mut Caller<'_, StoreData> as *mut Caller<'static, StoreData>;
        nsw_context_t { inner: Inner::Caller(ptr) }
    }

    /// The store behind a context handle.
    pub unsafe fn get<'a>(ptr: *mut nsw_context_t) -> NswResult<StoreContextMut<'a, StoreData>> {
        let c = unsafe { handle::get_mut(ptr)? };
        Ok(match c.inner {
            Inner::Store(s) => unsafe { &mut *s }.as_context_mut(),
            Inner::Caller(c) => unsafe { &mut *c }.as_context_mut(),
        })
    }

    /// The caller behind a context handle, if it is one.
    pub unsafe fn caller<'a>(ptr: *mut nsw_context_t) -> NswResult<Option<&'a mut Caller<'static, StoreData>>> {
        let c = unsafe { handle::get_mut(ptr)? };
        Ok(match c.inner {
            Inner::Store(_) => None,
            Inner::Caller(c) => Some(unsafe { &mut *c }),
        })
    }
}

/// The id of the store behind a context (a store's own, or a host call's
/// caller): unique in the process, never reused. 0 for an invalid handle.
/// Lets bindings find their object for a store from inside a host call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_context_store_id(ctx: *mut nsw_context_t) -> u64 {
    match unsafe { nsw_context_t::get(ctx) } {
        Ok(c) => c.data().id,
        Err(_) => 0,
    }
}

/// Sets the fuel left (engines made with `fuel`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_context_fuel_set(ctx: *mut nsw_context_t, fuel: u64) -> *mut nsw_error_t {
    to_c((|| {
        let mut c = unsafe { nsw_context_t::get(ctx)? };
        c.set_fuel(fuel).map_err(|e| nsw_error_t::from_wasmtime(e, NSW_ERROR_RUNTIME))
    })())
}

/// Reads the fuel left (engines made with `fuel`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_context_fuel_get(ctx: *mut nsw_context_t, out_fuel: *mut u64) -> *mut nsw_error_t {
    to_c((|| {
        let c = unsafe { nsw_context_t::get(ctx)? };
        let fuel = c.get_fuel().map_err(|e| nsw_error_t::from_wasmtime(e, NSW_ERROR_RUNTIME))?;
        unsafe { handle::write_out(out_fuel, fuel, "fuel") }
    })())
}

/// Deadlines beyond this many ticks are refused: Wasmtime adds the ticks to
/// the current epoch, which must not overflow.
pub const NSW_MAX_EPOCH_TICKS: u64 = u64::MAX / 4;

/// Sets the epoch deadline `ticks` increments of the engine's epoch from now
/// (engines made with `epoch`). Reaching it traps with `Interrupt`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_context_epoch_deadline_set(ctx: *mut nsw_context_t, ticks: u64) -> *mut nsw_error_t {
    to_c((|| {
        let mut c = unsafe { nsw_context_t::get(ctx)? };
        if !c.data().epoch_enabled {
            return Err(nsw_error_t::invalid("the engine was created without epoch interruption"));
        }
        if ticks > NSW_MAX_EPOCH_TICKS {
            return Err(nsw_error_t::invalid("epoch deadline too far: at most u64::MAX / 4 ticks"));
        }
        c.set_epoch_deadline(ticks);
        Ok(())
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
        let mut c = caller.as_context_mut();
        unsafe { hand_out(&mut c, ext, out) }
    })())
}

/// A key for the function, memory, table or global behind `ext`, equal for
/// every handle of the same object in the context's store and different for
/// different ones, so bindings can keep one object per function or memory
/// instead of one per handle. A function's key is its `funcref` address
/// (`Func::to_raw`, even); the others get odd keys in order of first asking,
/// by Wasmtime's `Debug` text of the object, which names its instance and
/// index (Wasmtime offers no public identity for them).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_context_extern_key(
    ctx: *mut nsw_context_t,
    ext: *const nsw_extern_t,
    out_key: *mut u64,
) -> *mut nsw_error_t {
    to_c((|| {
        let mut c = unsafe { nsw_context_t::get(ctx)? };
        let e = unsafe { handle::get(ext)? };
        if e.store_id() != c.data().id {
            return Err(nsw_error_t::invalid("the extern belongs to another store than the context"));
        }
        let key = match e.ext {
            Extern::Func(f) => f.to_raw(&mut c) as usize as u64,
            ref other => {
                let text = format!("{other:?}");
                let keys = &mut c.data_mut().identities;
                let next = keys.len() as u64 * 2 + 1;
                *keys.entry(text).or_insert(next)
            }
        };
        unsafe { handle::write_out(out_key, key, "extern key") }
    })())
}

/// Registers a function as a funcref value and returns its ref id.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_context_funcref_new(
    ctx: *mut nsw_context_t,
    func: *const nsw_extern_t,
    out_ref_id: *mut u64,
) -> *mut nsw_error_t {
    to_c((|| {
        let mut c = unsafe { nsw_context_t::get(ctx)? };
        let e = unsafe { externs::resolve(&c, func, NSW_EXTERN_FUNC)? };
        let Extern::Func(f) = e.ext else { unreachable_kind()? };
        let id = c.data_mut().refs.insert(RefEntry::Func(f))?;
        unsafe { handle::write_out(out_ref_id, id, "ref id") }
    })())
}

/// Opens funcref `ref_id` as a callable extern (a new handle to delete).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_context_funcref_get(
    ctx: *mut nsw_context_t,
    ref_id: u64,
    out: *mut *mut nsw_extern_t,
) -> *mut nsw_error_t {
    to_c((|| {
        let mut c = unsafe { nsw_context_t::get(ctx)? };
        let f = match c.data().refs.get(ref_id) {
            Some(RefEntry::Func(f)) => *f,
            _ => return Err(nsw_error_t::invalid(format!("ref id {ref_id} is not a live funcref"))),
        };
        unsafe { hand_out(&mut c, Extern::Func(f), out) }
    })())
}

/// Wraps a host value id in a new externref and returns its ref id.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_context_externref_new(
    ctx: *mut nsw_context_t,
    host_id: u64,
    out_ref_id: *mut u64,
) -> *mut nsw_error_t {
    to_c((|| {
        let mut c = unsafe { nsw_context_t::get(ctx)? };
        let mut scope = RootScope::new(&mut c);
        let rooted =
            ExternRef::new(&mut scope, host_id).map_err(|e| nsw_error_t::from_wasmtime(e, NSW_ERROR_RUNTIME))?;
        let owned = rooted
            .to_owned_rooted(&mut scope)
            .map_err(|e| nsw_error_t::from_wasmtime(e, NSW_ERROR_RUNTIME))?;
        let id = scope.as_context_mut().data_mut().refs.insert(RefEntry::Extern(owned))?;
        unsafe { handle::write_out(out_ref_id, id, "ref id") }
    })())
}

/// What `nsw_context_externref_host_id` writes for an externref that holds no
/// host value: wasm made it from one of its own references (`extern.convert_any`).
/// The ref id stays valid until released, so the host can hand it back to wasm.
pub const NSW_HOST_ID_NONE: u64 = u64::MAX;

/// The host value id inside externref `ref_id` (one made by
/// `nsw_context_externref_new`), or `NSW_HOST_ID_NONE` when wasm made it from
/// one of its own references.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_context_externref_host_id(
    ctx: *mut nsw_context_t,
    ref_id: u64,
    out_host_id: *mut u64,
) -> *mut nsw_error_t {
    to_c((|| {
        let c = unsafe { nsw_context_t::get(ctx)? };
        let owned = match c.data().refs.get(ref_id) {
            Some(RefEntry::Extern(r)) => r.clone(),
            _ => return Err(nsw_error_t::invalid(format!("ref id {ref_id} is not a live externref"))),
        };
        let data = owned.data(&c).map_err(|e| nsw_error_t::from_wasmtime(e, NSW_ERROR_RUNTIME))?;
        let host_id = match data {
            None => NSW_HOST_ID_NONE,
            Some(d) => d
                .downcast_ref::<u64>()
                .copied()
                .ok_or_else(|| nsw_error_t::invalid("externref holds host data of another embedder"))?,
        };
        unsafe { handle::write_out(out_host_id, host_id, "host id") }
    })())
}

/// Releases a ref id; returns false when it was not live.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_context_ref_release(ctx: *mut nsw_context_t, ref_id: u64) -> bool {
    match unsafe { nsw_context_t::get(ctx) } {
        Ok(mut c) => c.data_mut().refs.release(ref_id),
        Err(_) => false,
    }
}
