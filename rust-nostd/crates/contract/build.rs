//! Exposes the workspace's Wasmtime pin as NSW_WASMTIME_VERSION, so the version
//! written into artifacts is the one in Cargo.toml and nowhere else.
use std::{env, fs, path::PathBuf};

fn main() {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap()).join("../../Cargo.toml");
    println!("cargo:rerun-if-changed={}", manifest.display());
    let text = fs::read_to_string(&manifest).expect("read the workspace Cargo.toml");
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("wasmtime ="))
        .expect("the workspace Cargo.toml pins `wasmtime = { version = \"=X.Y.Z\", ... }`");
    let version = line
        .split("version = \"=")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the wasmtime pin must be an exact `=X.Y.Z` version");
    println!("cargo:rustc-env=NSW_WASMTIME_VERSION={version}");
}
