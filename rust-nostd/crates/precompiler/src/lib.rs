//! Host-side precompiler for nostd-wasm-java.
//!
//! Compiles WebAssembly modules (`.wasm` or `.wat`) ahead of time with
//! Cranelift (native targets) or to Pulley bytecode, and wraps Wasmtime's
//! serialized module in the artifact envelope of [`nsw_contract::envelope`].
//! The engine is configured only through [`EngineSettings::apply`] — the same
//! definition the no_std runtime uses — plus the explicit ISA baseline of
//! [`Target::isa_flags`]; nothing is detected from the build machine.

mod batch;
mod combos;
mod inspect;
pub mod signing;

use std::fs;
use std::path::Path;

use wasmtime::{Config, Engine, Strategy};

pub use batch::{
    BatchFailure, BatchReport, Job, Progress, compile_batch, compile_batch_signed, compile_one, output_path,
    plan_jobs,
};
pub use combos::{Combos, resolve_combos};
pub use inspect::{describe, describe_verified};
pub use signing::{SigningKey, Verification, VerifyingKey};
pub use nsw_contract::envelope::{self, Envelope, EnvelopeError, WASMTIME_VERSION};
pub use nsw_contract::{EngineSettings, Profile, Target};
pub use wasmtime::{Error, Result};

use wasmtime::error::Context as _;
use wasmtime::{bail, format_err};

/// A compiler for one combination of engine settings. Build one per
/// (target, profile, fuel, epoch) and reuse it for many modules.
/// Knobs that change how fast artifacts are produced, never their bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CompileOptions {
    /// Compile a module's functions on worker threads (Wasmtime's
    /// `parallel_compilation`). Off: no thread is ever created.
    pub parallel: bool,
}

impl Default for CompileOptions {
    fn default() -> Self {
        CompileOptions { parallel: true }
    }
}

pub struct Precompiler {
    settings: EngineSettings,
    isa_flags: String,
    engine: Engine,
    signing_key: Option<SigningKey>,
}

impl std::fmt::Debug for Precompiler {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Precompiler")
            .field("settings", &self.settings)
            .field("isa_flags", &self.isa_flags)
            .field("signing", &self.signing_key.is_some())
            .finish_non_exhaustive()
    }
}

impl Precompiler {
    /// Creates the Wasmtime engine for `settings`: the shared configuration
    /// from [`EngineSettings::apply`], then every flag of the target's explicit
    /// ISA baseline.
    pub fn new(settings: EngineSettings) -> Result<Precompiler> {
        Precompiler::with_options(settings, &CompileOptions::default())
    }

    /// Like [`Self::new`], with compile-speed options.
    pub fn with_options(settings: EngineSettings, options: &CompileOptions) -> Result<Precompiler> {
        let mut config = Config::new();
        config.strategy(Strategy::Cranelift);
        settings
            .apply(&mut config)
            .with_context(|| format!("cannot configure an engine for {settings}"))?;
        config.parallel_compilation(options.parallel);
        let flags = settings.target.isa_flags();
        for flag in flags {
            // SAFETY: the flags are Cranelift setting names of the target's
            // baseline ISA (contract crate); the runtime checks every one of
            // them against the CPU before it loads code compiled with them.
            unsafe {
                config.cranelift_flag_enable(flag);
            }
        }
        let engine = Engine::new(&config)
            .with_context(|| format!("cannot create a Wasmtime compiler for {settings}"))?;
        Ok(Precompiler { settings, isa_flags: flags.join(","), engine, signing_key: None })
    }

    /// Signs every artifact this compiler makes with `key` (Ed25519 over the
    /// envelope header, which holds the payload's SHA-256).
    pub fn with_signing_key(mut self, key: SigningKey) -> Precompiler {
        self.signing_key = Some(key);
        self
    }

    /// Whether artifacts are signed.
    pub fn is_signing(&self) -> bool {
        self.signing_key.is_some()
    }

    pub fn settings(&self) -> &EngineSettings {
        &self.settings
    }

