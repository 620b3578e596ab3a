//! Human-readable description of an artifact envelope.

use std::fmt::Write as _;

use nsw_contract::envelope::{Envelope, EnvelopeError, FORMAT_VERSION, SignatureAlgorithm, WASMTIME_VERSION};

/// Parses `bytes` as an artifact and describes every envelope field, one
/// `name: value` per line. Fails with the envelope's own parse error.
pub fn describe(bytes: &[u8]) -> Result<String, EnvelopeError> {
    let env = Envelope::parse(bytes)?;
    let s = &env.settings;
    let mut out = String::new();
    let yes_no = |b: bool| if b { "yes" } else { "no" };
    let _ = writeln!(out, "format:           {FORMAT_VERSION}");
    let _ = writeln!(out, "target:           {}", s.target.name());
    let _ = writeln!(out, "profile:          {}", s.profile.name());
    let _ = writeln!(out, "fuel:             {}", yes_no(s.fuel));
    let _ = writeln!(out, "epoch:            {}", yes_no(s.epoch));
    let same = if env.wasmtime_version == WASMTIME_VERSION {
        "same as this precompiler".to_string()
    } else {
        format!("this precompiler uses {WASMTIME_VERSION}")
    };
    let _ = writeln!(out, "Wasmtime version: {} ({same})", env.wasmtime_version);
    let flags = if env.isa_flags.is_empty() { "(none)" } else { env.isa_flags };
    let _ = writeln!(out, "ISA flags:        {flags}");
    let header_len = bytes.len() - env.payload.len();
    let _ = writeln!(out, "payload size:     {} bytes (header {header_len} bytes)", env.payload.len());
    let _ = writeln!(out, "SHA-256:          {} (verified)", hex(&env.digest));
    match (env.signature_algorithm, env.signature) {
        (SignatureAlgorithm::None, _) => {
            let _ = writeln!(out, "signature:        none");
        }
        (SignatureAlgorithm::Ed25519, Some(sig)) => {
            let _ = writeln!(out, "signature:        Ed25519 {} (not verified here)", hex(sig));
        }
        (SignatureAlgorithm::Ed25519, None) => {
            let _ = writeln!(out, "signature:        Ed25519 (missing)");
        }
    }
    Ok(out)
}

fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}
