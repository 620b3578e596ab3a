//! The platform shim's own functions the embedding calls (Wasmtime calls the
//! shim's `wasmtime_*` functions itself). Declared in C in
//! `platform-shim/include/nsw-platform.h`; a custom shim must provide them.

unsafe extern "C" {
    fn nsw_platform_thread_stack(low: *mut usize, high: *mut usize) -> i32;
    fn nsw_platform_trap_install_error() -> i32;
    fn wasmtime_page_size() -> usize;
}

/// The calling thread's stack as `(lowest address, address past the highest)`,
/// or `None` when the shim cannot tell.
pub fn thread_stack() -> Option<(usize, usize)> {
    let (mut low, mut high) = (0usize, 0usize);
    // SAFETY: the shim writes two words through valid pointers and keeps nothing.
    let rc = unsafe { nsw_platform_thread_stack(&mut low, &mut high) };
    (rc == 0 && low < high).then_some((low, high))
}

/// The errno with which installing the trap handlers failed, if it did.
pub fn trap_install_error() -> Option<i32> {
    // SAFETY: reads one word.
    let rc = unsafe { nsw_platform_trap_install_error() };
    (rc != 0).then_some(rc)
}

/// The host's page size.
pub fn page_size() -> usize {
    // SAFETY: no arguments, no state.
    unsafe { wasmtime_page_size() }
}
