//! Ed25519 keys for signing artifacts (`--sign-key`) and checking their
//! signatures (`inspect --public-key`), read from PEM files: PKCS#8 private
//! keys (what `openssl genpkey -algorithm ed25519` and Java's
//! `KeyPairGenerator.getInstance("Ed25519")` write) and X.509
//! SubjectPublicKeyInfo public keys (`openssl pkey -pubout`).

use std::path::Path;

use ed25519_dalek::pkcs8::{DecodePrivateKey, DecodePublicKey};
use pkcs8::PrivateKeyInfo;
use pkcs8::der::pem;
use pkcs8::spki::SubjectPublicKeyInfoRef;
use ed25519_dalek::{Signature, Signer as _};
use nsw_contract::envelope::{Envelope, SIGNATURE_LEN};
use wasmtime::{Result, bail};

pub use ed25519_dalek::{SigningKey, VerifyingKey};

const ED25519_OID: &str = "1.3.101.112";
const MAKE_PRIVATE: &str = "make one with `openssl genpkey -algorithm ed25519 -out key.pem` \
                            (or dev.nostdwasm.precompiler.SigningKeys.generate)";
const MAKE_PUBLIC: &str = "derive it from the private key with `openssl pkey -in key.pem -pubout -out public.pem`";

/// Reads an Ed25519 private key from a PKCS#8 PEM file. Every error names
/// the file and says what to give instead.
pub fn read_signing_key(path: &Path) -> Result<SigningKey> {
    let (label, der) = read_pem(path, "signing key", "an Ed25519 private key in PKCS#8 PEM", MAKE_PRIVATE)?;
    match label.as_str() {
        "PRIVATE KEY" => {}
        "PUBLIC KEY" => bail!(
            "the signing key {} is a public key: --sign-key needs the Ed25519 private key (PEM \"PRIVATE KEY\") \
             the public key was made from",
            path.display()
        ),
        "ENCRYPTED PRIVATE KEY" => bail!(
            "the signing key {} is encrypted: decrypt it first (`openssl pkey -in {} -out plain.pem`) and give \
             the plain PKCS#8 PEM file",
            path.display(),
            path.display()
        ),
        other => bail!(
            "the signing key {} holds a PEM \"{other}\", not a PKCS#8 \"PRIVATE KEY\" of algorithm Ed25519: {MAKE_PRIVATE}",
            path.display()
        ),
    }
    let info = match PrivateKeyInfo::try_from(der.as_slice()) {
        Ok(info) => info,
        Err(e) => bail!(
            "the signing key {} is not a valid PKCS#8 private key ({e}): {MAKE_PRIVATE}",
            path.display()
        ),
    };
    let oid = info.algorithm.oid.to_string();
    if oid != ED25519_OID {
        bail!(
            "the signing key {} is {}, not an Ed25519 key: artifacts are signed with Ed25519; {MAKE_PRIVATE}",
            path.display(),
            algorithm_name(&oid)
        );
    }
    match SigningKey::from_pkcs8_der(&der) {
        Ok(key) => Ok(key),
        Err(e) => bail!("the signing key {} is a damaged Ed25519 key ({e}): {MAKE_PRIVATE}", path.display()),
    }
}

/// Reads an Ed25519 public key from an X.509 SubjectPublicKeyInfo PEM file.
pub fn read_verifying_key(path: &Path) -> Result<VerifyingKey> {
    let (label, der) = read_pem(path, "public key", "an Ed25519 public key in PEM (\"PUBLIC KEY\")", MAKE_PUBLIC)?;
    match label.as_str() {
        "PUBLIC KEY" => {}
        "PRIVATE KEY" | "ENCRYPTED PRIVATE KEY" => bail!(
            "the public key {} is a private key: give the public key instead ({MAKE_PUBLIC}), and keep the private \
             key to yourself",
            path.display()
        ),
        other => bail!(
            "the public key {} holds a PEM \"{other}\", not a \"PUBLIC KEY\" of algorithm Ed25519: {MAKE_PUBLIC}",
            path.display()
        ),
    }
    let info = match SubjectPublicKeyInfoRef::try_from(der.as_slice()) {
        Ok(info) => info,
        Err(e) => bail!("the public key {} is not a valid X.509 public key ({e}): {MAKE_PUBLIC}", path.display()),
    };
    let oid = info.algorithm.oid.to_string();
    if oid != ED25519_OID {
        bail!(
            "the public key {} is {}, not an Ed25519 key: artifacts are signed with Ed25519; {MAKE_PUBLIC}",
            path.display(),
            algorithm_name(&oid)
        );
    }
    match VerifyingKey::from_public_key_der(&der) {
        Ok(key) => Ok(key),
        Err(e) => bail!("the public key {} is a damaged Ed25519 key ({e}): {MAKE_PUBLIC}", path.display()),
    }
}

