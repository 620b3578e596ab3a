//! Values cross the C ABI as flat arrays of 16-byte slots, laid out like
//! Wasmtime's `ValRaw`, so numeric calls need no conversion at all.
//! References are ids into the store's registry (0 = null).

use crate::error::{NswResult, nsw_error_t};
use crate::ref_registry::RefEntry;
use crate::store_data::StoreData;
use crate::types::{NSW_VAL_EXTERNREF, NSW_VAL_F32, NSW_VAL_F64, NSW_VAL_FUNCREF, NSW_VAL_I32, NSW_VAL_I64, NSW_VAL_V128};
use alloc::format;
use wasmtime::{StoreContextMut, V128, Val, ValRaw};

/// One value: i32/i64 as integers, f32/f64 as their bit patterns, v128 as 16
/// little-endian bytes, references as registry ids in `ref_id`.
#[repr(C)]
#[derive(Clone, Copy)]
pub union nsw_val_raw_t {
    pub i32: i32,
    pub i64: i64,
    pub f32: u32,
    pub f64: u64,
    pub v128: [u8; 16],
    pub ref_id: u64,
}

const _: () = assert!(core::mem::size_of::<nsw_val_raw_t>() == core::mem::size_of::<ValRaw>());
const _: () = assert!(core::mem::align_of::<nsw_val_raw_t>() == core::mem::align_of::<ValRaw>());

pub fn is_numeric(code: u8) -> bool {
    code <= NSW_VAL_V128
}

/// Reads slot `slot` as a value of type `code`.
pub fn to_val(ctx: &mut StoreContextMut<'_, StoreData>, code: u8, slot: &nsw_val_raw_t) -> NswResult<Val> {
    // SAFETY: every field of the union is plain data of 8 or 16 bytes.
    unsafe {
        Ok(match code {
            NSW_VAL_I32 => Val::I32(slot.i32),
            NSW_VAL_I64 => Val::I64(slot.i64),
            NSW_VAL_F32 => Val::F32(slot.f32),
            NSW_VAL_F64 => Val::F64(slot.f64),
            NSW_VAL_V128 => Val::V128(V128::from(u128::from_le_bytes(slot.v128))),
            NSW_VAL_FUNCREF => match slot.ref_id {
                0 => Val::FuncRef(None),
                id => match ctx.data().refs.get(id) {
                    Some(RefEntry::Func(f)) => Val::FuncRef(Some(*f)),
                    _ => return Err(nsw_error_t::invalid(format!("ref id {id} is not a live funcref of this store"))),
                },
            },
            NSW_VAL_EXTERNREF => match slot.ref_id {
                0 => Val::ExternRef(None),
                id => match ctx.data().refs.get(id) {
                    Some(RefEntry::Extern(r)) => {
                        let owned = r.clone();
                        Val::ExternRef(Some(owned.to_rooted(&mut *ctx)))
                    }
                    _ => return Err(nsw_error_t::invalid(format!("ref id {id} is not a live externref of this store"))),
                },
            },
            other => {
                return Err(nsw_error_t::invalid(format!(
                    "values of value type {other} (typed or GC references) cannot cross the C ABI yet"
                )));
            }
        })
    }
}

/// Writes `val` into a slot; references are registered and get a new id.
pub fn from_val(ctx: &mut StoreContextMut<'_, StoreData>, val: &Val) -> NswResult<nsw_val_raw_t> {
    Ok(match val {
        Val::I32(v) => nsw_val_raw_t { v128: widen(&v.to_le_bytes()) },
        Val::I64(v) => nsw_val_raw_t { v128: widen(&v.to_le_bytes()) },
        Val::F32(v) => nsw_val_raw_t { v128: widen(&v.to_le_bytes()) },
        Val::F64(v) => nsw_val_raw_t { v128: widen(&v.to_le_bytes()) },
        Val::V128(v) => nsw_val_raw_t { v128: v.as_u128().to_le_bytes() },
        Val::FuncRef(None) | Val::ExternRef(None) => nsw_val_raw_t { ref_id: 0 },
        Val::FuncRef(Some(f)) => nsw_val_raw_t { ref_id: ctx.data_mut().refs.insert(RefEntry::Func(*f))? },
        Val::ExternRef(Some(r)) => {
            let owned = r
                .to_owned_rooted(&mut *ctx)
                .map_err(|e| nsw_error_t::invalid(format!("externref is no longer rooted: {e}")))?;
            nsw_val_raw_t { ref_id: ctx.data_mut().refs.insert(RefEntry::Extern(owned))? }
        }
        Val::AnyRef(None) | Val::ExnRef(None) | Val::ContRef(None) => nsw_val_raw_t { ref_id: 0 },
        _ => return Err(nsw_error_t::invalid("GC reference values cannot cross the C ABI yet")),
    })
}

/// Little-endian bytes in the low end of a zeroed slot.
fn widen(bytes: &[u8]) -> [u8; 16] {
    let mut out = [0u8; 16];
    out[..bytes.len()].copy_from_slice(bytes);
    out
}
