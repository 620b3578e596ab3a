//! The artifact envelope: a small header in front of Wasmtime's serialized
//! module that the runtime verifies before Wasmtime sees a byte.
//!
//! Layout (little-endian):
//!
//! | bytes | field |
//! |---|---|
//! | 8 | magic `NSWA\r\n\x1a\n` |
//! | 2 | format version (1) |
//! | 1 | target ([`Target`] as u8) |
//! | 1 | profile ([`Profile`] as u8) |
//! | 1 | switches (bit 0 fuel, bit 1 epoch) |
//! | 1 | signature algorithm (0 none, 1 Ed25519) |
//! | 2 | reserved, zero |
//! | 8 | payload length |
//! | 32 | SHA-256 of the payload |
//! | 1 + n | Wasmtime version, length-prefixed ASCII |
//! | 2 + m | ISA flags the code was compiled with, comma-separated ASCII |
//! | 64 | signature over every byte before it, when the algorithm is Ed25519 |
//! | rest | payload: the serialized module |

use crate::profile::{EngineSettings, Profile, Target};
use alloc::vec::Vec;
use core::fmt;
use sha2::{Digest, Sha256};

pub const MAGIC: [u8; 8] = *b"NSWA\r\n\x1a\n";
pub const FORMAT_VERSION: u16 = 1;
pub const SIGNATURE_LEN: usize = 64;
const FIXED_LEN: usize = 56;
const MAX_VERSION_LEN: usize = 64;

/// The Wasmtime version this crate was built against (the workspace pin).
pub const WASMTIME_VERSION: &str = env!("NSW_WASMTIME_VERSION");

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum SignatureAlgorithm {
    None = 0,
    Ed25519 = 1,
}

/// A parsed envelope borrowing from the artifact bytes.
#[derive(Clone, Copy, Debug)]
pub struct Envelope<'a> {
    pub settings: EngineSettings,
    pub wasmtime_version: &'a str,
    pub isa_flags: &'a str,
    pub digest: [u8; 32],
    pub signature_algorithm: SignatureAlgorithm,
    /// Present when `signature_algorithm` is not `None`.
    pub signature: Option<&'a [u8; SIGNATURE_LEN]>,
    /// The bytes a signature covers (everything before the signature).
    pub signed_bytes: &'a [u8],
    pub payload: &'a [u8],
}

/// Why an artifact was refused. `is_mismatch` separates "valid, but built for
/// another engine" from "damaged or not an artifact at all".
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EnvelopeError {
    NotAnArtifact { looks_like: &'static str },
    Truncated { field: &'static str },
    UnsupportedFormat { version: u16 },
    BadField { field: &'static str },
    PayloadLength { declared: u64, actual: u64 },
    DigestMismatch,
    WasmtimeVersion { artifact: Vec<u8> },
    Settings { artifact: EngineSettings, engine: EngineSettings },
}

impl EnvelopeError {
    pub fn is_mismatch(&self) -> bool {
        matches!(self, EnvelopeError::WasmtimeVersion { .. } | EnvelopeError::Settings { .. })
    }
}

impl fmt::Display for EnvelopeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EnvelopeError::NotAnArtifact { looks_like } => write!(
                f,
                "not a nostd-wasm-java artifact (bad magic; the bytes look like {looks_like}): \
                 precompile the module with nsw-precompile and load its output"
            ),
            EnvelopeError::Truncated { field } => write!(
                f,
                "artifact is truncated (ends inside the {field}): copy the file again or recompile it"
            ),
            EnvelopeError::UnsupportedFormat { version } => write!(
                f,
                "artifact envelope format {version} is not supported by this runtime (it reads format \
                 {FORMAT_VERSION}): recompile with the precompiler of this release"
            ),
            EnvelopeError::BadField { field } => {
                write!(f, "artifact header is corrupt ({field} is invalid): recompile the module")
            }
            EnvelopeError::PayloadLength { declared, actual } => write!(
                f,
                "artifact is corrupt: header declares {declared} payload bytes but {actual} follow; \
                 copy the file again or recompile it"
            ),
            EnvelopeError::DigestMismatch => f.write_str(
                "artifact is corrupt: the SHA-256 of its payload does not match its header; \
                 the file was modified or damaged, recompile it",
            ),
            EnvelopeError::WasmtimeVersion { artifact } => write!(
                f,
                "artifact was compiled for Wasmtime {} but this runtime is Wasmtime {WASMTIME_VERSION}: \
                 recompile it with the precompiler of this release",
                core::str::from_utf8(artifact).unwrap_or("<invalid>")
            ),
            EnvelopeError::Settings { artifact, engine } => write!(
                f,
                "artifact was compiled for {artifact} but the engine runs {engine}: recompile with \
                 `nsw-precompile --target {} --profile {}{}{}`, or create the engine to match",
                engine.target.name(),
                engine.profile.name(),
                if engine.fuel { " --fuel" } else { "" },
                if engine.epoch { " --epoch" } else { "" },
            ),
        }
    }
}

