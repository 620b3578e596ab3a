//! `nsw_instance_t`: an instantiated module inside a store (made by
//! `nsw_linker_instantiate` in `linker.rs`), and its exports.

use crate::context::nsw_context_t;
use crate::error::{nsw_error_t, to_c};
use crate::externs::{hand_out, nsw_extern_t};
use crate::handle::{self, Tag, Tagged};
use alloc::format;
use wasmtime::Instance;

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