    /// The ISA flags recorded in every artifact of this compiler.
    pub fn isa_flags(&self) -> &str {
        &self.isa_flags
    }

    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// Compiles a module given as `.wasm` or `.wat` bytes and returns the
    /// enveloped artifact.
    pub fn compile(&self, input: &[u8]) -> Result<Vec<u8>> {
        self.compile_named(input, None)
    }

    /// Like [`Self::compile`]; `name` (the input's path) is used in error
    /// messages, e.g. in the location of a `.wat` syntax error.
    pub fn compile_named(&self, input: &[u8], name: Option<&Path>) -> Result<Vec<u8>> {
        check_input_kind(input)?;
        let wasm = to_binary(input, name)?;
        let payload = wasmtime::CodeBuilder::new(&self.engine)
            .wasm_binary(wasm, None)?
            .compile_module_serialized()
            .context("the module does not validate or cannot be compiled")?;
        Ok(match &self.signing_key {
            Some(key) => {
                let signer = |header: &[u8]| signing::sign(key, header);
                envelope::wrap(&self.settings, &self.isa_flags, &payload, Some(&signer))
            }
            None => envelope::wrap(&self.settings, &self.isa_flags, &payload, None),
        })
    }

    /// Reads `input`, compiles it, and writes the artifact to `output`
    /// (through a temporary file in the same directory, then a rename, so a
    /// failed run never leaves a half-written artifact). Returns the
    /// artifact's size.
    pub fn compile_file(&self, input: &Path, output: &Path) -> Result<usize> {
        let bytes = fs::read(input).with_context(|| format!("cannot read {}", input.display()))?;
        let artifact = self.compile_named(&bytes, Some(input))?;
        write_atomically(output, &artifact)?;
        Ok(artifact.len())
    }
}

/// Catches inputs that Wasmtime would reject with a confusing message.
fn check_input_kind(input: &[u8]) -> Result<()> {
    if input.is_empty() {
        bail!("the input is empty (expected a WebAssembly module, .wasm or .wat)");
    }
    if input.starts_with(&envelope::MAGIC) {
        bail!("the input is already a precompiled nostd-wasm-java artifact; pass the .wasm or .wat it was built from");
    }
    if input.starts_with(b"\x7fELF") {
        bail!("the input is an ELF file (perhaps a raw Wasmtime .cwasm); pass a .wasm or .wat module");
    }
    if let Some(header) = input.strip_prefix(b"\0asm") {
        match header.get(..4) {
            Some([1, 0, 0, 0]) => {}
            Some([_, _, 1, 0]) => bail!(
                "the input is a WebAssembly component, not a core module; only core modules can be precompiled"
            ),
            Some(v) => bail!("the input has an unsupported WebAssembly binary version {v:02x?}"),
            None => bail!("the input is truncated (it ends inside the WebAssembly header)"),
        }
    }
    Ok(())
}

/// Binary modules pass through; text is parsed as `.wat`, with the error
/// naming the file, line and column.
fn to_binary<'a>(input: &'a [u8], name: Option<&Path>) -> Result<std::borrow::Cow<'a, [u8]>> {
    if input.starts_with(b"\0asm") {
        return Ok(input.into());
    }
    let Ok(text) = std::str::from_utf8(input) else {
        bail!("the input is neither a WebAssembly binary (no \\0asm magic) nor UTF-8 text (.wat)");
    };
    let binary = wat::Parser::new()
        .parse_str(name, text)
        .map_err(|e| format_err!("the WebAssembly text (.wat) does not parse: {e}"))?;
    // `(component ...)` text encodes to a component binary.
    check_input_kind(&binary)?;
    Ok(binary.into())
}

/// Writes `bytes` to `path` via a temporary sibling file and a rename.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let file_name = path
        .file_name()
        .ok_or_else(|| format_err!("output path {} has no file name", path.display()))?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(file_name);
    tmp_name.push(format!(".tmp{}", std::process::id()));
    let tmp = dir.join(tmp_name);
    let result = fs::write(&tmp, bytes)
        .and_then(|()| fs::rename(&tmp, path))
        .with_context(|| format!("cannot write {}", path.display()));
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}
