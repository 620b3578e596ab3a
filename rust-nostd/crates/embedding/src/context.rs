//! `nsw_context_t`: the store as seen by one call. Outside wasm it is the
//! store's own context; inside a host function it is the caller, so host code
//! can touch memories and globals without a second mutable path to the store.

use crate::error::NswResult;
use crate::handle::{self, Tag, Tagged};
use alloc::vec::Vec;
use wasmtime::{AsContextMut, Caller, ExternRef, Func, OwnedRooted, ResourceLimiter, Result, Store, StoreContextMut};

/// What a store carries for this embedding.
pub struct StoreData {
    pub id: u64,
    pub epoch_enabled: bool,
    pub limits: Limits,
    pub refs: RefRegistry,
}

impl StoreData {
    pub fn new(id: u64, epoch_enabled: bool) -> StoreData {
        StoreData { id, epoch_enabled, limits: Limits::default(), refs: RefRegistry::default() }
    }
}

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

enum Inner {
    Store(*mut Store<StoreData>),
    Caller(*mut Caller<'static, StoreData>),
}

pub struct nsw_context_t {
    inner: Inner,
}

unsafe impl Tagged for nsw_context_t {
    const TAG: Tag = Tag::Context;
    const NAME: &'static str = "context";
}

impl nsw_context_t {
    pub fn for_store(store: &mut Store<StoreData>) -> nsw_context_t {
        nsw_context_t { inner: Inner::Store(store) }
    }

    /// A context valid only while `caller` is (the duration of a host call).
    pub fn for_caller(caller: &mut Caller<'_, StoreData>) -> nsw_context_t {
        let ptr = caller as *mut Caller<'_, StoreData> as *mut Caller<'static, StoreData>;
        nsw_context_t { inner: Inner::Caller(ptr) }
    }

    /// The store behind a context handle.
    pub unsafe fn get<'a>(ptr: *mut nsw_context_t) -> NswResult<StoreContextMut<'a, StoreData>> {
        let c = unsafe { handle::get_mut(ptr)? };
        Ok(match c.inner {
            Inner::Store(s) => unsafe { &mut *s }.as_context_mut(),
            Inner::Caller(c) => unsafe { &mut *c }.as_context_mut(),
        })
    }

    /// The caller behind a context handle, if it is one.
    pub unsafe fn caller<'a>(ptr: *mut nsw_context_t) -> NswResult<Option<&'a mut Caller<'static, StoreData>>> {
        let c = unsafe { handle::get_mut(ptr)? };
        Ok(match c.inner {
            Inner::Store(_) => None,
            Inner::Caller(c) => Some(unsafe { &mut *c }),
        })
    }
}