/// Guesses what non-artifact bytes are, for the error message.
fn looks_like(bytes: &[u8]) -> &'static str {
    if bytes.starts_with(b"\0asm") {
        "a WebAssembly binary (.wasm)"
    } else if bytes.starts_with(b"\x7fELF") {
        "a raw Wasmtime .cwasm without envelope"
    } else if bytes.iter().take(64).all(|b| b.is_ascii()) && !bytes.is_empty() {
        "text (perhaps .wat)"
    } else if bytes.is_empty() {
        "an empty file"
    } else {
        "unknown binary data"
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize, field: &'static str) -> Result<&'a [u8], EnvelopeError> {
        let end = self.pos.checked_add(n).filter(|end| *end <= self.bytes.len());
        let end = end.ok_or(EnvelopeError::Truncated { field })?;
        let out = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(out)
    }
    fn u8(&mut self, field: &'static str) -> Result<u8, EnvelopeError> {
        Ok(self.take(1, field)?[0])
    }
    fn u16(&mut self, field: &'static str) -> Result<u16, EnvelopeError> {
        let b = self.take(2, field)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }
    fn u64(&mut self, field: &'static str) -> Result<u64, EnvelopeError> {
        let mut out = [0u8; 8];
        out.copy_from_slice(self.take(8, field)?);
        Ok(u64::from_le_bytes(out))
    }
    fn ascii(&mut self, n: usize, field: &'static str) -> Result<&'a str, EnvelopeError> {
        let raw = self.take(n, field)?;
        if !raw.is_ascii() {
            return Err(EnvelopeError::BadField { field });
        }
        core::str::from_utf8(raw).map_err(|_| EnvelopeError::BadField { field })
    }
}

impl<'a> Envelope<'a> {
    /// Parses the header and checks the payload's length and digest.
    /// Says nothing yet about whether an engine can load it: see [`Self::check_engine`].
    pub fn parse(bytes: &'a [u8]) -> Result<Envelope<'a>, EnvelopeError> {
        if !bytes.starts_with(&MAGIC) {
            return Err(EnvelopeError::NotAnArtifact { looks_like: looks_like(bytes) });
        }
        let mut r = Reader { bytes, pos: MAGIC.len() };
        let version = r.u16("format version")?;
        if version != FORMAT_VERSION {
            return Err(EnvelopeError::UnsupportedFormat { version });
        }
        let target = Target::from_u8(r.u8("target")?).ok_or(EnvelopeError::BadField { field: "target" })?;
        let profile =
            Profile::from_u8(r.u8("profile")?).ok_or(EnvelopeError::BadField { field: "profile" })?;
        let switches = r.u8("switches")?;
        if switches & !0b11 != 0 {
            return Err(EnvelopeError::BadField { field: "switches" });
        }
        let signature_algorithm = match r.u8("signature algorithm")? {
            0 => SignatureAlgorithm::None,
            1 => SignatureAlgorithm::Ed25519,
            _ => return Err(EnvelopeError::BadField { field: "signature algorithm" }),
        };
        if r.u16("reserved")? != 0 {
            return Err(EnvelopeError::BadField { field: "reserved" });
        }
        let payload_len = r.u64("payload length")?;
        let mut digest = [0u8; 32];
        digest.copy_from_slice(r.take(32, "digest")?);
        debug_assert_eq!(r.pos, FIXED_LEN);
        let version_len = r.u8("Wasmtime version")? as usize;
        if version_len == 0 || version_len > MAX_VERSION_LEN {
            return Err(EnvelopeError::BadField { field: "Wasmtime version" });
        }
        let wasmtime_version = r.ascii(version_len, "Wasmtime version")?;
        let flags_len = r.u16("ISA flags")? as usize;
        let isa_flags = r.ascii(flags_len, "ISA flags")?;
        let signed_bytes = &bytes[..r.pos];
        let signature = match signature_algorithm {
            SignatureAlgorithm::None => None,
            SignatureAlgorithm::Ed25519 => {
                let raw = r.take(SIGNATURE_LEN, "signature")?;
                Some(<&[u8; SIGNATURE_LEN]>::try_from(raw).map_err(|_| EnvelopeError::Truncated {
                    field: "signature",
                })?)
            }
        };
        let payload = &bytes[r.pos..];
        if payload.len() as u64 != payload_len {
            return Err(EnvelopeError::PayloadLength { declared: payload_len, actual: payload.len() as u64 });
        }
        let settings = EngineSettings {
            profile,
            target,
            fuel: switches & 1 != 0,
            epoch: switches & 2 != 0,
        };
        if !profile.supports(target) {
            return Err(EnvelopeError::BadField { field: "profile/target pair" });
        }
        if Sha256::digest(payload).as_slice() != digest {
            return Err(EnvelopeError::DigestMismatch);
        }
        Ok(Envelope {
            settings,
            wasmtime_version,
            isa_flags,
            digest,
            signature_algorithm,
            signature,
            signed_bytes,
            payload,
        })
    }

    /// Checks that an engine with `engine` settings, running this crate's
    /// Wasmtime, can load the artifact.
    pub fn check_engine(&self, engine: &EngineSettings) -> Result<(), EnvelopeError> {
        if self.wasmtime_version != WASMTIME_VERSION {
            return Err(EnvelopeError::WasmtimeVersion { artifact: self.wasmtime_version.as_bytes().to_vec() });
        }
        if self.settings != *engine {
            return Err(EnvelopeError::Settings { artifact: self.settings, engine: *engine });
        }
        Ok(())
    }
}

/// Wraps a serialized module. `signer`, if given, returns the Ed25519
/// signature of the bytes it is handed (the header so far).
pub fn wrap(
    settings: &EngineSettings,
    isa_flags: &str,
    payload: &[u8],
    signer: Option<&dyn Fn(&[u8]) -> [u8; SIGNATURE_LEN]>,
) -> Vec<u8> {
    let mut out = Vec::with_capacity(payload.len() + 256);
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.push(settings.target as u8);
    out.push(settings.profile as u8);
    out.push(settings.switches());
    out.push(if signer.is_some() { SignatureAlgorithm::Ed25519 } else { SignatureAlgorithm::None } as u8);
    out.extend_from_slice(&0u16.to_le_bytes());
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&Sha256::digest(payload));
    out.push(WASMTIME_VERSION.len() as u8);
    out.extend_from_slice(WASMTIME_VERSION.as_bytes());
    out.extend_from_slice(&(isa_flags.len() as u16).to_le_bytes());
    out.extend_from_slice(isa_flags.as_bytes());
    if let Some(sign) = signer {
        let signature = sign(&out);
        out.extend_from_slice(&signature);
    }
    out.extend_from_slice(payload);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    const PAYLOAD: &[u8] = b"\x7fELF\x02\x01\x01\0 pretend this is a serialized module";

    fn settings() -> EngineSettings {
        EngineSettings { profile: Profile::NativeSignals, target: Target::Aarch64, fuel: true, epoch: false }
    }

    fn artifact() -> Vec<u8> {
        wrap(&settings(), "has_lse,has_fp16", PAYLOAD, None)
    }

    /// Offset of the Wasmtime version string (after its length byte).
    const VERSION_AT: usize = FIXED_LEN + 1;

    fn flags_len_at() -> usize {
        VERSION_AT + WASMTIME_VERSION.len()
    }

    fn header_len(isa_flags: &str) -> usize {
        flags_len_at() + 2 + isa_flags.len()
    }

    #[test]
    fn round_trip_every_settings_combination() {
        for profile in Profile::ALL {
            for target in Target::ALL {
                if !profile.supports(target) {
                    continue;
                }
                for switches in 0..4u8 {
                    let s = EngineSettings { profile, target, fuel: switches & 1 != 0, epoch: switches & 2 != 0 };
                    let flags = target.isa_flags().join(",");
                    let bytes = wrap(&s, &flags, PAYLOAD, None);
                    let env = Envelope::parse(&bytes).unwrap();
                    assert_eq!(env.settings, s);
                    assert_eq!(env.payload, PAYLOAD);
                    assert_eq!(env.isa_flags, flags);
                    assert_eq!(env.wasmtime_version, WASMTIME_VERSION);
                    assert_eq!(env.signature_algorithm, SignatureAlgorithm::None);
                    assert!(env.signature.is_none());
                    assert_eq!(env.signed_bytes, &bytes[..header_len(&flags)]);
                    assert_eq!(env.digest.as_slice(), Sha256::digest(PAYLOAD).as_slice());
                    env.check_engine(&s).unwrap();
                }
            }
        }
    }

    #[test]
    fn layout_matches_the_documented_offsets() {
        let bytes = artifact();
        assert_eq!(&bytes[..8], &MAGIC);
        assert_eq!(u16::from_le_bytes([bytes[8], bytes[9]]), FORMAT_VERSION);
        assert_eq!(bytes[10], Target::Aarch64 as u8);
        assert_eq!(bytes[11], Profile::NativeSignals as u8);
        assert_eq!(bytes[12], 0b01);
        assert_eq!(bytes[13], 0);
        assert_eq!(&bytes[14..16], &[0, 0]);
        assert_eq!(u64::from_le_bytes(bytes[16..24].try_into().unwrap()), PAYLOAD.len() as u64);
        assert_eq!(&bytes[24..56], Sha256::digest(PAYLOAD).as_slice());
        assert_eq!(bytes[56] as usize, WASMTIME_VERSION.len());
        assert_eq!(&bytes[VERSION_AT..flags_len_at()], WASMTIME_VERSION.as_bytes());
        assert_eq!(bytes.len(), header_len("has_lse,has_fp16") + PAYLOAD.len());
    }

    #[test]
    fn empty_payload_and_empty_flags_round_trip() {
        let s = EngineSettings { profile: Profile::Pulley, target: Target::Pulley64, fuel: false, epoch: true };
        let bytes = wrap(&s, "", &[], None);
        let env = Envelope::parse(&bytes).unwrap();
        assert_eq!(env.settings, s);
        assert!(env.payload.is_empty());
        assert_eq!(env.isa_flags, "");
    }

    #[test]
    fn signed_round_trip() {
        let signer = |header: &[u8]| {
            let mut sig = [0u8; SIGNATURE_LEN];
            sig[..32].copy_from_slice(&Sha256::digest(header));
            sig[63] = 0xa5;
            sig
        };
        let bytes = wrap(&settings(), "x", PAYLOAD, Some(&signer));
        let env = Envelope::parse(&bytes).unwrap();
        assert_eq!(env.signature_algorithm, SignatureAlgorithm::Ed25519);
        assert_eq!(env.signed_bytes, &bytes[..header_len("x")]);
        assert_eq!(env.signature.unwrap(), &signer(env.signed_bytes));
        assert_eq!(env.payload, PAYLOAD);
        // Cut inside the signature.
        let cut = header_len("x") + 10;
        assert_eq!(
            Envelope::parse(&bytes[..cut]).unwrap_err(),
            EnvelopeError::Truncated { field: "signature" }
        );
    }

    #[test]
    fn wasm_bytes_are_not_an_artifact() {
        let err = Envelope::parse(b"\0asm\x01\0\0\0").unwrap_err();
        assert_eq!(err, EnvelopeError::NotAnArtifact { looks_like: "a WebAssembly binary (.wasm)" });
        assert!(!err.is_mismatch());
    }

    #[test]
    fn elf_bytes_are_not_an_artifact() {
        let err = Envelope::parse(PAYLOAD).unwrap_err();
        assert_eq!(err, EnvelopeError::NotAnArtifact { looks_like: "a raw Wasmtime .cwasm without envelope" });
    }

    #[test]
    fn other_bytes_are_not_an_artifact() {
        let cases: [(&[u8], &str); 3] = [
            (b"", "an empty file"),
            (b"(module)", "text (perhaps .wat)"),
            (&[0xff, 0xfe, 0x00, 0x80], "unknown binary data"),
        ];
        for (bytes, looks_like) in cases {
            assert_eq!(Envelope::parse(bytes).unwrap_err(), EnvelopeError::NotAnArtifact { looks_like });
        }
    }

    #[test]
    fn truncation_at_every_field_is_reported() {
        let bytes = artifact();
        let flags_at = flags_len_at();
        let cases = [
            (3, None),
            (8, Some("format version")),
            (9, Some("format version")),
            (10, Some("target")),
            (11, Some("profile")),
            (12, Some("switches")),
            (13, Some("signature algorithm")),
            (15, Some("reserved")),
            (16, Some("payload length")),
            (23, Some("payload length")),
            (24, Some("digest")),
            (55, Some("digest")),
            (56, Some("Wasmtime version")),
            (VERSION_AT + 2, Some("Wasmtime version")),
            (flags_at, Some("ISA flags")),
            (flags_at + 1, Some("ISA flags")),
            (flags_at + 2 + 3, Some("ISA flags")),
        ];
        for (cut, field) in cases {
            let err = Envelope::parse(&bytes[..cut]).unwrap_err();
            match field {
                Some(field) => assert_eq!(err, EnvelopeError::Truncated { field }, "cut at {cut}"),
                None => assert!(matches!(err, EnvelopeError::NotAnArtifact { .. }), "cut at {cut}: {err:?}"),
            }
        }
        // Cut inside the payload: the header is whole, the length is not.
        let header = header_len("has_lse,has_fp16");
        for cut in [header, header + 1, bytes.len() - 1] {
            assert_eq!(
                Envelope::parse(&bytes[..cut]).unwrap_err(),
                EnvelopeError::PayloadLength { declared: PAYLOAD.len() as u64, actual: (cut - header) as u64 }
            );
        }
    }

    #[test]
    fn flipped_payload_byte_is_a_digest_mismatch() {
        let original = artifact();
        let header = header_len("has_lse,has_fp16");
        for at in [header, header + 7, original.len() - 1] {
            let mut bytes = original.clone();
            bytes[at] ^= 0x01;
            let err = Envelope::parse(&bytes).unwrap_err();
            assert_eq!(err, EnvelopeError::DigestMismatch);
            assert!(!err.is_mismatch());
        }
        // A flipped digest byte is caught the same way.
        let mut bytes = original.clone();
        bytes[30] ^= 0x80;
        assert_eq!(Envelope::parse(&bytes).unwrap_err(), EnvelopeError::DigestMismatch);
    }

    #[test]
    fn wrong_payload_length_is_rejected() {
        let mut longer = artifact();
        longer.push(0);
        assert_eq!(
            Envelope::parse(&longer).unwrap_err(),
            EnvelopeError::PayloadLength { declared: PAYLOAD.len() as u64, actual: PAYLOAD.len() as u64 + 1 }
        );
        let mut declared = artifact();
        declared[16..24].copy_from_slice(&u64::MAX.to_le_bytes());
        assert_eq!(
            Envelope::parse(&declared).unwrap_err(),
            EnvelopeError::PayloadLength { declared: u64::MAX, actual: PAYLOAD.len() as u64 }
        );
    }

    fn with_byte(at: usize, value: u8) -> Result<(), EnvelopeError> {
        let mut bytes = artifact();
        bytes[at] = value;
        Envelope::parse(&bytes).map(|_| ())
    }

    #[test]
    fn unknown_target_or_profile_byte_is_rejected() {
        for value in [3, 7, 0xff] {
            assert_eq!(with_byte(10, value).unwrap_err(), EnvelopeError::BadField { field: "target" });
            assert_eq!(with_byte(11, value).unwrap_err(), EnvelopeError::BadField { field: "profile" });
        }
    }

    #[test]
    fn impossible_profile_target_pair_is_rejected() {
        // Pulley profile with aarch64 code, native-signals with Pulley bytecode.
        assert_eq!(
            with_byte(11, Profile::Pulley as u8).unwrap_err(),
            EnvelopeError::BadField { field: "profile/target pair" }
        );
        assert_eq!(
            with_byte(10, Target::Pulley64 as u8).unwrap_err(),
            EnvelopeError::BadField { field: "profile/target pair" }
        );
    }

    #[test]
    fn nonzero_reserved_is_rejected() {
        assert_eq!(with_byte(14, 1).unwrap_err(), EnvelopeError::BadField { field: "reserved" });
        assert_eq!(with_byte(15, 0x80).unwrap_err(), EnvelopeError::BadField { field: "reserved" });
    }

    #[test]
    fn other_header_corruptions_are_rejected() {
        assert_eq!(with_byte(8, 2).unwrap_err(), EnvelopeError::UnsupportedFormat { version: 2 });
        assert_eq!(with_byte(9, 1).unwrap_err(), EnvelopeError::UnsupportedFormat { version: 0x0101 });
        assert_eq!(with_byte(12, 0b100).unwrap_err(), EnvelopeError::BadField { field: "switches" });
        assert_eq!(with_byte(13, 2).unwrap_err(), EnvelopeError::BadField { field: "signature algorithm" });
        assert_eq!(with_byte(56, 0).unwrap_err(), EnvelopeError::BadField { field: "Wasmtime version" });
        assert_eq!(
            with_byte(56, (MAX_VERSION_LEN + 1) as u8).unwrap_err(),
            EnvelopeError::BadField { field: "Wasmtime version" }
        );
        assert_eq!(with_byte(VERSION_AT, 0xc3).unwrap_err(), EnvelopeError::BadField { field: "Wasmtime version" });
        assert_eq!(
            with_byte(flags_len_at() + 2, 0x80).unwrap_err(),
            EnvelopeError::BadField { field: "ISA flags" }
        );
    }

    #[test]
    fn check_engine_rejects_another_wasmtime_version() {
        let mut bytes = artifact();
        // Same length, different version: the digest covers only the payload.
        let first = bytes[VERSION_AT];
        bytes[VERSION_AT] = if first == b'1' { b'2' } else { b'1' };
        let env = Envelope::parse(&bytes).unwrap();
        let err = env.check_engine(&settings()).unwrap_err();
        assert_eq!(err, EnvelopeError::WasmtimeVersion { artifact: env.wasmtime_version.as_bytes().to_vec() });
        assert!(err.is_mismatch());
        assert!(alloc::format!("{err}").contains(WASMTIME_VERSION));
    }

    #[test]
    fn check_engine_rejects_other_settings() {
        let bytes = artifact();
        let env = Envelope::parse(&bytes).unwrap();
        let base = settings();
        let others = vec![
            EngineSettings { target: Target::X86_64, ..base },
            EngineSettings { profile: Profile::Native, ..base },
            EngineSettings { profile: Profile::Pulley, target: Target::Pulley64, ..base },
            EngineSettings { fuel: false, ..base },
            EngineSettings { epoch: true, ..base },
        ];
        for engine in others {
            let err = env.check_engine(&engine).unwrap_err();
            assert_eq!(err, EnvelopeError::Settings { artifact: base, engine });
            assert!(err.is_mismatch());
            let message = alloc::format!("{err}");
            assert!(message.contains(&alloc::format!("--target {}", engine.target.name())), "{message}");
            assert!(message.contains(&alloc::format!("--profile {}", engine.profile.name())), "{message}");
        }
        env.check_engine(&base).unwrap();
    }

    #[test]
    fn error_messages_say_what_to_do() {
        for err in [
            EnvelopeError::NotAnArtifact { looks_like: "x" },
            EnvelopeError::Truncated { field: "digest" },
            EnvelopeError::DigestMismatch,
            EnvelopeError::PayloadLength { declared: 1, actual: 2 },
        ] {
            let message = alloc::format!("{err}");
            assert!(message.contains("recompile") || message.contains("precompile"), "{message}");
        }
    }
}
