//! Rust's heap is the C library's heap: inside a JVM process libc is the
//! platform, and sharing its allocator keeps native memory visible to the
//! usual tools (NMT excluded, RSS and malloc statistics included).

use core::alloc::{GlobalAlloc, Layout};
use core::ffi::c_void;

unsafe extern "C" {
    fn malloc(size: usize) -> *mut c_void;
    fn calloc(count: usize, size: usize) -> *mut c_void;
    fn realloc(ptr: *mut c_void, size: usize) -> *mut c_void;
    fn free(ptr: *mut c_void);
    fn posix_memalign(out: *mut *mut c_void, align: usize, size: usize) -> i32;
}

/// glibc's malloc guarantees 16-byte alignment on both targets we ship.
const MALLOC_ALIGN: usize = 16;

struct LibcAllocator;

#[global_allocator]
static ALLOCATOR: LibcAllocator = LibcAllocator;

unsafe impl GlobalAlloc for LibcAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        unsafe {
            if layout.align() <= MALLOC_ALIGN {
                malloc(layout.size()).cast()
            } else {
                let mut out = core::ptr::null_mut();
                let align = layout.align().max(core::mem::size_of::<usize>());
                match posix_memalign(&mut out, align, layout.size()) {
                    0 => out.cast(),
                    _ => core::ptr::null_mut(),
                }
            }
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        unsafe {
            if layout.align() <= MALLOC_ALIGN {
                calloc(1, layout.size()).cast()
            } else {
                let ptr = self.alloc(layout);
                if !ptr.is_null() {
                    core::ptr::write_bytes(ptr, 0, layout.size());
                }
                ptr
            }
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        unsafe { free(ptr.cast()) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        unsafe {
            if layout.align() <= MALLOC_ALIGN {
                realloc(ptr.cast(), new_size).cast()
            } else {
                let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
                let new = self.alloc(new_layout);
                if !new.is_null() {
                    core::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                    self.dealloc(ptr, layout);
                }
                new
            }
        }
    }
}
