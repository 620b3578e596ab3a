//! `nsw_extern_t`: a function, memory, global or table owned by a store,
//! with the operations on each kind.

use crate::context::{RefEntry, StoreData, nsw_context_t};
use crate::error::{NSW_ERROR_RUNTIME, NswResult, nsw_error_t, to_c};
use crate::handle::{self, Tag, Tagged};
use crate::types::{self, ExternDesc, NSW_EXTERN_FUNC, NSW_EXTERN_GLOBAL, NSW_EXTERN_MEMORY, NSW_EXTERN_TABLE, nsw_extern_type_t};
use crate::values::{self, nsw_val_raw_t};
use alloc::format;
use alloc::vec::Vec;
use wasmtime::{
    AsContextMut, Extern, Func, Global, GlobalType, Memory, MemoryType, Mutability, RootScope, StoreContextMut,
    Table, TableType, Val, ValRaw,
};

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
}

/// Resolves a context and an extern of the expected kind and checks that the
/// extern belongs to that context's store (Wasmtime would panic otherwise).
unsafe fn resolve<'a>(
    ctx: *mut nsw_context_t,
    ext: *const nsw_extern_t,
    kind: u32,
) -> NswResult<(StoreContextMut<'a, StoreData>, &'a nsw_extern_t)> {
    let c = unsafe { nsw_context_t::get(ctx)? };
    let e = unsafe { handle::get(ext)? };
    if e.store_id != c.data().id {
        return Err(nsw_error_t::invalid("the extern belongs to another store than the context"));
    }
    if e.desc.kind() != kind {
        let names = ["function", "global", "memory", "table", "tag"];
        let name = |k: u32| names.get(k as usize).copied().unwrap_or("?");
        return Err(nsw_error_t::invalid(format!("extern is a {}, not a {}", name(e.desc.kind()), name(kind))));
    }
    Ok((c, e))
}

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

/// Calls a function. `slots` holds the parameters on entry and the results
/// on return; `slots_len` must be at least max(params, results).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_func_call(
    ctx: *mut nsw_context_t,
    func: *const nsw_extern_t,
    slots: *mut nsw_val_raw_t,
    slots_len: usize,
) -> *mut nsw_error_t {
    to_c((|| {
        let (mut c, e) = unsafe { resolve(ctx, func, NSW_EXTERN_FUNC)? };
        let Extern::Func(f) = e.ext else { unreachable_kind()? };
        let (np, nr) = (e.desc.params().len(), e.desc.results().len());
        let needed = np.max(nr);
        if slots_len < needed {
            return Err(nsw_error_t::invalid(format!(
                "function takes {np} parameters and returns {nr} results: it needs {needed} slots, got {slots_len}"
            )));
        }
        if needed > 0 && slots.is_null() {
            return Err(nsw_error_t::invalid("slots pointer is NULL"));
        }
        if e.numeric_func {
            // SAFETY: every slot is 16 plain bytes laid out like ValRaw and
            // every parameter type is numeric, so any bit pattern is valid.
            let raw = core::ptr::slice_from_raw_parts_mut(slots.cast::<ValRaw>(), needed);
            return unsafe { f.call_unchecked(&mut c, raw) }.map_err(|e| nsw_error_t::from_wasm_run(e, &mut c));
        }
        let slots = unsafe { core::slice::from_raw_parts_mut(slots, needed) };
        call_with_refs(&mut c, f, e.desc.params(), e.desc.results(), slots)
    })())
}

fn unreachable_kind<T>() -> NswResult<T> {
    Err(nsw_error_t::invalid("extern kind does not match its type"))
}

fn call_with_refs(
    c: &mut StoreContextMut<'_, StoreData>,
    f: Func,
    params: &[u8],
    results: &[u8],
    slots: &mut [nsw_val_raw_t],
) -> NswResult<()> {
    let mut scope = RootScope::new(&mut *c);
    let mut ctx = scope.as_context_mut();
    let args = params
        .iter()
        .zip(slots.iter())
        .map(|(code, slot)| values::to_val(&mut ctx, *code, slot))
        .collect::<NswResult<Vec<Val>>>()?;
    let mut out = alloc::vec![Val::I32(0); results.len()];
    f.call(&mut ctx, &args, &mut out).map_err(|e| nsw_error_t::from_wasm_run(e, &mut ctx))?;
    for (slot, val) in slots.iter_mut().zip(out.iter()) {
        *slot = values::from_val(&mut ctx, val)?;
    }
    Ok(())
}

