//! `nsw_module_t`: a module loaded from a verified artifact.

use crate::engine::nsw_engine_t;
use crate::error::{NSW_ERROR_ARTIFACT_CORRUPT, NSW_ERROR_ARTIFACT_MISMATCH, NswResult, nsw_error_t, to_c};
use crate::handle::{self, Tag, Tagged};
use crate::types::{ExternDesc, nsw_extern_type_t};
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use nsw_contract::Envelope;
use wasmtime::Module;

pub struct nsw_module_t {
    pub(crate) module: Module,
    imports: Vec<(String, String, ExternDesc)>,
    exports: Vec<(String, ExternDesc)>,
}

unsafe impl Tagged for nsw_module_t {
    const TAG: Tag = Tag::Module;
    const NAME: &'static str = "module";
}

fn verified<'a>(engine: &nsw_engine_t, bytes: &'a [u8]) -> NswResult<Envelope<'a>> {
    let envelope = Envelope::parse(bytes).map_err(|e| nsw_error_t::from_envelope(&e))?;
    envelope.check_engine(&engine.settings).map_err(|e| nsw_error_t::from_envelope(&e))?;
    Ok(envelope)
}

/// Checks an artifact's envelope (magic, digest, Wasmtime version, target,
/// profile, switches) against an engine without loading its code.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_module_verify(
    engine: *const nsw_engine_t,
    artifact: *const u8,
    artifact_len: usize,
) -> *mut nsw_error_t {
    to_c((|| {
        let engine = unsafe { handle::get(engine)? };
        let bytes = unsafe { handle::bytes(artifact, artifact_len)? };
        verified(engine, bytes).map(|_| ())
    })())
}

/// Verifies an artifact and loads its module. The bytes are copied; the
/// caller may free them on return.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_module_new(
    engine: *const nsw_engine_t,
    artifact: *const u8,
    artifact_len: usize,
    out: *mut *mut nsw_module_t,
) -> *mut nsw_error_t {
    to_c((|| {
        let engine = unsafe { handle::get(engine)? };
        if out.is_null() {
            return Err(nsw_error_t::invalid("out-pointer for module is NULL"));
        }
        let bytes = unsafe { handle::bytes(artifact, artifact_len)? };
        let envelope = verified(engine, bytes)?;
        // SAFETY: the payload's digest matched and its header says it was
        // compiled for exactly this engine's settings and Wasmtime version.
        // The digest guards against damage, not against a forger: signatures
        // (when configured by the embedder) guard against that.
        let m = unsafe { deserialize(engine, envelope.payload)? };
        unsafe { handle::write_out(out, handle::into_raw(m), "module") }
    })())
}

/// Loads a plain Wasmtime `.cwasm` (no envelope): no digest, no signature,
/// nothing of ours is checked. Wasmtime still checks its own header (its
/// version, the target, the engine's configuration) before it maps the code.
///
/// UNSAFE: the bytes are machine code that will run in this process. Use it
/// only for artifacts you produced and protect yourself; `nsw_module_new`
/// verifies an enveloped artifact instead. The bytes are copied.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_module_new_unchecked_raw(
    engine: *const nsw_engine_t,
    cwasm: *const u8,
    cwasm_len: usize,
    out: *mut *mut nsw_module_t,
) -> *mut nsw_error_t {
    to_c((|| {
        let engine = unsafe { handle::get(engine)? };
        if out.is_null() {
            return Err(nsw_error_t::invalid("out-pointer for module is NULL"));
        }
        let bytes = unsafe { handle::bytes(cwasm, cwasm_len)? };
        if bytes.starts_with(&nsw_contract::envelope::MAGIC) {
            return Err(nsw_error_t::new(
                NSW_ERROR_ARTIFACT_CORRUPT,
                "these bytes are an enveloped artifact, not a raw .cwasm: load them with nsw_module_new",
            ));
        }
        if !bytes.starts_with(b"\x7fELF") {
            return Err(nsw_error_t::new(
                NSW_ERROR_ARTIFACT_CORRUPT,
                "not a raw Wasmtime .cwasm (it does not start with an ELF header): give the bytes \
                 Wasmtime's Module::serialize wrote, or precompile the module and load the artifact",
            ));
        }
        // SAFETY: none; the caller vouches for the bytes (see above). Wasmtime
        // checks its version, target and configuration before using them.
        let m = unsafe { deserialize(engine, bytes)? };
        unsafe { handle::write_out(out, handle::into_raw(m), "module") }
    })())
}

