//! `nsw_store_t`: owns instances and their memories, tables, globals and
//! functions. Used by one thread at a time (the bindings enforce it).
//!
//! What runs inside a store goes through its context (`context.rs`): a store
//! makes one for itself, and a host call gets one for its caller.

use crate::context::{NSW_MAX_EPOCH_TICKS, nsw_context_t};
use crate::engine::nsw_engine_t;
use crate::error::{nsw_error_t, to_c};
use crate::handle::{self, Handle, Tag, Tagged};
use crate::limits::Caps;
use crate::store_data::StoreData;
use alloc::boxed::Box;
use core::sync::atomic::{AtomicU64, Ordering};
use wasmtime::Store;

static NEXT_STORE_ID: AtomicU64 = AtomicU64::new(1);

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
        let mut store = Box::new(Store::new(&engine.engine, StoreData::new(id, engine.settings.epoch, engine.native_wasm_stack)));
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

/// Caps what instances in this store may use. A negative value means no
/// limit. `memory_bytes` and `table_elements` cap the sums over all the
/// store's memories and tables; `references` caps the ref ids held at once
/// (`nsw_context_*ref_new`, values passed to host functions and returned from
/// calls). Growth past a cap fails (`memory.grow` returns -1); instantiation
/// or a new ref id past one fails with NSW_ERROR_RESOURCE_LIMIT. What the
/// store already uses stays counted when the caps change. Must not be called
/// during a host call of this store (its caller holds the store).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_store_limits_set(
    store: *mut nsw_store_t,
    memory_bytes: i64,
    table_elements: i64,
    instances: i64,
    tables: i64,
    memories: i64,
    references: i64,
) -> *mut nsw_error_t {
    to_c((|| {
        let s = unsafe { handle::get_mut(store)? };
        let cap = |v: i64| if v < 0 { None } else { Some(v as u64) };
        let data = s.store.data_mut();
        data.limits.caps = Caps {
            memory_bytes: cap(memory_bytes),
            table_elements: cap(table_elements),
            instances: cap(instances),
            tables: cap(tables),
            memories: cap(memories),
            references: cap(references),
        };
        data.limits.hit = None;
        data.refs.set_cap(cap(references));
        // Wasmtime reads the instance, table and memory counts when a limiter is installed,
        // not on every instantiation: install it again so the new counts take effect.
        s.store.limiter(|data| &mut data.limits);
        Ok(())
    })())
}
