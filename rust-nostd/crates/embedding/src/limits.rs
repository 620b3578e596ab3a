//! `Limits`: the caps `nsw_store_limits_set` puts on a store, as Wasmtime's
//! resource limiter, and how a refusal becomes an error.
//!
//! Memory bytes and table elements are capped per store: the limiter sees one
//! memory or table at a time (`current` and `desired` of that one), so it adds
//! every growth it allows to the store's running totals. Memories and tables
//! live as long as their store, so the totals never go down. A growth that
//! Wasmtime fails after the limiter allowed it (the host is out of memory)
//! stays counted: the totals err on the side of refusing.

use crate::error::{NSW_ERROR_RESOURCE_LIMIT, NSW_ERROR_RUNTIME, nsw_error_t};
use alloc::boxed::Box;
use alloc::format;
use wasmtime::{ResourceLimiter, Result};

/// The caps of one store; `None` is no cap.
#[derive(Default, Clone, Copy)]
pub struct Caps {
    pub memory_bytes: Option<u64>,
    pub table_elements: Option<u64>,
    pub instances: Option<u64>,
    pub tables: Option<u64>,
    pub memories: Option<u64>,
    /// Ref ids and extern handles the embedder holds at once (`ref_registry.rs`
    /// counts the ref ids; the bindings count their handles).
    pub references: Option<u64>,
}

/// A store's caps and what its memories and tables use; `hit` remembers which
/// cap refused the current request, so that its failure is reported as a
/// resource limit, not a generic error.
#[derive(Default)]
pub struct Limits {
    pub caps: Caps,
    memory_bytes: u64,
    table_elements: u64,
    pub hit: Option<&'static str>,
}

impl Limits {
    /// Classifies a failure to create or grow a memory or table: a store cap,
    /// or Wasmtime's own refusal.
    pub fn growth_error(&mut self, err: wasmtime::Error) -> Box<nsw_error_t> {
        match self.hit.take() {
            Some(what) => nsw_error_t::new(NSW_ERROR_RESOURCE_LIMIT, format!("store limit on {what} reached: {err}")),
            None => nsw_error_t::from_wasmtime(err, NSW_ERROR_RUNTIME),
        }
    }
}

/// Adds the growth of one memory or table from `current` to `desired` to the
/// store's `total` if that stays within `cap`. Growth past the object's own
/// `maximum` is allowed uncounted: Wasmtime refuses it right after asking.
fn admit(total: &mut u64, cap: Option<u64>, current: usize, desired: usize, maximum: Option<usize>) -> bool {
    if maximum.is_some_and(|m| desired > m) {
        return true;
    }
    let grown = total.saturating_add((desired as u64).saturating_sub(current as u64));
    if cap.is_some_and(|c| grown > c) {
        return false;
    }
    *total = grown;
    true
}

impl ResourceLimiter for Limits {
    fn memory_growing(&mut self, current: usize, desired: usize, maximum: Option<usize>) -> Result<bool> {
        let ok = admit(&mut self.memory_bytes, self.caps.memory_bytes, current, desired, maximum);
        // Every request decides afresh: a refusal seen earlier must not label this one.
        self.hit = if ok { None } else { Some("memory bytes") };
        Ok(ok)
    }

    fn memory_grow_failed(&mut self, _error: wasmtime::Error) -> Result<()> {
        // Wasmtime refused on its own (the memory's type or maximum, or no memory left).
        self.hit = None;
        Ok(())
    }

    fn table_growing(&mut self, current: usize, desired: usize, maximum: Option<usize>) -> Result<bool> {
        let ok = admit(&mut self.table_elements, self.caps.table_elements, current, desired, maximum);
        self.hit = if ok { None } else { Some("table elements") };
        Ok(ok)
    }

    fn table_grow_failed(&mut self, _error: wasmtime::Error) -> Result<()> {
        self.hit = None;
        Ok(())
    }

    fn instances(&self) -> usize {
        count(self.caps.instances)
    }

    fn tables(&self) -> usize {
        count(self.caps.tables)
    }

    fn memories(&self) -> usize {
        count(self.caps.memories)
    }
}

fn count(cap: Option<u64>) -> usize {
    cap.map_or(usize::MAX, |c| usize::try_from(c).unwrap_or(usize::MAX))
}
