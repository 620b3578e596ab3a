//! `Limits`: the caps `nsw_store_limits_set` puts on a store, as Wasmtime's
//! resource limiter, and how a refusal becomes an error.

use crate::error::{NSW_ERROR_RESOURCE_LIMIT, NSW_ERROR_RUNTIME, nsw_error_t};
use alloc::boxed::Box;
use alloc::format;
use wasmtime::{ResourceLimiter, Result};

/// Store limits; `hit` remembers which cap refused a request so a failed
/// instantiation can be reported as a resource limit, not a generic error.
#[derive(Default)]
pub struct Limits {
    pub memory_bytes: Option<u64>,
    pub table_elements: Option<u64>,
    pub instances: Option<u64>,
    pub tables: Option<u64>,
    pub memories: Option<u64>,
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

fn within(cap: Option<u64>, desired: usize) -> bool {
    cap.is_none_or(|c| desired as u64 <= c)
}

impl ResourceLimiter for Limits {
    fn memory_growing(&mut self, _current: usize, desired: usize, _maximum: Option<usize>) -> Result<bool> {
        let ok = within(self.memory_bytes, desired);
        if !ok {
            self.hit = Some("memory size");
        }
        Ok(ok)
    }

    fn table_growing(&mut self, _current: usize, desired: usize, _maximum: Option<usize>) -> Result<bool> {
        let ok = within(self.table_elements, desired);
        if !ok {
            self.hit = Some("table elements");
        }
        Ok(ok)
    }

    fn instances(&self) -> usize {
        self.instances.map_or(usize::MAX, |c| c as usize)
    }

    fn tables(&self) -> usize {
        self.tables.map_or(usize::MAX, |c| c as usize)
    }

    fn memories(&self) -> usize {
        self.memories.map_or(usize::MAX, |c| c as usize)
    }
}
