//! `nsw_abi_version` and `nsw_wasmtime_version`: the versions a binding
//! checks before it trusts this library.

/// Bumped whenever a function signature or struct layout of `nsw.h` changes.
pub const NSW_ABI_VERSION: u32 = 8;

/// The C ABI version of this library (`NSW_ABI_VERSION` of its header).
#[unsafe(no_mangle)]
pub extern "C" fn nsw_abi_version() -> u32 {
    NSW_ABI_VERSION
}

/// The Wasmtime version this runtime embeds, as UTF-8 (not NUL-terminated).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_wasmtime_version(out_ptr: *mut *const u8, out_len: *mut usize) {
    let v = nsw_contract::WASMTIME_VERSION;
    unsafe {
        if let Some(p) = out_ptr.as_mut() {
            *p = v.as_ptr();
        }
        if let Some(l) = out_len.as_mut() {
            *l = v.len();
        }
    }
}