/// The memory's current base address and size in bytes. The address changes
/// when the memory grows: read it again after any call into wasm.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_memory_data(
    ctx: *mut nsw_context_t,
    memory: *const nsw_extern_t,
    out_base: *mut *mut u8,
    out_size: *mut usize,
) -> *mut nsw_error_t {
    to_c((|| {
        let (c, e) = unsafe { resolve(ctx, memory, NSW_EXTERN_MEMORY)? };
        let Extern::Memory(m) = e.ext else { unreachable_kind()? };
        unsafe {
            handle::write_out(out_base, m.data_ptr(&c), "base")?;
            handle::write_out(out_size, m.data_size(&c), "size")
        }
    })())
}

/// The memory's size in pages.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_memory_size(
    ctx: *mut nsw_context_t,
    memory: *const nsw_extern_t,
    out_pages: *mut u64,
) -> *mut nsw_error_t {
    to_c((|| {
        let (c, e) = unsafe { resolve(ctx, memory, NSW_EXTERN_MEMORY)? };
        let Extern::Memory(m) = e.ext else { unreachable_kind()? };
        unsafe { handle::write_out(out_pages, m.size(&c), "pages") }
    })())
}

/// Grows the memory by `delta` pages and writes the previous size in pages.
/// Growing past the type's maximum or a store limit is an error.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_memory_grow(
    ctx: *mut nsw_context_t,
    memory: *const nsw_extern_t,
    delta: u64,
    out_previous: *mut u64,
) -> *mut nsw_error_t {
    to_c((|| {
        let (mut c, e) = unsafe { resolve(ctx, memory, NSW_EXTERN_MEMORY)? };
        let Extern::Memory(m) = e.ext else { unreachable_kind()? };
        let previous = m.grow(&mut c, delta).map_err(|err| limit_or(err, &mut c))?;
        unsafe { handle::write_out(out_previous, previous, "previous size") }
    })())
}

/// Classifies a growth failure: a store cap, or Wasmtime's own refusal.
fn limit_or(err: wasmtime::Error, c: &mut StoreContextMut<'_, StoreData>) -> alloc::boxed::Box<nsw_error_t> {
    match c.data_mut().limits.hit.take() {
        Some(what) => nsw_error_t::new(
            crate::error::NSW_ERROR_RESOURCE_LIMIT,
            format!("store limit on {what} reached: {err}"),
        ),
        None => nsw_error_t::from_wasmtime(err, NSW_ERROR_RUNTIME),
    }
}

/// Reads a global into one slot.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_global_get(
    ctx: *mut nsw_context_t,
    global: *const nsw_extern_t,
    out_value: *mut nsw_val_raw_t,
) -> *mut nsw_error_t {
    to_c((|| {
        let (mut c, e) = unsafe { resolve(ctx, global, NSW_EXTERN_GLOBAL)? };
        let Extern::Global(g) = e.ext else { unreachable_kind()? };
        let mut scope = RootScope::new(&mut c);
        let mut ctx = scope.as_context_mut();
        let val = g.get(&mut ctx);
        let slot = values::from_val(&mut ctx, &val)?;
        unsafe { handle::write_out(out_value, slot, "value") }
    })())
}

/// Writes a mutable global from one slot.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_global_set(
    ctx: *mut nsw_context_t,
    global: *const nsw_extern_t,
    value: *const nsw_val_raw_t,
) -> *mut nsw_error_t {
    to_c((|| {
        let (mut c, e) = unsafe { resolve(ctx, global, NSW_EXTERN_GLOBAL)? };
        let Extern::Global(g) = e.ext else { unreachable_kind()? };
        let slot = unsafe { value.as_ref() }.ok_or_else(|| nsw_error_t::invalid("value pointer is NULL"))?;
        let mut scope = RootScope::new(&mut c);
        let mut ctx = scope.as_context_mut();
        let val = values::to_val(&mut ctx, e.desc.as_c().content, slot)?;
        g.set(&mut ctx, val).map_err(|err| nsw_error_t::invalid(format!("cannot set global: {err}")))
    })())
}

