//! Arguments and expected results as JSON (FORMAT.md, "Values and patterns").
//!
//! Numbers travel as unsigned decimal strings of their bits: JSON numbers
//! cannot hold every i64/u64 exactly in Java's or JavaScript's readers, and
//! float bits must survive untouched (NaN payloads, signed zeros).

use serde_json::{Value, json};
use wast::core::{AbstractHeapType, HeapType, NanPattern, V128Const, V128Pattern, WastArgCore, WastRetCore};
use wast::token::{F32, F64, Index};
use wast::{WastArg, WastRet};

/// Why a value or pattern cannot be written for the runner; the command
/// becomes a `skip` with this reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsupported(pub String);

pub fn arg(value: &WastArg<'_>) -> Result<Value, Unsupported> {
    match value {
        WastArg::Core(core) => Ok(arg_core(core)),
        _ => Err(Unsupported("a component-model value (components are not run)".into())),
    }
}

pub fn arg_core(value: &WastArgCore<'_>) -> Value {
    match value {
        WastArgCore::I32(v) => num("i32", *v as u32 as u64),
        WastArgCore::I64(v) => num("i64", *v as u64),
        WastArgCore::F32(v) => num("f32", v.bits as u64),
        WastArgCore::F64(v) => num("f64", v.bits),
        WastArgCore::V128(v) => v128_const(v),
        WastArgCore::RefNull(heap) => json!({"type": "ref_null", "heap": heap_name(heap)}),
        WastArgCore::RefExtern(n) => json!({"type": "ref_extern", "value": n.to_string()}),
        WastArgCore::RefHost(n) => json!({"type": "ref_host", "value": n.to_string()}),
    }
}

