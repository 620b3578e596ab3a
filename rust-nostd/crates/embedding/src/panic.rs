//! A panic is a bug in this crate (every input is validated first), and with
//! `panic = "abort"` it ends the process. Say why on stderr before going.

use core::fmt::Write;
use core::panic::PanicInfo;

unsafe extern "C" {
    fn write(fd: i32, buf: *const u8, len: usize) -> isize;
    fn abort() -> !;
}

/// Formats into a fixed buffer: the heap may be what failed.
struct StackBuf {
    buf: [u8; 512],
    len: usize,
}

impl Write for StackBuf {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        let room = self.buf.len() - self.len;
        let n = s.len().min(room);
        self.buf[self.len..self.len + n].copy_from_slice(&s.as_bytes()[..n]);
        self.len += n;
        Ok(())
    }
}

#[panic_handler]
fn on_panic(info: &PanicInfo) -> ! {
    let mut out = StackBuf { buf: [0; 512], len: 0 };
    let _ = write!(out, "nostd-wasm-java: fatal bug in the native runtime: {info}\n");
    unsafe {
        write(2, out.buf.as_ptr(), out.len);
        abort()
    }
}

/// The precompiled `core` and `alloc` carry landing pads that name Rust's
/// personality routine, normally provided by `std`. This library is built
/// with `panic = "abort"` and Wasmtime's no_std traps resume without
/// unwinding, so nothing ever unwinds through it: if something did, stop.
#[unsafe(no_mangle)]
pub extern "C" fn rust_eh_personality() -> ! {
    unsafe { abort() }
}
