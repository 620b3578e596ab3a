//! What the precompiler and the no_std runtime must agree on.
#![no_std]

extern crate alloc;

pub mod avx_state;
pub mod envelope;
pub mod profile;

pub use envelope::{Envelope, EnvelopeError, WASMTIME_VERSION};
pub use profile::{EngineSettings, MemoryTunables, Profile, Target};
