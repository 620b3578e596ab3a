//! `nsw_extern_t`: a handle to a function, global, memory or table owned by a
//! store, and the `nsw_extern_*` functions that apply to every kind.
//!
//! The operations of one kind live in the file of that kind's C noun
//! (`func.rs`, `global.rs`, `memory.rs`, `table.rs`): each kind has its own
//! Wasmtime API and its own checks, and the C names already group them so.
//! (The file is `externs.rs` because `extern` is a Rust keyword.)

use crate::error::{NswResult, nsw_error_t, to_c};
use crate::handle::{self, Tag, Tagged};
use crate::store_data::StoreData;
use crate::types::{ExternDesc, NSW_EXTERN_FUNC, nsw_extern_type_t};
use crate::values;
use alloc::format;
use wasmtime::{Extern, StoreContextMut};

pub struct nsw_extern_t {
    store_id: u64,
    pub(crate) ext: Extern,
    desc: ExternDesc,
    /// A function whose params and results are all numbers or v128: calls
    /// skip every conversion.
    numeric_func: bool,
}

unsafe impl Tagged for nsw_extern_t {
    const TAG: Tag = Tag::Extern;
    const NAME: &'static str = "extern";
}

impl nsw_extern_t {
    pub fn new(ctx: &mut StoreContextMut<'_, StoreData>, ext: Extern) -> nsw_extern_t {
        let desc = ExternDesc::of(&ext.ty(&*ctx));
        let numeric_func = desc.kind() == NSW_EXTERN_FUNC
            && desc.params().iter().chain(desc.results()).all(|c| values::is_numeric(*c));
        nsw_extern_t { store_id: ctx.data().id, ext, desc, numeric_func }
    }

    pub fn store_id(&self) -> u64 {
        self.store_id
    }

    pub fn desc(&self) -> &ExternDesc {
        &self.desc
    }

    pub fn is_numeric_func(&self) -> bool {
        self.numeric_func
    }
}

/// Borrows an extern handle after checking that it is of the expected kind
/// and belongs to `store` (Wasmtime would panic on another store's object).
pub unsafe fn resolve<'a>(
    store: &StoreContextMut<'_, StoreData>,
    ext: *const nsw_extern_t,
    kind: u32,
) -> NswResult<&'a nsw_extern_t> {
    let e = unsafe { handle::get(ext)? };
    if e.store_id != store.data().id {
        return Err(nsw_error_t::invalid("the extern belongs to another store than the context"));
    }
    if e.desc.kind() != kind {
        let names = ["function", "global", "memory", "table", "tag"];
        let name = |k: u32| names.get(k as usize).copied().unwrap_or("?");
        return Err(nsw_error_t::invalid(format!("extern is a {}, not a {}", name(e.desc.kind()), name(kind))));
    }
    Ok(e)
}

/// For the `else` of matching a resolved extern's Wasmtime value against its
/// kind; they agree by construction.
pub fn unreachable_kind<T>() -> NswResult<T> {
    Err(nsw_error_t::invalid("extern kind does not match its type"))
}

/// Writes a new handle for `ext` through `out`.
pub unsafe fn hand_out(ctx: &mut StoreContextMut<'_, StoreData>, ext: Extern, out: *mut *mut nsw_extern_t) -> NswResult<()> {
    if out.is_null() {
        return Err(nsw_error_t::invalid("out-pointer for extern is NULL"));
    }
    let handle = handle::into_raw(nsw_extern_t::new(ctx, ext));
    unsafe { handle::write_out(out, handle, "extern") }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_extern_delete(ext: *mut nsw_extern_t) {
    unsafe { handle::delete(ext) }
}

/// The extern's type (arrays borrowed from the handle).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_extern_type(ext: *const nsw_extern_t, out_type: *mut nsw_extern_type_t) -> *mut nsw_error_t {
    to_c((|| {
        let e = unsafe { handle::get(ext)? };
        unsafe { handle::write_out(out_type, e.desc.as_c(), "type") }
    })())
}
