//! `nsw_table_*`: making a table in a store, and reading, writing or growing
//! one. Elements cross the C ABI as ref ids (`ref_registry.rs`).

use crate::context::nsw_context_t;
use crate::error::{NswResult, nsw_error_t, to_c};
use crate::externs::{self, hand_out, nsw_extern_t, unreachable_kind};
use crate::handle;
use crate::store_data::StoreData;
use crate::types::{self, NSW_EXTERN_TABLE};
use crate::values::{self, nsw_val_raw_t};
use alloc::format;
use wasmtime::{AsContextMut, Extern, RootScope, StoreContextMut, Table, TableType};

/// The table's size in elements.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_table_size(
    ctx: *mut nsw_context_t,
    table: *const nsw_extern_t,
    out_size: *mut u64,
) -> *mut nsw_error_t {
    to_c((|| {
        let c = unsafe { nsw_context_t::get(ctx)? };
        let e = unsafe { externs::resolve(&c, table, NSW_EXTERN_TABLE)? };
        let Extern::Table(t) = e.ext else { unreachable_kind()? };
        unsafe { handle::write_out(out_size, t.size(&c), "size") }
    })())
}

/// Reads element `index` into one slot (a ref id; 0 for null).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_table_get(
    ctx: *mut nsw_context_t,
    table: *const nsw_extern_t,
    index: u64,
    out_value: *mut nsw_val_raw_t,
) -> *mut nsw_error_t {
    to_c((|| {
        let mut c = unsafe { nsw_context_t::get(ctx)? };
        let e = unsafe { externs::resolve(&c, table, NSW_EXTERN_TABLE)? };
        let Extern::Table(t) = e.ext else { unreachable_kind()? };
        let mut scope = RootScope::new(&mut c);
        let mut ctx = scope.as_context_mut();
        let r = t
            .get(&mut ctx, index)
            .ok_or_else(|| nsw_error_t::invalid(format!("table index {index} out of bounds")))?;
        let slot = values::from_val(&mut ctx, &r.into())?;
        unsafe { handle::write_out(out_value, slot, "value") }
    })())
}

fn to_ref(ctx: &mut StoreContextMut<'_, StoreData>, code: u8, slot: &nsw_val_raw_t) -> NswResult<wasmtime::Ref> {
    values::to_val(ctx, code, slot)?
        .ref_()
        .ok_or_else(|| nsw_error_t::invalid("table elements must be references"))
}

/// Writes element `index` from one slot (a ref id; 0 for null).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_table_set(
    ctx: *mut nsw_context_t,
    table: *const nsw_extern_t,
    index: u64,
    value: *const nsw_val_raw_t,
) -> *mut nsw_error_t {
    to_c((|| {
        let mut c = unsafe { nsw_context_t::get(ctx)? };
        let e = unsafe { externs::resolve(&c, table, NSW_EXTERN_TABLE)? };
        let Extern::Table(t) = e.ext else { unreachable_kind()? };
        let slot = unsafe { value.as_ref() }.ok_or_else(|| nsw_error_t::invalid("value pointer is NULL"))?;
        let mut scope = RootScope::new(&mut c);
        let mut ctx = scope.as_context_mut();
        let r = to_ref(&mut ctx, e.desc().as_c().content, slot)?;
        t.set(&mut ctx, index, r).map_err(|err| nsw_error_t::invalid(format!("cannot set table element: {err}")))
    })())
}

/// Grows the table by `delta` elements filled with `init`; writes the previous size.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_table_grow(
    ctx: *mut nsw_context_t,
    table: *const nsw_extern_t,
    delta: u64,
    init: *const nsw_val_raw_t,
    out_previous: *mut u64,
) -> *mut nsw_error_t {
    to_c((|| {
        let mut c = unsafe { nsw_context_t::get(ctx)? };
        let e = unsafe { externs::resolve(&c, table, NSW_EXTERN_TABLE)? };
        let Extern::Table(t) = e.ext else { unreachable_kind()? };
        let slot = unsafe { init.as_ref() }.ok_or_else(|| nsw_error_t::invalid("init pointer is NULL"))?;
        let previous = {
            let mut scope = RootScope::new(&mut c);
            let mut ctx = scope.as_context_mut();
            let r = to_ref(&mut ctx, e.desc().as_c().content, slot)?;
            t.grow(&mut ctx, delta, r)
        };
        let previous = previous.map_err(|err| c.data_mut().limits.growth_error(err))?;
        unsafe { handle::write_out(out_previous, previous, "previous size") }
    })())
}

/// Creates a table of funcref or externref (`element`) filled with `init`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_table_new(
    ctx: *mut nsw_context_t,
    element: u8,
    minimum: u32,
    has_maximum: bool,
    maximum: u32,
    init: *const nsw_val_raw_t,
    out: *mut *mut nsw_extern_t,
) -> *mut nsw_error_t {
    to_c((|| {
        let mut c = unsafe { nsw_context_t::get(ctx)? };
        let elem = match types::val_type(element) {
            Some(wasmtime::ValType::Ref(r)) => r,
            _ => return Err(nsw_error_t::invalid(format!("table element type {element} is not funcref or externref"))),
        };
        if has_maximum && maximum < minimum {
            return Err(nsw_error_t::invalid("table maximum is below its minimum"));
        }
        let slot = unsafe { init.as_ref() }.ok_or_else(|| nsw_error_t::invalid("init pointer is NULL"))?;
        let table = {
            let mut scope = RootScope::new(&mut c);
            let mut ctx = scope.as_context_mut();
            let r = to_ref(&mut ctx, element, slot)?;
            Table::new(&mut ctx, TableType::new(elem, minimum, has_maximum.then_some(maximum)), r)
        };
        let table = table.map_err(|err| c.data_mut().limits.growth_error(err))?;
        unsafe { hand_out(&mut c, Extern::Table(table), out) }
    })())
}
