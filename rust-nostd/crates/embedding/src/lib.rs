//! The `#![no_std]` Wasmtime embedding and its C ABI.
//!
//! Every `extern "C"` function here is part of `include/nsw.h`, which cbindgen
//! generates from this crate. Conventions (DESIGN.md section 5): functions are
//! `nsw_<noun>_<verb>`; a call that can fail returns an owned `nsw_error_t*`
//! (NULL on success) and writes results through out-pointers; objects made by
//! `_new` are freed by `_delete`. No input may make this crate panic: a panic
//! here aborts the JVM that loaded it.
#![no_std]
#![allow(non_camel_case_types, reason = "C names of the ABI")]

extern crate alloc;

mod allocator;
pub mod context;
pub mod engine;
pub mod error;
pub mod externs;
mod handle;
mod host_features;
pub mod instance;
pub mod linker;
pub mod module;
mod panic;
pub mod store;
pub mod types;
pub mod values;
pub mod version;
