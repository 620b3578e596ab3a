//! Human-readable description of an artifact envelope.

use std::fmt::Write as _;
use std::path::Path;

use crate::signing::{self, Verification, VerifyingKey};

use nsw_contract::envelope::{Envelope, EnvelopeError, FORMAT_VERSION, SignatureAlgorithm, WASMTIME_VERSION};

/// Parses `bytes` as an artifact and describes every envelope field, one
/// `name: value` per line. Fails with the envelope's own parse error.
pub fn describe(bytes: &[u8]) -> Result<String, EnvelopeError> {
    describe_with(bytes, None).map(|(text, _)| text)
}

/// Like [`describe`], and checks the signature against `key` (read from
/// `key_file`, named in the output). Also returns what the check found.
pub fn describe_verified(
    bytes: &[u8],
    key: &VerifyingKey,
    key_file: &Path,
) -> Result<(String, Verification), EnvelopeError> {
    describe_with(bytes, Some((key, key_file))).map(|(text, v)| (text, v.expect("a key was given")))
}

fn describe_with(
    bytes: &[u8],
    key: Option<(&VerifyingKey, &Path)>,
) -> Result<(String, Option<Verification>), EnvelopeError> {
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
    let verification = key.map(|(key, _)| signing::verify(&env, key));
    let key_file = key.map(|(_, file)| file.display().to_string()).unwrap_or_default();
    match (env.signature_algorithm, env.signature, verification) {
        (SignatureAlgorithm::None, _, None) => {
            let _ = writeln!(out, "signature:        none");
        }
        (SignatureAlgorithm::None, _, Some(_)) => {
            let _ = writeln!(out, "signature:        none (INVALID: the artifact is not signed, so {key_file} cannot verify it)");
        }
        (SignatureAlgorithm::Ed25519, Some(sig), verification) => {
            let status = match verification {
                None => "not verified: give --public-key FILE".to_string(),
                Some(Verification::Valid) => format!("verified with {key_file}"),
                Some(_) => format!(
                    "INVALID: not made by the key in {key_file}, or the header was changed after signing"
                ),
            };
            let _ = writeln!(out, "signature:        Ed25519 ({status})");
            let _ = writeln!(out, "signature value:  {}", hex(sig));
        }
        (SignatureAlgorithm::Ed25519, None, _) => {
            let _ = writeln!(out, "signature:        Ed25519 (missing)");
        }
    }
    let verification = verification.map(|v| match (v, env.signature) {
        (Verification::Valid, Some(_)) => Verification::Valid,
        (Verification::Unsigned, _) => Verification::Unsigned,
        _ => Verification::Invalid,
    });
    Ok((out, verification))
}

fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}