/// Deserializes Wasmtime's serialization into a module handle.
///
/// # Safety
/// `payload` must be trusted machine code for this engine (see `Module::deserialize`).
unsafe fn deserialize(engine: &nsw_engine_t, payload: &[u8]) -> NswResult<nsw_module_t> {
    let module = unsafe { Module::deserialize(&engine.engine, payload) }.map_err(|e| {
        nsw_error_t::new(NSW_ERROR_ARTIFACT_MISMATCH, format!("Wasmtime refused the artifact: {e:?}"))
    })?;
    let imports = module
        .imports()
        .map(|i| (i.module().to_string(), i.name().to_string(), ExternDesc::of(&i.ty())))
        .collect();
    let exports = module.exports().map(|e| (e.name().to_string(), ExternDesc::of(&e.ty()))).collect();
    Ok(nsw_module_t { module, imports, exports })
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_module_delete(module: *mut nsw_module_t) {
    unsafe { handle::delete(module) }
}

/// Number of imports; 0 for an invalid handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_module_import_count(module: *const nsw_module_t) -> usize {
    unsafe { handle::get(module) }.map(|m| m.imports.len()).unwrap_or(0)
}

/// Number of exports; 0 for an invalid handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_module_export_count(module: *const nsw_module_t) -> usize {
    unsafe { handle::get(module) }.map(|m| m.exports.len()).unwrap_or(0)
}

unsafe fn write_name(s: &str, out_ptr: *mut *const u8, out_len: *mut usize, what: &str) -> NswResult<()> {
    unsafe {
        handle::write_out(out_ptr, s.as_ptr(), what)?;
        handle::write_out(out_len, s.len(), what)
    }
}

/// Describes import `index`: its module and field names (UTF-8, borrowed from
/// the module) and its type.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_module_import(
    module: *const nsw_module_t,
    index: usize,
    out_module: *mut *const u8,
    out_module_len: *mut usize,
    out_name: *mut *const u8,
    out_name_len: *mut usize,
    out_type: *mut nsw_extern_type_t,
) -> *mut nsw_error_t {
    to_c((|| {
        let m = unsafe { handle::get(module)? };
        let (module_name, name, desc) = m.imports.get(index).ok_or_else(|| {
            nsw_error_t::invalid(format!("import index {index} out of range (module has {})", m.imports.len()))
        })?;
        unsafe {
            write_name(module_name, out_module, out_module_len, "import module")?;
            write_name(name, out_name, out_name_len, "import name")?;
            handle::write_out(out_type, desc.as_c(), "import type")
        }
    })())
}

/// Describes export `index`: its name (UTF-8, borrowed from the module) and type.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_module_export(
    module: *const nsw_module_t,
    index: usize,
    out_name: *mut *const u8,
    out_name_len: *mut usize,
    out_type: *mut nsw_extern_type_t,
) -> *mut nsw_error_t {
    to_c((|| {
        let m = unsafe { handle::get(module)? };
        let (name, desc) = m.exports.get(index).ok_or_else(|| {
            nsw_error_t::invalid(format!("export index {index} out of range (module has {})", m.exports.len()))
        })?;
        unsafe {
            write_name(name, out_name, out_name_len, "export name")?;
            handle::write_out(out_type, desc.as_c(), "export type")
        }
    })())
}
