//! Checks applied to everything that crosses the C ABI.
//!
//! Every object handed out lives in a `Handle` whose first word is a tag
//! naming its type, so a NULL pointer or a pointer to another type of object
//! is refused with an error instead of being used. (A dangling pointer cannot
//! be detected here; the bindings close handles exactly once and check for
//! use after close.) The handle types themselves are opaque to C.

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
    InstancePre = 0x4e53_5708,
    Freed = 0x4e53_57ff,
}

/// Implemented by every handle type.
pub unsafe trait Tagged {
    const TAG: Tag;
    const NAME: &'static str;
}

/// What a handle pointer really points at.
#[repr(C)]
pub struct Handle<T> {
    tag: Tag,
    value: T,
}

impl<T: Tagged> Handle<T> {
    pub fn new(value: T) -> Handle<T> {
        Handle { tag: T::TAG, value }
    }

    /// Marks an embedded handle (one not made by `into_raw`) as dead.
    pub fn retire(&mut self) {
        self.tag = Tag::Freed;
    }
}

fn check<T: Tagged>(ptr: *const T) -> NswResult<*mut Handle<T>> {
    if ptr.is_null() {
        return Err(nsw_error_t::invalid(format!("{} handle is NULL", T::NAME)));
    }
    // SAFETY: Handle is #[repr(C)] with the tag first; the caller gave us a
    // pointer it got from this library.
    let tag = unsafe { *(ptr as *const u32) };
    if tag != T::TAG as u32 {
        let what = if tag == Tag::Freed as u32 { "was already deleted" } else { "is not of that type" };
        return Err(nsw_error_t::invalid(format!("{} handle {what}", T::NAME)));
    }
    Ok(ptr as *mut Handle<T>)
}

/// Borrows a handle after checking it is non-NULL and of the right type.
pub unsafe fn get<'a, T: Tagged>(ptr: *const T) -> NswResult<&'a T> {
    Ok(unsafe { &(*check(ptr)?).value })
}

/// Mutable variant of [`get`].
pub unsafe fn get_mut<'a, T: Tagged>(ptr: *mut T) -> NswResult<&'a mut T> {
    Ok(unsafe { &mut (*check(ptr as *const T)?).value })
}

/// The C pointer for a handle that lives inside another object.
pub fn as_ptr<T: Tagged>(handle: &mut Handle<T>) -> *mut T {
    handle as *mut Handle<T> as *mut T
}

/// Hands a new object to the caller.
pub fn into_raw<T: Tagged>(value: T) -> *mut T {
    Box::into_raw(Box::new(Handle::new(value))) as *mut T
}

/// Frees an object made by `into_raw`; NULL and wrong types are ignored
/// (a delete function has no way to report an error).
pub unsafe fn delete<T: Tagged>(ptr: *mut T) {
    if let Ok(h) = check(ptr as *const T) {
        unsafe {
            (*h).tag = Tag::Freed;
            drop(Box::from_raw(h));
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
