//! `nsw_error_t`: what every fallible call returns (NULL on success), and the
//! `nsw_error_*` functions that read it.
//!
//! Every other module builds errors, so this one depends on none of them: it
//! is the leaf of the module graph (`scripts/check-module-graph.py` checks it).

use alloc::boxed::Box;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use nsw_contract::EnvelopeError;
use wasmtime::{ExnRef, OwnedRooted, Trap, WasmBacktrace};

/// What went wrong, so that bindings can map it to a typed exception without
/// parsing messages.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum nsw_error_kind_t {
    /// A NULL or wrong-kind handle, an unknown enum value, a bad length.
    NSW_ERROR_INVALID_ARGUMENT = 1,
    /// The bytes are not an artifact, or it was damaged (digest, truncation).
    NSW_ERROR_ARTIFACT_CORRUPT = 2,
    /// A valid artifact built for another Wasmtime version, target, profile or switches.
    NSW_ERROR_ARTIFACT_MISMATCH = 3,
    /// Instantiation failed to resolve or type-check an import.
    NSW_ERROR_LINK = 4,
    /// WebAssembly trapped; `nsw_error_trap_code` gives the code.
    NSW_ERROR_TRAP = 5,
    /// A host function returned an error (the embedder's own failure).
    NSW_ERROR_HOST = 6,
    /// A store limit (memory, table, instance count) was exceeded.
    NSW_ERROR_RESOURCE_LIMIT = 7,
    /// The engine or platform cannot do what was asked (e.g. unsupported host CPU).
    NSW_ERROR_UNSUPPORTED = 8,
    /// Any other error reported by Wasmtime.
    NSW_ERROR_RUNTIME = 9,
    /// WebAssembly threw an exception (exception handling) that nothing
    /// caught; the store's pending exception was taken out of the store, and
    /// `nsw_exception_tag` and `nsw_exception_payload` read it from the error.
    NSW_ERROR_EXCEPTION = 10,
}
pub use nsw_error_kind_t::*;

/// An owned error. Free with `nsw_error_delete`.
pub struct nsw_error_t {
    kind: nsw_error_kind_t,
    trap_code: Option<u8>,
    message: String,
    /// The wasm frames Wasmtime attached, innermost first (empty when none).
    frames: Vec<Frame>,
    /// The uncaught exception (kind `NSW_ERROR_EXCEPTION` only), kept alive by
    /// the error so that `exception.rs` can read its tag and payload.
    thrown: Option<Thrown>,
}

/// An uncaught exception object and the id of the store whose GC heap holds
/// it: Wasmtime panics when an object is used with another store.
pub struct Thrown {
    pub store_id: u64,
    pub exception: OwnedRooted<ExnRef>,
}

/// One wasm frame of a backtrace, copied out of Wasmtime's `FrameInfo` so
/// that the error owns it (no module or store kept alive).
struct Frame {
    func_index: u32,
    /// From the module's name section; `None` when it has no entry.
    name: Option<String>,
    /// Offset of the instruction from the start of the module's bytes;
    /// `u64::MAX` when Wasmtime has no address map for it.
    offset: u64,
}

/// Copies the frames of the `WasmBacktrace` Wasmtime attached to `err`, if any.
fn frames_of(err: &wasmtime::Error) -> Vec<Frame> {
    match err.downcast_ref::<WasmBacktrace>() {
        Some(bt) => bt
            .frames()
            .iter()
            .map(|f| Frame {
                func_index: f.func_index(),
                name: f.func_name().map(String::from),
                offset: f.module_offset().map_or(u64::MAX, |o| o as u64),
            })
            .collect(),
        None => Vec::new(),
    }
}

impl nsw_error_t {
    pub fn new(kind: nsw_error_kind_t, message: impl Into<String>) -> Box<nsw_error_t> {
        Box::new(nsw_error_t { kind, trap_code: None, message: message.into(), frames: Vec::new(), thrown: None })
    }

    pub fn invalid(message: impl Into<String>) -> Box<nsw_error_t> {
        nsw_error_t::new(NSW_ERROR_INVALID_ARGUMENT, message)
    }

