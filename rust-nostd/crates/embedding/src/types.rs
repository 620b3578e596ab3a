//! Types as the C ABI describes them: value types are one byte each, and an
//! extern type is one flat struct whose arrays point into memory owned by the
//! object it was read from.

use alloc::vec::Vec;
use wasmtime::{ExternType, FuncType, GlobalType, HeapType, MemoryType, Mutability, RefType, TableType, ValType};

pub const NSW_VAL_I32: u8 = 0;
pub const NSW_VAL_I64: u8 = 1;
pub const NSW_VAL_F32: u8 = 2;
pub const NSW_VAL_F64: u8 = 3;
pub const NSW_VAL_V128: u8 = 4;
/// `(ref null func)`
pub const NSW_VAL_FUNCREF: u8 = 5;
/// `(ref null extern)`
pub const NSW_VAL_EXTERNREF: u8 = 6;
/// Any other reference type (typed function references, GC types, exnref):
/// described, but values of it cannot cross the C ABI yet.
pub const NSW_VAL_OTHER_REF: u8 = 7;

pub const NSW_EXTERN_FUNC: u32 = 0;
pub const NSW_EXTERN_GLOBAL: u32 = 1;
pub const NSW_EXTERN_MEMORY: u32 = 2;
pub const NSW_EXTERN_TABLE: u32 = 3;
pub const NSW_EXTERN_TAG: u32 = 4;

/// An extern's type. `params`/`results` are value-type codes (NSW_VAL_*) for
/// functions (and tags); `content` is a global's value type or a table's
/// element type; limits are in pages for memories and elements for tables.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct nsw_extern_type_t {
    pub kind: u32,
    pub params: *const u8,
    pub params_len: usize,
    pub results: *const u8,
    pub results_len: usize,
    pub content: u8,
    pub is_mutable: bool,
    pub is_64: bool,
    pub is_shared: bool,
    pub has_maximum: bool,
    pub minimum: u64,
    pub maximum: u64,
}

/// The owned form of `nsw_extern_type_t`.
pub struct ExternDesc {
    kind: u32,
    params: Vec<u8>,
    results: Vec<u8>,
    content: u8,
    is_mutable: bool,
    is_64: bool,
    is_shared: bool,
    maximum: Option<u64>,
    minimum: u64,
}

pub fn val_code(ty: &ValType) -> u8 {
    match ty {
        ValType::I32 => NSW_VAL_I32,
        ValType::I64 => NSW_VAL_I64,
        ValType::F32 => NSW_VAL_F32,
        ValType::F64 => NSW_VAL_F64,
        ValType::V128 => NSW_VAL_V128,
        ValType::Ref(r) => ref_code(r),
    }
}

pub fn ref_code(ty: &RefType) -> u8 {
    match (ty.is_nullable(), ty.heap_type()) {
        (true, HeapType::Func) => NSW_VAL_FUNCREF,
        (true, HeapType::Extern) => NSW_VAL_EXTERNREF,
        _ => NSW_VAL_OTHER_REF,
    }
}

pub fn val_type(code: u8) -> Option<ValType> {
    Some(match code {
        NSW_VAL_I32 => ValType::I32,
        NSW_VAL_I64 => ValType::I64,
        NSW_VAL_F32 => ValType::F32,
        NSW_VAL_F64 => ValType::F64,
        NSW_VAL_V128 => ValType::V128,
        NSW_VAL_FUNCREF => ValType::FUNCREF,
        NSW_VAL_EXTERNREF => ValType::EXTERNREF,
        _ => return None,
    })
}

impl ExternDesc {
    fn empty(kind: u32) -> ExternDesc {
        ExternDesc {
            kind,
            params: Vec::new(),
            results: Vec::new(),
            content: 0,
            is_mutable: false,
            is_64: false,
            is_shared: false,
            maximum: None,
            minimum: 0,
        }
    }

    pub fn of_func(ty: &FuncType) -> ExternDesc {
        ExternDesc {
            params: ty.params().map(|t| val_code(&t)).collect(),
            results: ty.results().map(|t| val_code(&t)).collect(),
            ..ExternDesc::empty(NSW_EXTERN_FUNC)
        }
    }

    pub fn of_global(ty: &GlobalType) -> ExternDesc {
        ExternDesc {
            content: val_code(ty.content()),
            is_mutable: ty.mutability() == Mutability::Var,
            ..ExternDesc::empty(NSW_EXTERN_GLOBAL)
        }
    }

    pub fn of_memory(ty: &MemoryType) -> ExternDesc {
        ExternDesc {
            is_64: ty.is_64(),
            is_shared: ty.is_shared(),
            minimum: ty.minimum(),
            maximum: ty.maximum(),
            ..ExternDesc::empty(NSW_EXTERN_MEMORY)
        }
    }

    pub fn of_table(ty: &TableType) -> ExternDesc {
        ExternDesc {
            content: ref_code(ty.element()),
            is_64: ty.is_64(),
            minimum: ty.minimum(),
            maximum: ty.maximum(),
            ..ExternDesc::empty(NSW_EXTERN_TABLE)
        }
    }

    pub fn of(ty: &ExternType) -> ExternDesc {
        match ty {
            ExternType::Func(f) => ExternDesc::of_func(f),
            ExternType::Global(g) => ExternDesc::of_global(g),
            ExternType::Memory(m) => ExternDesc::of_memory(m),
            ExternType::Table(t) => ExternDesc::of_table(t),
            ExternType::Tag(t) => ExternDesc { kind: NSW_EXTERN_TAG, ..ExternDesc::of_func(t.ty()) },
        }
    }

    pub fn kind(&self) -> u32 {
        self.kind
    }

    pub fn params(&self) -> &[u8] {
        &self.params
    }

    pub fn results(&self) -> &[u8] {
        &self.results
    }

    /// The C view, borrowing this description's arrays.
    pub fn as_c(&self) -> nsw_extern_type_t {
        nsw_extern_type_t {
            kind: self.kind,
            params: self.params.as_ptr(),
            params_len: self.params.len(),
            results: self.results.as_ptr(),
            results_len: self.results.len(),
            content: self.content,
            is_mutable: self.is_mutable,
            is_64: self.is_64,
            is_shared: self.is_shared,
            has_maximum: self.maximum.is_some(),
            minimum: self.minimum,
            maximum: self.maximum.unwrap_or(0),
        }
    }
}

/// Builds a function type from value-type codes given over the C ABI.
pub fn func_type(engine: &wasmtime::Engine, params: &[u8], results: &[u8]) -> Result<FuncType, u8> {
    let p: Vec<ValType> = params.iter().map(|c| val_type(*c).ok_or(*c)).collect::<Result<_, _>>()?;
    let r: Vec<ValType> = results.iter().map(|c| val_type(*c).ok_or(*c)).collect::<Result<_, _>>()?;
    Ok(FuncType::new(engine, p, r))
}
