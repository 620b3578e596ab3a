//! Intentionally empty: see Cargo.toml.
#![no_std]