    pub fn from_envelope(err: &EnvelopeError) -> Box<nsw_error_t> {
        let kind = if err.is_mismatch() { NSW_ERROR_ARTIFACT_MISMATCH } else { NSW_ERROR_ARTIFACT_CORRUPT };
        nsw_error_t::new(kind, format!("{err}"))
    }

    /// Classifies a Wasmtime error; `context` says what was being done.
    /// The frames of an attached `WasmBacktrace` (traps, host errors raised
    /// while wasm ran) are copied into the error.
    pub fn from_wasmtime(err: wasmtime::Error, default_kind: nsw_error_kind_t) -> Box<nsw_error_t> {
        let frames = frames_of(&err);
        if let Some(host) = err.downcast_ref::<HostError>() {
            return Box::new(nsw_error_t { kind: NSW_ERROR_HOST, trap_code: None, message: host.0.clone(), frames, thrown: None });
        }
        let message = format!("{err:?}");
        if let Some(trap) = err.downcast_ref::<Trap>() {
            return Box::new(nsw_error_t { kind: NSW_ERROR_TRAP, trap_code: Some(*trap as u8), message, frames, thrown: None });
        }
        Box::new(nsw_error_t { kind: default_kind, trap_code: None, message, frames, thrown: None })
    }

    /// Classifies an error from running wasm (a call, or a start function
    /// during instantiation) in the store `store_id` names. An uncaught wasm
    /// exception leaves Wasmtime's pending-exception slot set on the store; it
    /// is taken here, so that the next call into the store starts clean, and
    /// kept in the error (owned-rooted, as the slot's root ends with this scope).
    pub fn from_wasm_run(err: wasmtime::Error, store: impl wasmtime::AsContextMut, store_id: u64) -> Box<nsw_error_t> {
        if !err.is::<wasmtime::ThrownException>() {
            return nsw_error_t::from_wasmtime(err, NSW_ERROR_RUNTIME);
        }
        let frames = frames_of(&err);
        use wasmtime::AsContextMut as _;
        let mut scope = wasmtime::RootScope::new(store);
        let pending = scope.as_context_mut().take_pending_exception();
        let thrown = pending
            .and_then(|exn| exn.to_owned_rooted(&mut scope).ok())
            .map(|exception| Thrown { store_id, exception });
        let message = if thrown.is_some() {
            String::from("uncaught WebAssembly exception: a `throw` reached the host without a matching `catch`")
        } else {
            String::from("uncaught WebAssembly exception (the store held no pending exception)")
        };
        Box::new(nsw_error_t { kind: NSW_ERROR_EXCEPTION, trap_code: None, message, frames, thrown })
    }

    /// The uncaught exception this error carries, checked to belong to the
    /// store `store_id` names.
    pub fn thrown(&self, store_id: u64) -> NswResult<&OwnedRooted<ExnRef>> {
        match &self.thrown {
            None => Err(nsw_error_t::invalid("the error carries no exception: only errors of kind NSW_ERROR_EXCEPTION do")),
            Some(t) if t.store_id != store_id => {
                Err(nsw_error_t::invalid("the exception belongs to another store than the context"))
            }
            Some(t) => Ok(&t.exception),
        }
    }

    pub fn message(&self) -> &str {
        &self.message
    }

    /// Into the raw pointer handed across the C ABI.
    pub fn into_raw(self: Box<Self>) -> *mut nsw_error_t {
        Box::into_raw(self)
    }
}

/// The error a host callback returned, carried through Wasmtime unchanged.
#[derive(Debug)]
pub struct HostError(pub String);

impl core::fmt::Display for HostError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "host function failed: {}", self.0)
    }
}

impl core::error::Error for HostError {}

/// Shorthand for functions that build their result with `?`.
pub type NswResult<T> = Result<T, Box<nsw_error_t>>;

/// Turns a result into the C convention: NULL on success.
pub fn to_c(result: NswResult<()>) -> *mut nsw_error_t {
    match result {
        Ok(()) => core::ptr::null_mut(),
        Err(err) => err.into_raw(),
    }
}

