//! Runs the built `nsw-precompile` binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_nsw-precompile");

const ADD_WAT: &str = "(module (func (export \"add\") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add))";
const MUL_WAT: &str = "(module (func (export \"mul\") (param i64 i64) (result i64) local.get 0 local.get 1 i64.mul))";
const INVALID_WAT: &str = "(module (func (result i32) i64.const 1))";

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("nsw-precompile-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN).current_dir(dir).args(args).output().expect("run nsw-precompile")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn write_inputs(dir: &Path) {
    std::fs::write(dir.join("add.wat"), ADD_WAT).unwrap();
    std::fs::write(dir.join("mul.wat"), MUL_WAT).unwrap();
    std::fs::write(dir.join("add2.wasm"), wat::parse_str(ADD_WAT).unwrap()).unwrap();
}

#[test]
fn batch_three_inputs_two_combos() {
    let dir = temp_dir("batch");
    write_inputs(&dir);
    let out = run(
        &dir,
        &["--target", "x86_64", "--target", "aarch64", "--profile", "native", "--out-dir", "out", "add.wat", "mul.wat", "add2.wasm"],
    );
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    for i in 1..=6 {
        assert!(err.contains(&format!("[{i}/6] compiled ")), "{err}");
    }
    assert!(err.contains("6 artifact(s) compiled from 3 input(s) for 2 target/profile combination(s)"), "{err}");
    let mut files: Vec<String> = std::fs::read_dir(dir.join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "add.native.aarch64.cwasm",
            "add.native.x86_64.cwasm",
            "add2.native.aarch64.cwasm",
            "add2.native.x86_64.cwasm",
            "mul.native.aarch64.cwasm",
            "mul.native.x86_64.cwasm",
        ]
    );
    for file in &files {
        let bytes = std::fs::read(dir.join("out").join(file)).unwrap();
        let env = nsw_precompiler::Envelope::parse(&bytes).unwrap();
        assert!(file.contains(env.settings.target.name()));
    }

    let inspect = run(&dir, &["inspect", "out/mul.native.aarch64.cwasm"]);
    assert!(inspect.status.success(), "{}", stderr(&inspect));
    let text = String::from_utf8(inspect.stdout).unwrap();
    for line in [
        "format:           1",
        "target:           aarch64",
        "profile:          native",
        "fuel:             no",
        "epoch:            no",
        "signature:        none",
        "ISA flags:        (none)",
        "SHA-256:          ",
        "payload size:     ",
    ] {
        assert!(text.contains(line), "missing {line:?} in\n{text}");
    }
    assert!(text.contains(&format!("Wasmtime version: {}", nsw_precompiler::WASMTIME_VERSION)), "{text}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn single_output_with_o() {
    let dir = temp_dir("single");
    write_inputs(&dir);
    let out = run(&dir, &["--profile", "pulley", "--fuel", "--epoch", "--no-parallel", "-o", "add.cwasm", "add.wat"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let bytes = std::fs::read(dir.join("add.cwasm")).unwrap();
    let env = nsw_precompiler::Envelope::parse(&bytes).unwrap();
    assert_eq!(env.settings.target, nsw_precompiler::Target::Pulley64);
    assert!(env.settings.fuel && env.settings.epoch);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_failing_input_fails_the_run_but_not_the_others() {
    let dir = temp_dir("failure");
    write_inputs(&dir);
    std::fs::write(dir.join("bad.wat"), INVALID_WAT).unwrap();
    let out = run(&dir, &["--profile", "pulley", "--out-dir", "out", "add.wat", "bad.wat", "mul.wat", "nope.wat"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("FAILED bad.wat (pulley/pulley64)") && err.contains("type mismatch"), "{err}");
    assert!(err.contains("FAILED nope.wat") && err.contains("cannot read nope.wat"), "{err}");
    assert!(err.contains("2 of 4 failed"), "{err}");
    assert!(dir.join("out/add.pulley.pulley64.cwasm").exists());
    assert!(dir.join("out/mul.pulley.pulley64.cwasm").exists());
    assert!(!dir.join("out/bad.pulley.pulley64.cwasm").exists());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn usage_errors() {
    let dir = temp_dir("usage");
    write_inputs(&dir);
    for (target, profile) in [("x86_64", "pulley"), ("aarch64", "pulley"), ("pulley64", "native")] {
        let out = run(&dir, &["--target", target, "--profile", profile, "-o", "x.cwasm", "add.wat"]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains(&format!("--target {target} --profile {profile}")), "{err}");
    }
    // Mixed lists: the impossible pairs are skipped, with a note.
    let out = run(&dir, &["--target", "x86_64", "--target", "pulley64", "--profile", "pulley", "--out-dir", "o", "add.wat"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("skipping --target x86_64 --profile pulley"));

    let out = run(&dir, &["-o", "x.cwasm", "add.wat", "mul.wat"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("-o takes exactly one input"), "{}", stderr(&out));
    let out = run(&dir, &["add.wat"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--out-dir"), "{}", stderr(&out));
    let out = run(&dir, &["--target", "riscv64", "--out-dir", "o", "add.wat"]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&dir, &["--out-dir", "o"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!dir.join("x.cwasm").exists());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn inspect_reports_parse_errors() {
    let dir = temp_dir("inspect");
    write_inputs(&dir);
    let out = run(&dir, &["inspect", "add2.wasm"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("add2.wasm") && err.contains("bad magic") && err.contains("WebAssembly binary"), "{err}");

    let out = run(&dir, &["--profile", "pulley", "-o", "a.cwasm", "add.wat"]);
    assert!(out.status.success());
    let mut bytes = std::fs::read(dir.join("a.cwasm")).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    std::fs::write(dir.join("a.cwasm"), &bytes).unwrap();
    let out = run(&dir, &["inspect", "a.cwasm"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("SHA-256"), "{}", stderr(&out));

    let out = run(&dir, &["inspect", "missing.cwasm"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("cannot read missing.cwasm"));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// RFC 8410 section 10.3's Ed25519 key pair, as `openssl genpkey` / `openssl pkey -pubout` write it.
const PRIVATE_PEM: &str = "-----BEGIN PRIVATE KEY-----\n\
    MC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n\
    -----END PRIVATE KEY-----\n";
const PUBLIC_PEM: &str = "-----BEGIN PUBLIC KEY-----\n\
    MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n\
    -----END PUBLIC KEY-----\n";
/// Another key's public half (seed 0x07 * 32).
fn other_public_pem() -> String {
    use ed25519_dalek::pkcs8::EncodePublicKey as _;
    ed25519_dalek::SigningKey::from_bytes(&[7; 32])
        .verifying_key()
        .to_public_key_pem(pkcs8::LineEnding::LF)
        .unwrap()
}

#[test]
fn sign_key_signs_every_artifact_and_inspect_verifies_it() {
    let dir = temp_dir("sign");
    write_inputs(&dir);
    std::fs::write(dir.join("key.pem"), PRIVATE_PEM).unwrap();
    std::fs::write(dir.join("public.pem"), PUBLIC_PEM).unwrap();
    std::fs::write(dir.join("other.pem"), other_public_pem()).unwrap();
    let out = run(
        &dir,
        &["--sign-key", "key.pem", "--target", "x86_64", "--target", "pulley64", "--profile", "native", "--profile", "pulley", "--out-dir", "out", "add.wat"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    for file in ["out/add.native.x86_64.cwasm", "out/add.pulley.pulley64.cwasm"] {
        let bytes = std::fs::read(dir.join(file)).unwrap();
        let env = nsw_precompiler::Envelope::parse(&bytes).unwrap();
        assert_eq!(env.signature_algorithm, nsw_precompiler::envelope::SignatureAlgorithm::Ed25519);

        let plain = run(&dir, &["inspect", file]);
        assert!(plain.status.success(), "{}", stderr(&plain));
        let text = String::from_utf8(plain.stdout).unwrap();
        assert!(text.contains("signature:        Ed25519 (not verified: give --public-key FILE)"), "{text}");

        let good = run(&dir, &["inspect", "--public-key", "public.pem", file]);
        let text = String::from_utf8(good.stdout.clone()).unwrap();
        assert!(good.status.success(), "{text}{}", stderr(&good));
        assert!(text.contains("signature:        Ed25519 (verified with public.pem)"), "{text}");

        let bad = run(&dir, &["inspect", "--public-key", "other.pem", file]);
        let text = String::from_utf8(bad.stdout.clone()).unwrap();
        assert_eq!(bad.status.code(), Some(1), "{text}");
        assert!(text.contains("signature:        Ed25519 (INVALID: not made by the key in other.pem"), "{text}");
        assert!(stderr(&bad).contains("does not verify with other.pem"), "{}", stderr(&bad));
    }

    // Unsigned artifacts do not verify.
    let out = run(&dir, &["--profile", "pulley", "-o", "plain.cwasm", "add.wat"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = run(&dir, &["inspect", "--public-key", "public.pem", "plain.cwasm"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stdout).unwrap().contains("signature:        none (INVALID"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn key_file_errors_name_the_file() {
    let dir = temp_dir("key-errors");
    write_inputs(&dir);
    std::fs::write(dir.join("text.pem"), "not a key").unwrap();
    std::fs::write(dir.join("public.pem"), PUBLIC_PEM).unwrap();
    std::fs::write(dir.join("key.pem"), PRIVATE_PEM).unwrap();
    for (key, expected) in [
        ("missing.pem", "the signing key missing.pem does not exist"),
        ("text.pem", "the signing key text.pem is not a PEM file"),
        ("public.pem", "the signing key public.pem is a public key"),
    ] {
        let out = run(&dir, &["--sign-key", key, "--out-dir", "out", "add.wat"]);
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        assert!(stderr(&out).contains(expected), "{}", stderr(&out));
    }
    assert!(!dir.join("out").exists(), "nothing compiled with a bad key");

    let out = run(&dir, &["--sign-key", "key.pem", "--profile", "pulley", "-o", "a.cwasm", "add.wat"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = run(&dir, &["inspect", "--public-key", "key.pem", "a.cwasm"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("the public key key.pem is a private key"), "{}", stderr(&out));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn version_names_the_wasmtime_version() {
    let out = Command::new(BIN).arg("--version").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains(&format!("(Wasmtime {})", nsw_precompiler::WASMTIME_VERSION)), "{text}");
}
