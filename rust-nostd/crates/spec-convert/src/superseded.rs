//! Older test files assert that modules are invalid which later proposals
//! made valid: `(memory 1) (memory 1)` is "multiple memories" in wasm-v1
//! but fine with multi-memory, a non-zero `memory.grow` byte is a memory
//! index, and so on. Our engine enables those proposals, so it accepts such
//! modules. When the feature set the file was written for rejects the module
//! and a proposal this build enables accepts it, the assertion is superseded:
//! the runner skips it with that explanation instead of failing it.

use wasmparser::{Validator, WasmFeatures as F};

/// What the build enables beyond wasm 2.0 and earlier proposals, with the
/// names the testsuite uses (tried in this order to name the one that
/// makes a module valid).
const ENABLED: &[(&str, F)] = &[
    ("multi-memory", F::MULTI_MEMORY),
    ("memory64", F::MEMORY64),
    ("reference-types", F::REFERENCE_TYPES.union(F::BULK_MEMORY)),
    ("bulk-memory", F::BULK_MEMORY),
    ("multi-value", F::MULTI_VALUE),
    ("sign-extension-ops", F::SIGN_EXTENSION),
    ("nontrapping-float-to-int-conversions", F::SATURATING_FLOAT_TO_INT),
    ("simd", F::SIMD),
    ("relaxed-simd", F::SIMD.union(F::RELAXED_SIMD)),
    ("tail-call", F::TAIL_CALL),
    ("extended-const", F::EXTENDED_CONST),
    ("function-references", F::FUNCTION_REFERENCES.union(F::TAIL_CALL)),
    ("gc", F::GC.union(F::FUNCTION_REFERENCES).union(F::TAIL_CALL)),
    ("exceptions", F::EXCEPTIONS),
    ("wide-arithmetic", F::WIDE_ARITHMETIC),
];

/// The features a test directory was written against; `None` for wasm 3.0
/// and later, which nothing in this build supersedes.
pub fn base_features(suite: &str) -> Option<F> {
    let own = |name: &str| ENABLED.iter().find(|(n, _)| *n == name).map_or(F::empty(), |(_, f)| *f);
    match suite {
        "wasm-v1" => Some(F::WASM1),
        "wasm-v2" => Some(F::WASM2),
        "wasm-v3" | "wasm-latest" => None,
        _ => {
            let proposal = suite.strip_prefix("proposals/")?;
            let before_v2 = matches!(
                proposal,
                "bulk-memory"
                    | "reference-types"
                    | "multi-value"
                    | "mutable-global"
                    | "nontrapping-float-to-int-conversions"
                    | "sign-extension-ops"
            );
            let base = if before_v2 { F::WASM1 } else { F::WASM2 };
            Some(base.union(own(proposal)))
        }
    }
}

/// For a module our engine accepted although the file expects a rejection:
/// the reason to skip the assertion, when it is superseded.
pub fn superseded(suite: &str, binary: &[u8]) -> Option<String> {
    let base = base_features(suite)?;
    let base_error = validate(base, binary).err()?;
    let cause = ENABLED
        .iter()
        .find(|(_, f)| !base.contains(*f) && validate(base.union(*f), binary).is_ok())
        .map_or_else(|| "proposals this build enables".to_string(), |(name, _)| format!("the {name} proposal"));
    Some(format!(
        "superseded: valid with {cause}, which this build enables; with the features {suite} was written for it is rejected ({base_error})"
    ))
}

/// Rejection assertions of proposal files that the merged specification
/// later reversed, by file and line, with where the spec now says otherwise.
/// Consulted only for assertions the engine accepted; the crate's tests
/// check that each entry still applies.
pub const REVERSED: &[(&str, usize, &str)] = &[(
    "proposals/reference-types/unreached-invalid.wast",
    539,
    "reversed by wasm 2.0: br_table after unreachable meets at the bottom type, so the module is valid \
     (wasm-v2/unreached-valid.wast, \"meet-bottom\")",
)];

/// The reason an accepted assertion at `source`:`line` is listed in [`REVERSED`].
pub fn reversed(source: &str, line: usize) -> Option<String> {
    REVERSED.iter().find(|(s, l, _)| *s == source && *l == line).map(|(_, _, why)| format!("superseded: {why}"))
}

fn validate(features: F, binary: &[u8]) -> Result<(), String> {
    Validator::new_with_features(features).validate_all(binary).map(drop).map_err(|e| e.to_string())
}