/// The expected results of an `assert_return`: either one list of patterns
/// (`expected`) or, when a result is `(either ...)`, every combination of
/// the alternatives as full result lists (`either`).
pub fn results(rets: &[WastRet<'_>]) -> Result<(&'static str, Value), Unsupported> {
    let mut cores = Vec::with_capacity(rets.len());
    for ret in rets {
        match ret {
            WastRet::Core(core) => cores.push(core),
            _ => return Err(Unsupported("a component-model result (components are not run)".into())),
        }
    }
    if !cores.iter().any(|r| matches!(r, WastRetCore::Either(_))) {
        let list: Vec<Value> = cores.iter().map(|r| pattern(r)).collect::<Result<_, _>>()?;
        return Ok(("expected", Value::Array(list)));
    }
    let mut alternatives: Vec<Vec<Value>> = vec![Vec::new()];
    for ret in cores {
        let options: Vec<Value> = match ret {
            WastRetCore::Either(options) => options.iter().map(pattern).collect::<Result<_, _>>()?,
            other => vec![pattern(other)?],
        };
        alternatives = alternatives
            .into_iter()
            .flat_map(|prefix| {
                options.iter().map(move |option| {
                    let mut list = prefix.clone();
                    list.push(option.clone());
                    list
                })
            })
            .collect();
    }
    Ok(("either", Value::Array(alternatives.into_iter().map(Value::Array).collect())))
}

pub fn pattern(ret: &WastRetCore<'_>) -> Result<Value, Unsupported> {
    Ok(match ret {
        WastRetCore::I32(v) => num("i32", *v as u32 as u64),
        WastRetCore::I64(v) => num("i64", *v as u64),
        WastRetCore::F32(p) => float_pattern("f32", p, |f: &F32| f.bits as u64),
        WastRetCore::F64(p) => float_pattern("f64", p, |f: &F64| f.bits),
        WastRetCore::V128(p) => v128_pattern(p),
        WastRetCore::RefNull(heap) => {
            json!({"type": "ref_null", "heap": heap.as_ref().map(heap_name)})
        }
        WastRetCore::RefExtern(n) => json!({"type": "ref_extern", "value": n.map(|n| n.to_string())}),
        WastRetCore::RefHost(n) => json!({"type": "ref_host", "value": n.to_string()}),
        WastRetCore::RefFunc(index) => json!({"type": "ref_func", "value": index.as_ref().map(index_name)}),
        WastRetCore::RefAny => json!({"type": "ref_any"}),
        WastRetCore::RefEq => json!({"type": "ref_eq"}),
        WastRetCore::RefArray => json!({"type": "ref_array"}),
        WastRetCore::RefStruct => json!({"type": "ref_struct"}),
        WastRetCore::RefI31 => json!({"type": "ref_i31"}),
        WastRetCore::RefI31Shared => json!({"type": "ref_i31_shared"}),
        WastRetCore::Either(_) => {
            return Err(Unsupported("an (either ...) nested inside another (either ...)".into()));
        }
    })
}

fn num(ty: &str, bits: u64) -> Value {
    json!({"type": ty, "value": bits.to_string()})
}

fn float_pattern<T>(ty: &str, p: &NanPattern<T>, bits: impl Fn(&T) -> u64) -> Value {
    json!({"type": ty, "value": nan_or_bits(p, bits)})
}

fn nan_or_bits<T>(p: &NanPattern<T>, bits: impl Fn(&T) -> u64) -> String {
    match p {
        NanPattern::CanonicalNan => "nan:canonical".into(),
        NanPattern::ArithmeticNan => "nan:arithmetic".into(),
        NanPattern::Value(v) => bits(v).to_string(),
    }
}

fn lanes(lane_type: &str, values: Vec<String>) -> Value {
    json!({"type": "v128", "lane_type": lane_type, "value": values})
}

fn v128_const(v: &V128Const) -> Value {
    match v {
        V128Const::I8x16(a) => lanes("i8", a.iter().map(|x| (*x as u8).to_string()).collect()),
        V128Const::I16x8(a) => lanes("i16", a.iter().map(|x| (*x as u16).to_string()).collect()),
        V128Const::I32x4(a) => lanes("i32", a.iter().map(|x| (*x as u32).to_string()).collect()),
        V128Const::I64x2(a) => lanes("i64", a.iter().map(|x| (*x as u64).to_string()).collect()),
        V128Const::F32x4(a) => lanes("f32", a.iter().map(|x| x.bits.to_string()).collect()),
        V128Const::F64x2(a) => lanes("f64", a.iter().map(|x| x.bits.to_string()).collect()),
    }
}

fn v128_pattern(p: &V128Pattern) -> Value {
    match p {
        V128Pattern::I8x16(a) => lanes("i8", a.iter().map(|x| (*x as u8).to_string()).collect()),
        V128Pattern::I16x8(a) => lanes("i16", a.iter().map(|x| (*x as u16).to_string()).collect()),
        V128Pattern::I32x4(a) => lanes("i32", a.iter().map(|x| (*x as u32).to_string()).collect()),
        V128Pattern::I64x2(a) => lanes("i64", a.iter().map(|x| (*x as u64).to_string()).collect()),
        V128Pattern::F32x4(a) => lanes("f32", a.iter().map(|p| nan_or_bits(p, |f: &F32| f.bits as u64)).collect()),
        V128Pattern::F64x2(a) => lanes("f64", a.iter().map(|p| nan_or_bits(p, |f: &F64| f.bits)).collect()),
    }
}

/// `func`, `extern`, `any`, ...; `shared any` for shared abstract types; a
/// concrete type is written as its index (`$t` or a number) so the runner can
/// tell it is not an abstract heap type.
pub fn heap_name(heap: &HeapType<'_>) -> String {
    match heap {
        HeapType::Abstract { shared, ty } => {
            let name = abstract_name(ty);
            if *shared { format!("shared {name}") } else { name.to_string() }
        }
        HeapType::Concrete(index) => index_name(index),
        HeapType::Exact(index) => format!("exact {}", index_name(index)),
    }
}

fn abstract_name(ty: &AbstractHeapType) -> &'static str {
    match ty {
        AbstractHeapType::Func => "func",
        AbstractHeapType::Extern => "extern",
        AbstractHeapType::Exn => "exn",
        AbstractHeapType::Cont => "cont",
        AbstractHeapType::Any => "any",
        AbstractHeapType::Eq => "eq",
        AbstractHeapType::Struct => "struct",
        AbstractHeapType::Array => "array",
        AbstractHeapType::I31 => "i31",
        AbstractHeapType::NoFunc => "nofunc",
        AbstractHeapType::NoExtern => "noextern",
        AbstractHeapType::None => "none",
        AbstractHeapType::NoExn => "noexn",
        AbstractHeapType::NoCont => "nocont",
    }
}

fn index_name(index: &Index<'_>) -> String {
    match index {
        Index::Num(n, _) => n.to_string(),
        Index::Id(id) => format!("${}", id.name()),
    }
}