/// The table's size in elements.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_table_size(
    ctx: *mut nsw_context_t,
    table: *const nsw_extern_t,
    out_size: *mut u64,
) -> *mut nsw_error_t {
    to_c((|| {
        let (c, e) = unsafe { resolve(ctx, table, NSW_EXTERN_TABLE)? };
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
        let (mut c, e) = unsafe { resolve(ctx, table, NSW_EXTERN_TABLE)? };
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
        let (mut c, e) = unsafe { resolve(ctx, table, NSW_EXTERN_TABLE)? };
        let Extern::Table(t) = e.ext else { unreachable_kind()? };
        let slot = unsafe { value.as_ref() }.ok_or_else(|| nsw_error_t::invalid("value pointer is NULL"))?;
        let mut scope = RootScope::new(&mut c);
        let mut ctx = scope.as_context_mut();
        let r = to_ref(&mut ctx, e.desc.as_c().content, slot)?;
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
        let (mut c, e) = unsafe { resolve(ctx, table, NSW_EXTERN_TABLE)? };
        let Extern::Table(t) = e.ext else { unreachable_kind()? };
        let slot = unsafe { init.as_ref() }.ok_or_else(|| nsw_error_t::invalid("init pointer is NULL"))?;
        let previous = {
            let mut scope = RootScope::new(&mut c);
            let mut ctx = scope.as_context_mut();
            let r = to_ref(&mut ctx, e.desc.as_c().content, slot)?;
            t.grow(&mut ctx, delta, r)
        };
        let previous = previous.map_err(|err| limit_or(err, &mut c))?;
        unsafe { handle::write_out(out_previous, previous, "previous size") }
    })())
}

/// Creates a global in the context's store.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_global_new(
    ctx: *mut nsw_context_t,
    content: u8,
    is_mutable: bool,
    value: *const nsw_val_raw_t,
    out: *mut *mut nsw_extern_t,
) -> *mut nsw_error_t {
    to_c((|| {
        let mut c = unsafe { nsw_context_t::get(ctx)? };
        let ty = types::val_type(content)
            .ok_or_else(|| nsw_error_t::invalid(format!("unknown value type code {content}")))?;
        let slot = unsafe { value.as_ref() }.ok_or_else(|| nsw_error_t::invalid("value pointer is NULL"))?;
        let mutability = if is_mutable { Mutability::Var } else { Mutability::Const };
        let global = {
            let mut scope = RootScope::new(&mut c);
            let mut ctx = scope.as_context_mut();
            let val = values::to_val(&mut ctx, content, slot)?;
            Global::new(&mut ctx, GlobalType::new(ty, mutability), val)
                .map_err(|e| nsw_error_t::invalid(format!("cannot create global: {e}")))?
        };
        unsafe { hand_out(&mut c, Extern::Global(global), out) }
    })())
}

/// Creates a memory in the context's store (limits in 64 KiB pages).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_memory_new(
    ctx: *mut nsw_context_t,
    minimum: u32,
    has_maximum: bool,
    maximum: u32,
    out: *mut *mut nsw_extern_t,
) -> *mut nsw_error_t {
    to_c((|| {
        let mut c = unsafe { nsw_context_t::get(ctx)? };
        if has_maximum && maximum < minimum {
            return Err(nsw_error_t::invalid("memory maximum is below its minimum"));
        }
        // MemoryType::new panics past the 32-bit index space (65536 pages of 64 KiB).
        const MAX_PAGES: u32 = 1 << 16;
        if minimum > MAX_PAGES || (has_maximum && maximum > MAX_PAGES) {
            let max = if has_maximum { format!("{maximum}") } else { "none".into() };
            return Err(nsw_error_t::invalid(format!(
                "a 32-bit memory has at most {MAX_PAGES} pages (4 GiB): minimum {minimum}, maximum {max}"
            )));
        }
        let ty = MemoryType::new(minimum, has_maximum.then_some(maximum));
        let memory = Memory::new(&mut c, ty).map_err(|err| limit_or(err, &mut c))?;
        unsafe { hand_out(&mut c, Extern::Memory(memory), out) }
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
        let table = table.map_err(|err| limit_or(err, &mut c))?;
        unsafe { hand_out(&mut c, Extern::Table(table), out) }
    })())
}

/// Registers a function as a funcref value and returns its ref id.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_context_funcref_new(
    ctx: *mut nsw_context_t,
    func: *const nsw_extern_t,
    out_ref_id: *mut u64,
) -> *mut nsw_error_t {
    to_c((|| {
        let (mut c, e) = unsafe { resolve(ctx, func, NSW_EXTERN_FUNC)? };
        let Extern::Func(f) = e.ext else { unreachable_kind()? };
        let id = c.data_mut().refs.insert(RefEntry::Func(f));
        unsafe { handle::write_out(out_ref_id, id, "ref id") }
    })())
}

/// Opens funcref `ref_id` as a callable extern (a new handle to delete).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_context_funcref_get(
    ctx: *mut nsw_context_t,
    ref_id: u64,
    out: *mut *mut nsw_extern_t,
) -> *mut nsw_error_t {
    to_c((|| {
        let mut c = unsafe { nsw_context_t::get(ctx)? };
        let f = match c.data().refs.get(ref_id) {
            Some(RefEntry::Func(f)) => *f,
            _ => return Err(nsw_error_t::invalid(format!("ref id {ref_id} is not a live funcref"))),
        };
        unsafe { hand_out(&mut c, Extern::Func(f), out) }
    })())
}
