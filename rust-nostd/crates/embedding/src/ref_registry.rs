//! `RefRegistry`: the per-store table behind the ref ids that carry
//! `funcref` and `externref` values across the C ABI.

use alloc::vec::Vec;
use wasmtime::{ExternRef, Func, OwnedRooted};

/// A reference value held for the embedder.
pub enum RefEntry {
    Func(Func),
    Extern(OwnedRooted<ExternRef>),
}

/// Reference values cross the C ABI as ids into this per-store table (id 0
/// is null), so no raw GC or function pointer is ever trusted from outside.
#[derive(Default)]
pub struct RefRegistry {
    entries: Vec<Option<RefEntry>>,
    free: Vec<usize>,
}

impl RefRegistry {
    pub fn insert(&mut self, entry: RefEntry) -> u64 {
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
        index as u64 + 1
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
