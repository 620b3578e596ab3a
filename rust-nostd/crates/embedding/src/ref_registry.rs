//! `RefRegistry`: the per-store table behind the ref ids that carry
//! `funcref` and `externref` values across the C ABI.

use crate::error::{NSW_ERROR_RESOURCE_LIMIT, NswResult, nsw_error_t};
use alloc::format;
use alloc::vec::Vec;
use wasmtime::{ExternRef, Func, OwnedRooted};

/// A reference value held for the embedder.
pub enum RefEntry {
    Func(Func),
    Extern(OwnedRooted<ExternRef>),
}

/// Reference values cross the C ABI as ids into this per-store table (id 0
/// is null), so no raw GC or function pointer is ever trusted from outside.
/// At most `cap` ids are live at once: the embedder releases every id it is
/// given, and one that does not cannot grow the table without bound.
#[derive(Default)]
pub struct RefRegistry {
    entries: Vec<Option<RefEntry>>,
    free: Vec<usize>,
    cap: Option<u64>,
}

impl RefRegistry {
    pub fn set_cap(&mut self, cap: Option<u64>) {
        self.cap = cap;
    }

    fn live(&self) -> usize {
        self.entries.len() - self.free.len()
    }

    pub fn insert(&mut self, entry: RefEntry) -> NswResult<u64> {
        if self.cap.is_some_and(|c| self.live() as u64 >= c) {
            return Err(nsw_error_t::new(
                NSW_ERROR_RESOURCE_LIMIT,
                format!(
                    "store limit on references reached: {} reference values are held for the host at once; \
                     release them (return from the host call) or raise StoreLimits.references",
                    self.live()
                ),
            ));
        }
        let index = match self.free.pop() {
            Some(i) => {
                self.entries[i] = Some(entry);
                i
            }
            None => {
                self.entries.push(Some(entry));
                self.entries.len() - 1
            }
        };
        Ok(index as u64 + 1)
    }

    pub fn get(&self, id: u64) -> Option<&RefEntry> {
        let index = usize::try_from(id.checked_sub(1)?).ok()?;
        self.entries.get(index)?.as_ref()
    }

    pub fn release(&mut self, id: u64) -> bool {
        let Some(index) = id.checked_sub(1).and_then(|i| usize::try_from(i).ok()) else {
            return false;
        };
        match self.entries.get_mut(index) {
            Some(slot @ Some(_)) => {
                *slot = None;
                self.free.push(index);
                true
            }
            _ => false,
        }
    }
}
