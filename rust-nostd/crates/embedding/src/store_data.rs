//! `StoreData`: what every Wasmtime `Store` of this embedding carries (its `T`).
//!
//! It has a file of its own, below `store.rs` and `context.rs`, because both
//! of those and everything that touches store-owned objects need it, while
//! `store.rs` itself depends on `context.rs`.

use crate::limits::Limits;
use crate::ref_registry::RefRegistry;
use alloc::collections::BTreeMap;
use alloc::string::String;

pub struct StoreData {
    pub id: u64,
    pub epoch_enabled: bool,
    /// The thread stack the store's wasm may use (`nsw_engine_t::native_wasm_stack`).
    pub native_wasm_stack: usize,
    pub limits: Limits,
    pub refs: RefRegistry,
    /// The identity keys handed out for memories, tables and globals
    /// (`context.rs`, `nsw_context_extern_key`), by Wasmtime's description of
    /// the object; one entry per distinct object asked about.
    pub identities: BTreeMap<String, u64>,
}

impl StoreData {
    pub fn new(id: u64, epoch_enabled: bool, native_wasm_stack: usize) -> StoreData {
        StoreData {
            id,
            epoch_enabled,
            native_wasm_stack,
            limits: Limits::default(),
            refs: RefRegistry::default(),
            identities: BTreeMap::new(),
        }
    }
}
