//! Checks applied to everything that crosses the C ABI.
//!
//! Every object starts with a tag naming its type. A NULL pointer or a pointer
//! to another type of object is refused with an error instead of being used.
//! (A dangling pointer cannot be detected here; the bindings close handles
//! exactly once and check for use after close.)

use crate::error::{NswResult, nsw_error_t};
use alloc::boxed::Box;
use alloc::format;

#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tag {
    Engine = 0x4e53_5701,
    Module = 0x4e53_5702,
    Linker = 0x4e53_5703,
    Store = 0x4e53_5704,
    Instance = 0x4e53_5705,
    Extern = 0x4e53_5706,
    Context = 0x4e53_5707,
    Freed = 0x4e53_57ff,
}

/// Implemented by every handle type; its first field is `tag: Tag`.
pub unsafe trait Tagged {
    const TAG: Tag;
    const NAME: &'static str;
}

/// Borrows a handle after checking it is non-NULL and of the right type.
pub unsafe fn get<'a, T: Tagged>(ptr: *const T) -> NswResult<&'a T> {
    if ptr.is_null() {
        return Err(nsw_error_t::invalid(format!("{} handle is NULL", T::NAME)));
    }
    // SAFETY: every Tagged type is #[repr(C)] with the tag first.
    let tag = unsafe { *(ptr as *const u32) };
    if tag != T::TAG as u32 {
        let what = if tag == Tag::Freed as u32 { "was already deleted" } else { "is not of that type" };
        return Err(nsw_error_t::invalid(format!("{} handle {what}", T::NAME)));
    }
    Ok(unsafe { &*ptr })
}

/// Mutable variant of [`get`].
pub unsafe fn get_mut<'a, T: Tagged>(ptr: *mut T) -> NswResult<&'a mut T> {
    unsafe { get(ptr as *const T)? };
    Ok(unsafe { &mut *ptr })
}

/// Hands a new object to the caller.
pub fn into_raw<T: Tagged>(value: T) -> *mut T {
    Box::into_raw(Box::new(value))
}

/// Frees an object made by `into_raw`; NULL and wrong types are ignored
/// (a delete function has no way to report an error).
pub unsafe fn delete<T: Tagged>(ptr: *mut T) {
    if unsafe { get(ptr as *const T) }.is_ok() {
        unsafe {
            *(ptr as *mut u32) = Tag::Freed as u32;
            drop(Box::from_raw(ptr));
        }
    }
}

/// Writes `value` through an out-pointer that must not be NULL.
pub unsafe fn write_out<T>(out: *mut T, value: T, what: &str) -> NswResult<()> {
    match unsafe { out.as_mut() } {
        Some(slot) => {
            *slot = value;
            Ok(())
        }
        None => Err(nsw_error_t::invalid(format!("out-pointer for {what} is NULL"))),
    }
}

/// A byte range from C: NULL is allowed only for length 0.
pub unsafe fn bytes<'a>(ptr: *const u8, len: usize) -> NswResult<&'a [u8]> {
    if len == 0 {
        return Ok(&[]);
    }
    if ptr.is_null() {
        return Err(nsw_error_t::invalid(format!("byte pointer is NULL with length {len}")));
    }
    if len > isize::MAX as usize {
        return Err(nsw_error_t::invalid(format!("length {len} is too large")));
    }
    Ok(unsafe { core::slice::from_raw_parts(ptr, len) })
}

/// A UTF-8 name from C.
pub unsafe fn str<'a>(ptr: *const u8, len: usize, what: &str) -> NswResult<&'a str> {
    let raw = unsafe { bytes(ptr, len)? };
    core::str::from_utf8(raw).map_err(|_| nsw_error_t::invalid(format!("{what} is not valid UTF-8")))
}
