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
pub mod exception;
pub mod externs;
pub mod func;
pub mod global;
mod handle;
mod host_features;
pub mod host_func;
pub mod instance;
mod limits;
pub mod linker;
pub mod memory;
pub mod module;
mod panic;
mod platform;
mod ref_registry;
mod stack_room;
pub mod store;
mod store_data;
pub mod table;
pub mod types;
pub mod values;
pub mod version;
