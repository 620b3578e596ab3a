//! `nsw_store_t`: owns instances and their memories, tables, globals and
//! functions. Used by one thread at a time (the bindings enforce it).

use crate::context::{Limits, StoreData, nsw_context_t};
use crate::engine::nsw_engine_t;
use crate::error::{NSW_ERROR_RUNTIME, nsw_error_t, to_c};
use crate::handle::{self, Handle, Tag, Tagged};
use alloc::boxed::Box;
use core::sync::atomic::{AtomicU64, Ordering};
use wasmtime::Store;

static NEXT_STORE_ID: AtomicU64 = AtomicU64::new(1);

/// Deadlines beyond this many ticks are refused: Wasmtime adds the ticks to
/// the current epoch, which must not overflow.
pub const NSW_MAX_EPOCH_TICKS: u64 = u64::MAX / 4;

pub struct nsw_store_t {
    /// Boxed so the context below can point at it for the store's lifetime.
    store: Box<Store<StoreData>>,
    context: Handle<nsw_context_t>,
}

unsafe impl Tagged for nsw_store_t {
    const TAG: Tag = Tag::Store;
    const NAME: &'static str = "store";
}

/// Creates a store. With epochs enabled the deadline starts far in the
/// future (not Wasmtime's default of "already expired").
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_store_new(engine: *const nsw_engine_t, out: *mut *mut nsw_store_t) -> *mut nsw_error_t {
    to_c((|| {
        let engine = unsafe { handle::get(engine)? };
        if out.is_null() {
            return Err(nsw_error_t::invalid("out-pointer for store is NULL"));
        }
        let id = NEXT_STORE_ID.fetch_add(1, Ordering::Relaxed);
        let mut store = Box::new(Store::new(&engine.engine, StoreData::new(id, engine.settings.epoch)));
        store.limiter(|data| &mut data.limits);
        if engine.settings.epoch {
            store.set_epoch_deadline(NSW_MAX_EPOCH_TICKS);
        }
        let context = Handle::new(nsw_context_t::for_store(&mut store));
        let s = nsw_store_t { store, context };
        unsafe { handle::write_out(out, handle::into_raw(s), "store") }
    })())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_store_delete(store: *mut nsw_store_t) {
    unsafe { handle::delete(store) }
}

/// The store's context: what every function operating on store-owned objects
/// takes. Valid until the store is deleted. NULL for an invalid handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_store_context(store: *mut nsw_store_t) -> *mut nsw_context_t {
    match unsafe { handle::get_mut(store) } {
        Ok(s) => handle::as_ptr(&mut s.context),
        Err(_) => core::ptr::null_mut(),
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

/// Caps what instances in this store may use. A negative value means no
/// limit. Growth past a cap fails (`memory.grow` returns -1); instantiation
/// past it fails with NSW_ERROR_RESOURCE_LIMIT.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_store_limits_set(
    store: *mut nsw_store_t,
    memory_bytes: i64,
    table_elements: i64,
    instances: i64,
    tables: i64,
    memories: i64,
) -> *mut nsw_error_t {
    to_c((|| {
        let s = unsafe { handle::get_mut(store)? };
        let cap = |v: i64| if v < 0 { None } else { Some(v as u64) };
        s.store.data_mut().limits = Limits {
            memory_bytes: cap(memory_bytes),
            table_elements: cap(table_elements),
            instances: cap(instances),
            tables: cap(tables),
            memories: cap(memories),
            hit: None,
        };
        // Wasmtime reads the instance, table and memory counts when a limiter is installed,
        // not on every instantiation: install it again so the new counts take effect.
        s.store.limiter(|data| &mut data.limits);
        Ok(())
    })())
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