/// Signs the header bytes an envelope hands over (see `envelope::wrap`).
pub fn sign(key: &SigningKey, header: &[u8]) -> [u8; SIGNATURE_LEN] {
    key.sign(header).to_bytes()
}

/// What a signature check found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verification {
    /// The artifact carries no signature.
    Unsigned,
    /// Signed by the key.
    Valid,
    /// Signed, but not by this key (or the header was changed after signing).
    Invalid,
}

/// Checks the envelope's signature over its header against `key` (strict
/// Ed25519: no malleable or small-order signatures).
pub fn verify(envelope: &Envelope<'_>, key: &VerifyingKey) -> Verification {
    match envelope.signature {
        None => Verification::Unsigned,
        Some(sig) => {
            let signature = Signature::from_bytes(sig);
            if key.verify_strict(envelope.signed_bytes, &signature).is_ok() {
                Verification::Valid
            } else {
                Verification::Invalid
            }
        }
    }
}

fn read_pem(path: &Path, what: &str, expected: &str, how: &str) -> Result<(String, Vec<u8>)> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            bail!("the {what} {} does not exist: give the path of {expected} ({how})", path.display())
        }
        Err(e) => bail!("cannot read the {what} {}: {e} (give the path of {expected})", path.display()),
    };
    let Some(begin) = find(&bytes, b"-----BEGIN ") else {
        let hint = if bytes.first() == Some(&0x30) {
            format!(
                " (it looks like DER; convert it with `openssl pkey -inform DER -in {} -out key.pem`{})",
                path.display(),
                if what == "public key" { " -pubin" } else { "" }
            )
        } else {
            String::new()
        };
        bail!("the {what} {} is not a PEM file{hint}: give {expected} ({how})", path.display());
    };
    match pem::decode_vec(&bytes[begin..]) {
        Ok((label, der)) => Ok((label.to_string(), der)),
        Err(e) => bail!("the {what} {} is not valid PEM ({e}): give {expected} ({how})", path.display()),
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn algorithm_name(oid: &str) -> String {
    match oid {
        "1.2.840.113549.1.1.1" => "an RSA key".into(),
        "1.2.840.10045.2.1" => "an EC (ECDSA) key".into(),
        "1.3.101.113" => "an Ed448 key".into(),
        "1.3.101.110" => "an X25519 key".into(),
        "1.3.101.111" => "an X448 key".into(),
        "1.2.840.10040.4.1" => "a DSA key".into(),
        _ => format!("a key of algorithm {oid}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ed25519_dalek::pkcs8::{EncodePrivateKey, EncodePublicKey};
    use pkcs8::LineEnding;
    use nsw_contract::envelope::wrap;
    use nsw_contract::{EngineSettings, Profile, Target};
    use std::path::PathBuf;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("nsw-signing-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn key(seed: u8) -> SigningKey {
        SigningKey::from_bytes(&[seed; 32])
    }

    fn settings() -> EngineSettings {
        EngineSettings { profile: Profile::Native, target: Target::X86_64, fuel: false, epoch: false }
    }

    #[test]
    fn sign_and_verify_round_trip_through_pem_files() {
        let dir = temp_dir("round-trip");
        let private = dir.join("key.pem");
        let public = dir.join("public.pem");
        std::fs::write(&private, key(7).to_pkcs8_pem(LineEnding::LF).unwrap().as_bytes()).unwrap();
        std::fs::write(&public, key(7).verifying_key().to_public_key_pem(LineEnding::LF).unwrap()).unwrap();
        let signing = read_signing_key(&private).unwrap();
        let verifying = read_verifying_key(&public).unwrap();
        let signer = |header: &[u8]| sign(&signing, header);
        let bytes = wrap(&settings(), "", b"payload", Some(&signer));
        let env = Envelope::parse(&bytes).unwrap();
        assert_eq!(verify(&env, &verifying), Verification::Valid);
        assert_eq!(verify(&env, &key(8).verifying_key()), Verification::Invalid);

        // A changed header byte (the ISA flags are covered, not the digest only).
        let mut tampered = bytes.clone();
        tampered[12] = 0b10; // epoch on
        let env = Envelope::parse(&tampered).unwrap();
        assert_eq!(verify(&env, &verifying), Verification::Invalid);

        let unsigned = wrap(&settings(), "", b"payload", None);
        assert_eq!(verify(&Envelope::parse(&unsigned).unwrap(), &verifying), Verification::Unsigned);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// What `openssl genpkey -algorithm ed25519` writes (RFC 8410 section 10.3's key).
    const OPENSSL_PRIVATE: &str = "-----BEGIN PRIVATE KEY-----\n\
        MC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n\
        -----END PRIVATE KEY-----\n";
    const OPENSSL_PUBLIC: &str = "-----BEGIN PUBLIC KEY-----\n\
        MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n\
        -----END PUBLIC KEY-----\n";

    #[test]
    fn the_rfc_8410_example_keys_match() {
        let dir = temp_dir("rfc");
        std::fs::write(dir.join("k.pem"), OPENSSL_PRIVATE).unwrap();
        std::fs::write(dir.join("p.pem"), OPENSSL_PUBLIC).unwrap();
        let signing = read_signing_key(&dir.join("k.pem")).unwrap();
        let verifying = read_verifying_key(&dir.join("p.pem")).unwrap();
        assert_eq!(signing.verifying_key(), verifying);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    fn signing_error(dir: &Path, name: &str, content: &[u8]) -> String {
        let path = dir.join(name);
        std::fs::write(&path, content).unwrap();
        format!("{:#}", read_signing_key(&path).unwrap_err())
    }

    #[test]
    fn signing_key_errors_name_the_file_and_what_to_do() {
        let dir = temp_dir("errors");
        let missing = format!("{:#}", read_signing_key(&dir.join("nope.pem")).unwrap_err());
        assert!(missing.contains("nope.pem") && missing.contains("does not exist") && missing.contains("openssl genpkey"), "{missing}");

        let text = signing_error(&dir, "text.pem", b"hello");
        assert!(text.contains("text.pem") && text.contains("not a PEM file") && text.contains("PKCS#8"), "{text}");

        let der = key(1).to_pkcs8_der().unwrap();
        let der = signing_error(&dir, "key.der", der.as_bytes());
        assert!(der.contains("key.der") && der.contains("looks like DER") && der.contains("-inform DER"), "{der}");

        let public = signing_error(&dir, "pub.pem", OPENSSL_PUBLIC.as_bytes());
        assert!(public.contains("pub.pem") && public.contains("is a public key"), "{public}");

        // An EC P-256 private key (PKCS#8), as `openssl genpkey -algorithm ec` writes.
        let ec = "-----BEGIN PRIVATE KEY-----\n\
            MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg3go4M5stCScAEP2g\n\
            BEuBD0p/GV4NjQVO9W4IphJvXQ6hRANCAAT8HNci/O73+obaha8MkwwLc1O0sNUR\n\
            DAm64aC96SzW/EDmxWMFk4xdgLMLnP6AtoCh4cC7fise3iguSYcYyL7p\n\
            -----END PRIVATE KEY-----\n";
        let ec = signing_error(&dir, "ec.pem", ec.as_bytes());
        assert!(ec.contains("ec.pem") && ec.contains("EC (ECDSA)") && ec.contains("not an Ed25519 key"), "{ec}");

        let rsa = signing_error(&dir, "rsa.pem", b"-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        assert!(rsa.contains("rsa.pem") && rsa.contains("\"RSA PRIVATE KEY\"") && rsa.contains("Ed25519"), "{rsa}");

        let broken = signing_error(&dir, "broken.pem", b"-----BEGIN PRIVATE KEY-----\n!!!\n-----END PRIVATE KEY-----\n");
        assert!(broken.contains("broken.pem") && broken.contains("not valid PEM"), "{broken}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn public_key_errors_name_the_file_and_what_to_do() {
        let dir = temp_dir("public-errors");
        std::fs::write(dir.join("k.pem"), OPENSSL_PRIVATE).unwrap();
        let err = format!("{:#}", read_verifying_key(&dir.join("k.pem")).unwrap_err());
        assert!(err.contains("k.pem") && err.contains("is a private key") && err.contains("-pubout"), "{err}");
        let err = format!("{:#}", read_verifying_key(&dir.join("none.pem")).unwrap_err());
        assert!(err.contains("none.pem") && err.contains("does not exist"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