/// Creates an error with the given message, for host callbacks to return.
/// `message` need not be NUL-terminated; invalid UTF-8 is replaced.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_error_new(message: *const u8, message_len: usize) -> *mut nsw_error_t {
    // The checks of `handle::bytes`, repeated so that this leaf needs no other module;
    // a bad pointer still gives an error (with a placeholder text), since this is what
    // a failing host callback returns.
    let text = if message_len == 0 {
        String::new()
    } else if message.is_null() || message_len > isize::MAX as usize {
        String::from("<invalid message pointer>")
    } else {
        String::from_utf8_lossy(unsafe { core::slice::from_raw_parts(message, message_len) }).into_owned()
    };
    nsw_error_t::new(NSW_ERROR_HOST, text).into_raw()
}

/// Frees an error. NULL is ignored.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_error_delete(error: *mut nsw_error_t) {
    if !error.is_null() {
        drop(unsafe { Box::from_raw(error) });
    }
}

/// The error's kind; 0 for NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_error_kind(error: *const nsw_error_t) -> u32 {
    match unsafe { error.as_ref() } {
        Some(e) => e.kind as u32,
        None => 0,
    }
}

/// The UTF-8 message (not NUL-terminated), valid until the error is deleted.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_error_message(error: *const nsw_error_t, out_ptr: *mut *const u8, out_len: *mut usize) {
    let (ptr, len) = match unsafe { error.as_ref() } {
        Some(e) => (e.message.as_ptr(), e.message.len()),
        None => (core::ptr::null(), 0),
    };
    unsafe {
        if let Some(p) = out_ptr.as_mut() {
            *p = ptr;
        }
        if let Some(l) = out_len.as_mut() {
            *l = len;
        }
    }
}

/// Writes the Wasmtime trap code (stable numbers: StackOverflow = 0,
/// MemoryOutOfBounds = 1, ..., Interrupt = 10, OutOfFuel = 11) and returns
/// true when the error is a trap; false otherwise.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_error_trap_code(error: *const nsw_error_t, out_code: *mut u32) -> bool {
    match unsafe { error.as_ref() }.and_then(|e| e.trap_code) {
        Some(code) => {
            if let Some(out) = unsafe { out_code.as_mut() } {
                *out = code as u32;
            }
            true
        }
        None => false,
    }
}

/// How many wasm frames the error carries (innermost first); 0 for NULL or
/// when Wasmtime attached no backtrace (errors not raised by running wasm).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_error_frame_count(error: *const nsw_error_t) -> usize {
    match unsafe { error.as_ref() } {
        Some(e) => e.frames.len(),
        None => 0,
    }
}

/// Reads frame `index` (0 = innermost, where it trapped) and returns true;
/// false, writing nothing, for a NULL error or an index out of range.
/// `out_func_index` gets the function index in the module's index space
/// (imports first); `out_name`/`out_name_len` the function's name from the
/// name section (UTF-8, not NUL-terminated, valid until the error is deleted),
/// or NULL/0 when it has none; `out_offset` the offset of the instruction
/// from the start of the module's bytes, or `UINT64_MAX` when unknown.
/// Any out-pointer may be NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_error_frame(
    error: *const nsw_error_t,
    index: usize,
    out_func_index: *mut u32,
    out_name: *mut *const u8,
    out_name_len: *mut usize,
    out_offset: *mut u64,
) -> bool {
    let Some(frame) = unsafe { error.as_ref() }.and_then(|e| e.frames.get(index)) else {
        return false;
    };
    let (name, name_len) = match &frame.name {
        Some(n) => (n.as_ptr(), n.len()),
        None => (core::ptr::null(), 0),
    };
    unsafe {
        if let Some(p) = out_func_index.as_mut() {
            *p = frame.func_index;
        }
        if let Some(p) = out_name.as_mut() {
            *p = name;
        }
        if let Some(p) = out_name_len.as_mut() {
            *p = name_len;
        }
        if let Some(p) = out_offset.as_mut() {
            *p = frame.offset;
        }
    }
    true
}
